import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AttachmentRepository, TicketReadRepository, type ArticleRecord, type AttachmentRecord, type TicketRecord } from '@casework/database';
import { DomainError } from '@casework/domain';
import { isUuid } from '../common/uuid.util.js';

export interface TicketWithArticles {
  ticket: TicketRecord;
  articles: ArticleRecord[];
  attachments: AttachmentRecord[];
}

@Injectable()
export class GetTicketUseCase {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(TicketReadRepository) private readonly tickets: TicketReadRepository,
    @Inject(AttachmentRepository) private readonly attachments: AttachmentRepository,
  ) {}

  async execute(id: string): Promise<TicketWithArticles> {
    if (!isUuid(id)) throw DomainError.ticketNotFound(id);
    const ticket = await this.tickets.find(this.db, id);
    if (!ticket) throw DomainError.ticketNotFound(id);
    const [articles, attachments] = await Promise.all([this.tickets.articles(this.db, id), this.attachments.forTicket(this.db, id)]);
    return { ticket, articles, attachments };
  }
}
