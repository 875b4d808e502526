import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventEnvelope } from '@casework/contracts';
import { DeadLetterRepository } from '@casework/database';
import { JetStreamPublisher } from '@casework/messaging';
import { DomainError } from '@casework/domain';
import { isUuid } from '../common/uuid.util.js';

/**
 * Publishes a dead letter's envelope again, unchanged (same event id), once its cause is fixed.
 * Every consumer of the subject sees it; those that handled it before find the event id
 * claimed (processed_event) and skip it, so only the one that gave up does the work. The
 * stream's duplicate window would drop a publish under the event id, hence a re-drive's own.
 */
@Injectable()
export class RedriveDeadLetterUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(DeadLetterRepository) private readonly deadLetters: DeadLetterRepository,
    @Inject(JetStreamPublisher) private readonly publisher: JetStreamPublisher,
  ) {}

  async execute(id: string): Promise<{ id: string; redrivenAt: string }> {
    if (!isUuid(id)) throw DomainError.deadLetterNotFound(id);
    return this.db.transaction(async (tx) => {
      const letter = await this.deadLetters.findForUpdate(tx, id);
      if (!letter) throw DomainError.deadLetterNotFound(id);
      if (letter.envelope === null) throw new DomainError('DeadLetterNotRedrivable', `dead letter ${id} holds no readable envelope to publish`);
      const redrivenAt = await this.deadLetters.markRedriven(tx, id);
      await this.publisher.publish(letter.envelope as EventEnvelope, { msgID: `${letter.eventId ?? id}:redrive:${id}:${redrivenAt.getTime()}` });
      return { id, redrivenAt: redrivenAt.toISOString() };
    });
  }
}
