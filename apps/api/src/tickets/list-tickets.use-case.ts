import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueRepository, TicketReadRepository, type Db, type TicketRecord } from '@casework/database';
import type { TicketStatus } from '@casework/domain';
import { TicketAccessService, type TicketScope } from '../access/ticket-access.service.js';
import type { Caller } from '../auth/caller.js';
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
  /** The caller's access, for showing each ticket in full or as metadata. */
  scope: TicketScope;
}

/**
 * Newest first, keyset-paginated; one extra row tells whether another page exists. A queue
 * slug is resolved to its id first, so the page is read by queue id from an index (matched
 * through the join, the slug left Postgres walking every ticket); an unknown slug is an empty
 * page, as a filter matching nothing (and an empty one no filter, as before). The caller sees
 * only the queues the access rule shows them: a hidden queue's slug is an empty page too, and
 * their tickets are absent from every page.
 */
@Injectable()
export class ListTicketsUseCase {
  constructor(
    @Inject(DataSource) private readonly db: Db,
    @Inject(TicketReadRepository) private readonly tickets: TicketReadRepository,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
  ) {}

  async execute(caller: Caller, input: ListTicketsInput): Promise<TicketPage> {
    const scope = await this.access.scopeOf(caller);
    const visible = scope.visibleQueueIds('metadata') ?? undefined;
    const empty: TicketPage = { tickets: [], nextCursor: null, scope };
    const position = positionAfter(input.cursor);
    const after = position && { createdAt: position.at, id: position.id };
    let queueId: string | undefined;
    if (input.queueSlug) {
      const queue = await this.queues.findBySlug(this.db, input.queueSlug);
      if (!queue || (visible && !visible.includes(queue.id))) return empty;
      queueId = queue.id;
    }
    if (visible?.length === 0) return empty;
    const queueIds = queueId ? undefined : visible;
    const rows = await this.tickets.list(this.db, { status: input.status, queueId, queueIds, limit: input.limit + 1, after });
    const { items, nextCursor } = pageOf(rows, input.limit, (ticket) => ({ at: ticket.createdAt, id: ticket.id }));
    this.access.noteListed(scope, items.map((t) => ({ id: t.id, queueId: t.queue.id })));
    return { tickets: items, nextCursor, scope };
  }
}
