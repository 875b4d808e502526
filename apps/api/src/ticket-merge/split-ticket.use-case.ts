import { Inject, Injectable } from '@nestjs/common';
import { Subjects } from '@casework/contracts';
import { TicketHistoryRepository, TicketMergeRepository, TicketReadRepository, TicketRepository, type MergeLockedTicket, type TicketRecord } from '@casework/database';
import { decideSplit, DomainError } from '@casework/domain';
import { UnitOfWork } from '@casework/messaging';
import { TicketAccessService } from '../access/ticket-access.service.js';
import type { Caller } from '../auth/caller.js';
import { MergeErrors } from './merge.errors.js';

export interface SplitOutcome {
  source: MergeLockedTicket;
  ticket: TicketRecord;
  articleIds: string[];
}

/**
 * Splits articles off a ticket into a new one, under the ticket's row lock: same queue, same
 * requester, its priority and language, status open, the subject of the first article moved
 * (the source's when that one has none). The articles keep their times; the outbound mail of
 * outgoing ones moves with them. History rows on both and ticket.split in the same commit.
 * No ticket.opened: that would acknowledge the requester again.
 */
@Injectable()
export class SplitTicketUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
    @Inject(TicketMergeRepository) private readonly merges: TicketMergeRepository,
    @Inject(TicketRepository) private readonly tickets: TicketRepository,
    @Inject(TicketReadRepository) private readonly ticketReads: TicketReadRepository,
    @Inject(TicketHistoryRepository) private readonly history: TicketHistoryRepository,
  ) {}

  async execute(caller: Caller, ticketId: string, articleIds: string[]): Promise<SplitOutcome> {
    await this.access.requireTicket(caller, ticketId, 'write');
    const scope = await this.access.scopeOf(caller);
    return this.unitOfWork.run(async (tx, emit) => {
      const [source] = await this.merges.lockTickets(tx, [ticketId]);
      if (!source) throw DomainError.ticketNotFound(ticketId);
      scope.require(source, 'write');
      const articles = await this.merges.articlesOf(tx, ticketId);
      const decision = decideSplit(
        articles.map((article) => article.id),
        articleIds,
      );
      if (!decision.allowed) throw MergeErrors.invalidSplit(decision.reason);
      const chosen = new Set(decision.articleIds);
      const first = articles.find((article) => chosen.has(article.id))!;
      const opened = await this.tickets.open(tx, {
        subject: first.subject.trim() || source.subject,
        queueId: source.queueId,
        requesterId: source.requesterId,
        priority: source.priority,
        language: source.language,
      });
      await this.merges.moveArticles(tx, source.id, decision.articleIds, opened.id);
      const moved = articles.filter((article) => chosen.has(article.id)).map((article) => article.id);
      await this.history.append(tx, [
        { ticketId: source.id, kind: 'split_to', details: { ticketId: opened.id, number: opened.number, articles: moved.length }, actorId: caller.userId },
        { ticketId: opened.id, kind: 'split_from', details: { ticketId: source.id, number: source.number, articles: moved.length }, actorId: caller.userId },
      ]);
      await emit(Subjects.TicketSplit, { sourceTicketId: source.id, newTicketId: opened.id, queueId: source.queueId, articleIds: moved, byUserId: caller.userId, priority: source.priority });
      const ticket = await this.ticketReads.find(tx, opened.id);
      return { source, ticket: ticket!, articleIds: moved };
    });
  }
}
