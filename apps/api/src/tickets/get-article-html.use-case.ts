import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AttachmentRepository, TicketReadRepository } from '@casework/database';
import { DomainError } from '@casework/domain';
import { sanitizeEmailHtml } from '@casework/mail';
import { TicketAccessService } from '../access/ticket-access.service.js';
import type { Caller } from '../auth/caller.js';

/**
 * One article's HTML with its remote images (a reader asked: loading them tells the sender it
 * was read, and from where). Never for a restricted queue's mail, nor for mail carrying a
 * blocked attachment: there no image is shown unasked or asked.
 */
@Injectable()
export class GetArticleHtmlUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(TicketReadRepository) private readonly tickets: TicketReadRepository,
    @Inject(AttachmentRepository) private readonly attachments: AttachmentRepository,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
  ) {}

  async execute(caller: Caller, ticketId: string, articleId: string): Promise<{ articleId: string; html: string }> {
    const { queueId } = await this.access.requireTicket(caller, ticketId, 'content');
    const [article, attachments] = await Promise.all([this.tickets.article(this.db, ticketId, articleId), this.attachments.forTicket(this.db, ticketId)]);
    if (!article || article.html === null) throw new DomainError('ArticleNotFound', `article ${JSON.stringify(articleId.slice(0, 64))} has no HTML on this ticket`);
    if ((await this.access.scopeOf(caller)).isRestricted(queueId)) throw DomainError.forbidden('images of a restricted queue (never shown)');
    if (attachments.some((attachment) => attachment.articleId === articleId && attachment.blocked)) throw DomainError.forbidden('images of a mail with a blocked attachment (never shown)');
    return { articleId, html: sanitizeEmailHtml(article.html, { remoteImages: 'show' }) };
  }
}
