import { Inject, Injectable } from '@nestjs/common';
import { Subjects } from '@casework/contracts';
import { LegalHoldRepository, SlaClockRepository, TicketHistoryRepository, TicketMergeRepository, TicketReadRepository, type MergeLockedTicket, type TicketRecord } from '@casework/database';
import { decideMerge, DomainError, mergedTags, requireNotHeld } from '@casework/domain';
import { UnitOfWork } from '@casework/messaging';
import { TicketAccessService } from '../access/ticket-access.service.js';
import type { Caller } from '../auth/caller.js';
import { MergeErrors } from './merge.errors.js';
import { MergeQueueFactsLoader } from './merge-queue-facts.js';

export interface MergeOutcome {
  source: MergeLockedTicket;
  target: TicketRecord;
  articlesMoved: number;
}

/**
 * Merges one ticket into another in one transaction, both rows locked: every article of the
 * source (inbound, outbound, notes, system notes; attachments hang off their article) moves to
 * the target, the tags are united (≤ 20, the target's first), the source is closed with
 * `merged_into_id` (routing follows it, so later mail lands on the target), and the source's
 * running SLA clocks are met now — its requester is answered on the target, whose own clocks go
 * on (breached ones stay breached). History rows on both, ticket.merged (and status_changed for
 * the source, tags_changed for the target) in the same commit. The outbound mail rows stay on
 * the source: their articles moved, and a bounce reaches the target along the merge.
 */
@Injectable()
export class MergeTicketUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
    @Inject(TicketAccessService) private readonly access: TicketAccessService,
    @Inject(TicketMergeRepository) private readonly merges: TicketMergeRepository,
    @Inject(TicketReadRepository) private readonly ticketReads: TicketReadRepository,
    @Inject(TicketHistoryRepository) private readonly history: TicketHistoryRepository,
    @Inject(SlaClockRepository) private readonly slaClocks: SlaClockRepository,
    @Inject(MergeQueueFactsLoader) private readonly queueFacts: MergeQueueFactsLoader,
    @Inject(LegalHoldRepository) private readonly holds: LegalHoldRepository,
  ) {}

  async execute(caller: Caller, sourceId: string, targetId: string): Promise<MergeOutcome> {
    // Write access to both, before any lock: a hidden ticket answers 404 as an unknown one.
    await this.access.requireTicket(caller, sourceId, 'write');
    await this.access.requireTicket(caller, targetId, 'write');
    const scope = await this.access.scopeOf(caller);
    return this.unitOfWork.run(async (tx, emit) => {
      const locked = await this.merges.lockTickets(tx, [sourceId, targetId]);
      const source = locked.find((ticket) => ticket.id === sourceId);
      const target = locked.find((ticket) => ticket.id === targetId);
      if (!source) throw DomainError.ticketNotFound(sourceId);
      if (!target) throw DomainError.ticketNotFound(targetId);
      // A queue may have changed since the check (not-spam moves tickets): the rule again, under the locks.
      scope.require(source, 'write');
      scope.require(target, 'write');
      const sourceQueue = await this.queueFacts.load(tx, source.queueId);
      const targetQueue = await this.queueFacts.load(tx, target.queueId);
      // A held ticket cannot be merged away (its material would live on under another number).
      requireNotHeld('merge', (await this.holds.lockHoldsOfTickets(tx, [source.id])).get(source.id) ?? [], new Date());
      const decision = decideMerge({ source, target, sourceQueue, targetQueue });
      if (!decision.allowed) throw MergeErrors.refused(decision.reason);

      const articlesMoved = await this.merges.moveAllArticles(tx, source.id, target.id);
      const { tags, dropped } = mergedTags(target.tags, source.tags);
      if (tags.length !== target.tags.length) {
        await this.merges.setTags(tx, target.id, tags);
        await emit(Subjects.TicketTagsChanged, { ticketId: target.id, queueId: target.queueId, tags });
      }
      await this.merges.markMerged(tx, source.id, target.id);
      const clocksMet = await this.slaClocks.meetAllRunning(tx, source.id, new Date());
      await this.history.append(tx, [
        { ticketId: source.id, kind: 'merged_into', details: { ticketId: target.id, number: target.number, articles: articlesMoved, clocksMet }, actorId: caller.userId },
        { ticketId: target.id, kind: 'merged_from', details: { ticketId: source.id, number: source.number, articles: articlesMoved, tagsDropped: dropped.length }, actorId: caller.userId },
      ]);
      if (source.status !== 'closed') await emit(Subjects.TicketStatusChanged, { ticketId: source.id, from: source.status, to: 'closed' });
      await emit(Subjects.TicketMerged, { sourceTicketId: source.id, targetTicketId: target.id, queueId: target.queueId, byUserId: caller.userId });
      const merged = await this.ticketReads.find(tx, target.id);
      return { source, target: merged!, articlesMoved };
    });
  }
}
