import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TicketRepository, type TicketRecord } from '@casework/database';
import type { TicketStatus } from '@casework/domain';
import { encodePageCursor, positionAfter } from '../common/page-cursor.util.js';

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

/** Newest first, keyset-paginated; one extra row tells whether another page exists. */
@Injectable()
export class ListTicketsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(TicketRepository) private readonly tickets: TicketRepository,
  ) {}

  async execute(input: ListTicketsInput): Promise<TicketPage> {
    const position = positionAfter(input.cursor);
    const after = position && { createdAt: position.at, id: position.id };
    const rows = await this.tickets.list(this.db, { status: input.status, queueSlug: input.queueSlug, limit: input.limit + 1, after });
    const tickets = rows.slice(0, input.limit);
    const last = tickets.at(-1);
    const nextCursor = rows.length > input.limit && last ? encodePageCursor({ at: last.createdAt, id: last.id }) : null;
    return { tickets, nextCursor };
  }
}
