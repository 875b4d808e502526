import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ContactReadRepository, QueueRepository, TicketReadRepository, type Db, type TicketListFilter, type TicketRecord } from '@casework/database';
import { TicketAccessService, type TicketScope } from '../access/ticket-access.service.js';
import type { Caller } from '../auth/caller.js';
import { pageOf, positionAfter } from '../common/page-cursor.util.js';
import type { ListTicketsQueryDto } from './dto/list-tickets-query.dto.js';

export type ListTicketsInput = Omit<ListTicketsQueryDto, 'limit'> & { limit: number; requesterId?: string };

export interface TicketPage {
  tickets: TicketRecord[];
  nextCursor: string | null;
  /** The caller's access, for showing each ticket in full or as metadata. */
  scope: TicketScope;
}

const date = (iso: string | undefined): Date | undefined => (iso === undefined ? undefined : new Date(iso));

/**
 * One page in the chosen sort, keyset-paginated; one extra row tells whether another page
 * exists. A queue slug and a requester address are resolved to ids first, so the page is read
 * by id from an index; an unknown one is an empty page, as a filter matching nothing. The
 * caller sees only the queues the access rule shows them: a hidden queue's slug is an empty
 * page too, and their tickets are absent from every page. Filtering by what a ticket says
 * (requester, tag) needs the full view, so metadata-only queues drop out of those.
 */
@Injectable()
export class ListTicketsUseCase {
  constructor(
    @Inject(DataSource) private readonly db: Db,
    @Inject(TicketReadRepository) private readonly tickets: TicketReadRepository,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
    @Inject(ContactReadRepository) private readonly contacts: ContactReadRepository,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
  ) {}

  async execute(caller: Caller, input: ListTicketsInput): Promise<TicketPage> {
    const scope = await this.access.scopeOf(caller);
    const byContent = input.requester !== undefined || input.requesterId !== undefined;
    const visible = scope.visibleQueueIds(byContent ? 'full' : 'metadata') ?? undefined;
    const empty: TicketPage = { tickets: [], nextCursor: null, scope };
    const after = positionAfter(input.cursor);
    let queueId: string | undefined;
    if (input.queue) {
      const queue = await this.queues.findBySlug(this.db, input.queue);
      if (!queue || (visible && !visible.includes(queue.id))) return empty;
      queueId = queue.id;
    }
    let requesterId = input.requesterId;
    if (input.requester !== undefined) {
      const contact = await this.contacts.findByEmail(this.db, input.requester);
      if (!contact) return empty;
      requesterId = contact.id;
    }
    if (visible?.length === 0) return empty;
    const filter: TicketListFilter = {
      status: input.status,
      queueId,
      queueIds: queueId ? undefined : visible,
      assignee: input.assignee === 'me' ? caller.userId : input.assignee,
      tag: input.tag,
      priority: input.priority,
      requesterId,
      breached: input.breached === 'true' ? true : undefined,
      createdFrom: date(input.createdFrom),
      createdTo: date(input.createdTo),
      updatedFrom: date(input.updatedFrom),
      updatedTo: date(input.updatedTo),
      sort: input.sort,
      limit: input.limit + 1,
      after,
    };
    const rows = await this.tickets.list(this.db, filter);
    const { items, nextCursor } = pageOf(rows, input.limit, (ticket) => ({ at: ticket.listPosition ?? ticket.createdAt, id: ticket.id }));
    this.access.noteListed(scope, items.map((t) => ({ id: t.id, queueId: t.queue.id })));
    return { tickets: items, nextCursor, scope };
  }
}
