import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TicketRepository, type TicketRecord } from '@casework/database';
import type { TicketStatus } from '@casework/domain';
import { DomainError } from '../common/domain.error.js';
import { decodeTicketCursor, encodeTicketCursor } from './ticket-cursor.util.js';

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
    const after = input.cursor === undefined ? undefined : decodeTicketCursor(input.cursor);
    if (after === null) throw new DomainError('InvalidCursor', 'invalid cursor', { cursor: ['cursor is not a cursor this API issued'] });
    const rows = await this.tickets.list(this.db, { status: input.status, queueSlug: input.queueSlug, limit: input.limit + 1, after });
    const tickets = rows.slice(0, input.limit);
    const last = tickets.at(-1);
    const nextCursor = rows.length > input.limit && last ? encodeTicketCursor({ createdAt: last.createdAt, id: last.id }) : null;
    return { tickets, nextCursor };
  }
}
