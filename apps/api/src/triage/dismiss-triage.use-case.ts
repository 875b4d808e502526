import { Inject, Injectable } from '@nestjs/common';
import { Subjects } from '@casework/contracts';
import { TicketHistoryRepository, TicketWorkRepository, TriageReviewRepository } from '@casework/database';
import { decideDismissal, DomainError, type TriageCategory, type TriageResult } from '@casework/domain';
import { UnitOfWork } from '@casework/messaging';
import type { Caller } from '../auth/caller.js';

/**
 * A specialist's "this was not a threat": recorded with the reason and counted; the ticket keeps
 * its priority and its triage as found (a page already went out), and loses only the
 * `triage:<category>` tag, so lists filtered by it stop showing the case as one.
 */
@Injectable()
export class DismissTriageUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(TriageReviewRepository) private readonly reviews: TriageReviewRepository,
    @Inject(TicketHistoryRepository) private readonly history: TicketHistoryRepository,
    @Inject(TicketWorkRepository) private readonly work: TicketWorkRepository,
  ) {}

  async execute(caller: Caller, ticketId: string, category: TriageCategory, reason: string): Promise<{ queueId: string; level: 1 | 2 }> {
    return this.unitOfWork.run(async (tx, emit) => {
      const locked = await this.reviews.lockForDismissal(tx, ticketId);
      if (!locked) throw DomainError.ticketNotFound(ticketId);
      const decision = decideDismissal(locked.triage as TriageResult, category, locked.dismissed);
      if (!decision.allowed) throw DomainError.triageNotDismissable(decision.reason);
      const { hit } = decision;
      await this.reviews.dismiss(tx, { ticketId, category, level: hit.level, language: hit.language, reason, userId: caller.userId });
      const tag = `triage:${category}`;
      if (locked.tags.includes(tag)) {
        const tags = locked.tags.filter((t) => t !== tag);
        await this.work.replaceTags(tx, ticketId, tags);
        await emit(Subjects.TicketTagsChanged, { ticketId, queueId: locked.queueId, tags });
      }
      await this.history.append(tx, [{ ticketId, kind: 'triage_dismissed', details: { category, level: hit.level, language: hit.language }, actorId: caller.userId }]);
      return { queueId: locked.queueId, level: hit.level };
    });
  }
}
