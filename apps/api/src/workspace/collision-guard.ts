import { Inject, Injectable } from '@nestjs/common';
import { TicketReadRepository, type Db } from '@casework/database';
import { articlesSince, DomainError } from '@casework/domain';
import { toArticleDto } from '../tickets/ticket.mapper.js';

/**
 * The collision check of a reply or note sent with `ifLastArticleId`. Run under the ticket's row
 * lock (the writer's transaction holds it), so of two specialists answering at once the second
 * sees the first's article and is refused: exactly one mail leaves. An id that is not one of the
 * ticket's articles counts as changed too: the writer did not see this ticket as it is.
 */
@Injectable()
export class CollisionGuard {
  constructor(@Inject(TicketReadRepository) private readonly tickets: TicketReadRepository) {}

  async check(tx: Db, ticketId: string, ifLastArticleId: string | undefined): Promise<void> {
    if (ifLastArticleId === undefined) return;
    const articles = await this.tickets.articles(tx, ticketId);
    const since = articlesSince(articles, ifLastArticleId);
    if ('unknownArticle' in since) throw DomainError.ticketChanged(articles.map((article) => toArticleDto(article)));
    if (since.changed) throw DomainError.ticketChanged(since.newArticles.map((article) => toArticleDto(article)));
  }
}
