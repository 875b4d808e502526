import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QuarantineRepository } from '@casework/database';
import { DomainError } from '@casework/domain';
import { TicketAccessService } from '../access/ticket-access.service.js';
import type { Caller } from '../auth/caller.js';
import { isUuid } from '../common/uuid.util.js';

/**
 * The bytes exactly as received: the evidence an agent inspects or reports. They follow the
 * ticket rule of their mailbox's queue: mail of a restricted queue is hidden (404) without a
 * grant, and a granted read is audited.
 */
@Injectable()
export class GetQuarantinedRawUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(QuarantineRepository) private readonly quarantine: QuarantineRepository,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
  ) {}

  async execute(caller: Caller, id: string): Promise<Buffer> {
    if (!isUuid(id)) throw DomainError.quarantinedMessageNotFound(id);
    const found = await this.quarantine.findRaw(this.db, id);
    if (!found) throw DomainError.quarantinedMessageNotFound(id);
    await this.access.requireMessageContent(caller, { rawMessageId: id, queueId: found.queueId }, () => DomainError.quarantinedMessageNotFound(id));
    return found.raw;
  }
}
