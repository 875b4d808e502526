import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueRepository, type QueueRecord } from '@casework/database';
import { distinctAddresses } from '@casework/mail';
import { DomainError } from '@casework/domain';
import { isUuid } from '../common/uuid.util.js';
import type { UpdateQueueDto } from './dto/queue.dto.js';
import { QueueErrors } from './queue.errors.js';

/** Changes the given fields of a queue (each ops address once); QueueNotFound when there is no such queue. */
@Injectable()
export class UpdateQueueUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
  ) {}

  async execute(id: string, input: UpdateQueueDto): Promise<{ before: QueueRecord; after: QueueRecord }> {
    if (!isUuid(id)) throw DomainError.queueNotFound(id);
    return this.db.transaction(async (tx) => {
      const before = await this.queues.find(tx, id);
      if (!before) throw DomainError.queueNotFound(id);
      if (input.address !== undefined) {
        const other = await this.queues.findOtherByAddress(tx, input.address, id);
        if (other) throw QueueErrors.addressTaken(other.slug);
      }
      const after = await this.queues.update(tx, id, {
        name: input.name,
        address: input.address,
        restricted: input.restricted,
        opsEmails: input.opsEmails === undefined ? undefined : distinctAddresses(input.opsEmails),
        defaultLocale: input.defaultLocale,
        timeZone: input.timeZone,
        emergency: input.emergency,
      });
      return { before, after: after! };
    });
  }
}
