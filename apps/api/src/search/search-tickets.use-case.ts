import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueRepository, SearchRepository, TicketReadRepository, type Db, type SearchHit, type TicketRecord } from '@casework/database';
import { hasSearchTerms, parseSearchQuery, type TicketStatus } from '@casework/domain';
import { TicketAccessService } from '../access/ticket-access.service.js';
import type { Caller } from '../auth/caller.js';
import { encodeSearchCursor, searchPositionAfter } from './search-cursor.util.js';

export interface SearchTicketsInput {
  q: string;
  queueSlug?: string;
  status?: TicketStatus;
  limit: number;
  cursor?: string;
}

export interface SearchResultPage {
  hits: { hit: SearchHit; ticket: TicketRecord }[];
  /** The included terms as written: what a snippet marks when the headline could not. */
  terms: string[];
  nextCursor: string | null;
}

/**
 * Searches what the caller may read in full, decided now from their scope: only queues they
 * see in full are searched (a metadata-only viewer never gets a subject or a snippet), so a
 * grant change counts at the next request and nothing is reindexed. A page showing restricted
 * tickets is noted for the audit trail. A query with nothing searchable left after parsing
 * (only punctuation, only exclusions or operators) is an empty page, never an error.
 */
@Injectable()
export class SearchTicketsUseCase {
  constructor(
    @Inject(DataSource) private readonly db: Db,
    @Inject(SearchRepository) private readonly search: SearchRepository,
    @Inject(TicketReadRepository) private readonly tickets: TicketReadRepository,
    @Inject(QueueRepository) private readonly queues: QueueRepository,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
  ) {}

  async execute(caller: Caller, input: SearchTicketsInput): Promise<SearchResultPage> {
    const after = searchPositionAfter(input.cursor);
    const parsed = parseSearchQuery(input.q);
    const terms = parsed.include.map((term) => term.text);
    const empty: SearchResultPage = { hits: [], terms, nextCursor: null };
    const scope = await this.access.scopeOf(caller);
    const visible = scope.visibleQueueIds('full') ?? undefined;
    if (!hasSearchTerms(parsed) || visible?.length === 0) return empty;
    let queueId: string | undefined;
    if (input.queueSlug) {
      const queue = await this.queues.findBySlug(this.db, input.queueSlug);
      if (!queue || (visible && !visible.includes(queue.id))) return empty;
      queueId = queue.id;
    }
    const rows = await this.search.search(this.db, {
      ...parsed,
      queueIds: queueId ? undefined : visible,
      queueId,
      status: input.status,
      limit: input.limit + 1,
      after,
    });
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    const byId = new Map((await this.tickets.findMany(this.db, page.map((hit) => hit.ticketId))).map((ticket) => [ticket.id, ticket]));
    // A ticket gone between the two reads is left out.
    const hits = page.flatMap((hit) => (byId.has(hit.ticketId) ? [{ hit, ticket: byId.get(hit.ticketId)! }] : []));
    this.access.noteListed(scope, hits.map(({ ticket }) => ({ id: ticket.id, queueId: ticket.queue.id })));
    return { hits, terms, nextCursor: rows.length > input.limit && last ? encodeSearchCursor({ rank: last.rank, ticketId: last.ticketId }) : null };
  }
}
