import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QuarantineRepository, type QuarantinedMessageRecord } from '@casework/database';
import { TicketAccessService } from '../access/ticket-access.service.js';
import type { Caller } from '../auth/caller.js';
import { pageOf, positionAfter } from '../common/page-cursor.util.js';

export interface QuarantinePage {
  messages: QuarantinedMessageRecord[];
  nextCursor: string | null;
}

/**
 * Most recently quarantined first, keyset-paginated; one extra row tells whether another page
 * exists. Mail of queues whose tickets the caller may not read in full is left out.
 */
@Injectable()
export class ListQuarantineUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(QuarantineRepository) private readonly quarantine: QuarantineRepository,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
  ) {}

  async execute(caller: Caller, input: { limit: number; cursor?: string }): Promise<QuarantinePage> {
    const position = positionAfter(input.cursor);
    const after = position && { quarantinedAt: position.at, id: position.id };
    const queueIds = (await this.access.scopeOf(caller)).visibleQueueIds('full');
    const rows = await this.quarantine.list(this.db, { limit: input.limit + 1, after, queueIds });
    const { items, nextCursor } = pageOf(rows, input.limit, (message) => ({ at: message.quarantinedAt, id: message.id }));
    return { messages: items, nextCursor };
  }
}
