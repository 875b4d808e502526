import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TicketRepository, type ArticleRecord, type TicketRecord } from '@casework/database';
import { DomainError } from '../common/domain.error.js';
import { isUuid } from '../common/uuid.util.js';

export interface TicketWithArticles {
  ticket: TicketRecord;
  articles: ArticleRecord[];
}

@Injectable()
export class GetTicketService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(TicketRepository) private readonly tickets: TicketRepository,
  ) {}

  async execute(id: string): Promise<TicketWithArticles> {
    if (!isUuid(id)) throw DomainError.ticketNotFound(id);
    const ticket = await this.tickets.find(this.db, id);
    if (!ticket) throw DomainError.ticketNotFound(id);
    return { ticket, articles: await this.tickets.articles(this.db, id) };
  }
}
