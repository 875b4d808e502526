import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueRepository, TicketReadRepository, type Db, type TicketRecord } from '@casework/database';
import type { TicketStatus } from '@casework/domain';
import { pageOf, positionAfter } from '../common/page-cursor.util.js';

export interface ListTicketsInput {
  status?: TicketStatus;
  queueSlug?: string;
  limit: number;
  cursor?: string;
}

export interface TicketPage {
  tickets: TicketRecord[];
  nextCursor: string | null;
}

const EMPTY_PAGE: TicketPage = { tickets: [], nextCursor: null };

/**
 * Newest first, keyset-paginated; one extra row tells whether another page exists. A queue
 * slug is resolved to its id first, so the page is read by queue id from an index (matched
 * through the join, the slug left Postgres walking every ticket); an unknown slug is an empty
 * page, as a filter matching nothing (and an empty one no filter, as before).
 */
@Injectable()
export class ListTicketsUseCase {
  constructor(
    @Inject(DataSource) private readonly db: Db,
    @Inject(TicketReadRepository) private readonly tickets: TicketReadRepository,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
  ) {}

  async execute(input: ListTicketsInput): Promise<TicketPage> {
    const position = positionAfter(input.cursor);
    const after = position && { createdAt: position.at, id: position.id };
    let queueId: string | undefined;
    if (input.queueSlug) {
      const queue = await this.queues.findBySlug(this.db, input.queueSlug);
      if (!queue) return EMPTY_PAGE;
      queueId = queue.id;
    }
    const rows = await this.tickets.list(this.db, { status: input.status, queueId, limit: input.limit + 1, after });
    const { items, nextCursor } = pageOf(rows, input.limit, (ticket) => ({ at: ticket.createdAt, id: ticket.id }));
    return { tickets: items, nextCursor };
  }
}
