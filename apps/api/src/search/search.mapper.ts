import { toTicketDto } from '../tickets/ticket.mapper.js';
import type { SearchPageDto } from './dto/search-result.dto.js';
import type { SearchResultPage } from './search-tickets.use-case.js';
import { snippetOf } from './search-snippet.js';

/** Every hit is shown in full: search only reads queues the caller sees in full. */
export function toSearchPageDto(page: SearchResultPage): SearchPageDto {
  const now = new Date();
  return {
    items: page.hits.map(({ hit, ticket }) => ({
      ticket: toTicketDto(ticket, now, 'full'),
      article: hit.article && { id: hit.article.id, direction: hit.article.direction, createdAt: hit.article.createdAt.toISOString() },
      snippet: snippetOf(hit, page.terms),
    })),
    nextCursor: page.nextCursor,
  };
}
