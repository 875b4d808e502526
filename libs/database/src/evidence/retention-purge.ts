import { choosePurgeable } from '@casework/domain';
import type { DataSource } from 'typeorm';
import { AuditRepository, type NewAuditEvent } from '../repositories/audit.repository.js';
import { LegalHoldRepository } from '../repositories/legal-hold.repository.js';
import { RetentionRepository, type LockedCandidate, type RetentionForecast } from '../repositories/retention.repository.js';
import { addCounts, NO_REMOVAL, TicketContentRepository, type RemovalCounts } from '../repositories/ticket-content.repository.js';

/** What the purge logs through (pino's Logger fits). */
export interface PurgeLogger {
  info(obj: object, msg: string): void;
}

export interface PurgeReport extends RemovalCounts {
  batches: number;
  /** Due tickets a hold placed meanwhile kept (seen only under the locks). */
  keptByHold: number;
}

export const PURGE_BATCH_SIZE = 100;

/**
 * Retention's purge (issue 15): every ticket closed longer than its queue's `retention_days`
 * and under no hold is reduced to its tombstone, in batches of `batchSize`, one transaction
 * each. Replica-safe: a batch locks its tickets FOR UPDATE SKIP LOCKED, so purges running at
 * once (several notification replicas, the CLI) take disjoint tickets and each ticket is purged
 * once. Each batch re-reads the holds under the locks (a hold placed since the candidates were
 * chosen wins), removes through TicketContentRepository (what deletion uses too) and appends one
 * audit event per queue, by the system, with counts only. Progress is logged per batch.
 */
export class RetentionPurge {
  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: PurgeLogger,
    private readonly deps = {
      retention: new RetentionRepository(),
      holds: new LegalHoldRepository(),
      content: new TicketContentRepository(),
      audit: new AuditRepository(),
    },
  ) {}

  /** Purges everything due at `now`; resolves when no due, unheld, unlocked ticket is left. */
  async purgeDue(now: Date = new Date(), batchSize = PURGE_BATCH_SIZE): Promise<PurgeReport> {
    let report: PurgeReport = { ...NO_REMOVAL, batches: 0, keptByHold: 0 };
    for (;;) {
      const batch = await this.purgeBatch(now, batchSize);
      if (batch.candidates === 0) break;
      report = { ...addCounts(report, batch.counts), batches: report.batches + 1, keptByHold: report.keptByHold + batch.candidates - batch.counts.tickets };
      this.logger.info({ batch: report.batches, ...batch.counts, keptByHold: batch.candidates - batch.counts.tickets, totalTickets: report.tickets }, 'retention purge: batch done');
      // A full batch may have more behind it; a batch a hold emptied entirely must not spin.
      if (batch.candidates < batchSize || batch.counts.tickets === 0) break;
    }
    this.logger.info({ ...report }, 'retention purge: done');
    return report;
  }

  /** What `purgeDue(now)` would take (due tickets listed up to `limit`), changing nothing. */
  forecast(now: Date = new Date(), limit = 1000): Promise<RetentionForecast> {
    return this.deps.retention.forecast(this.dataSource, now, limit);
  }

  private purgeBatch(now: Date, batchSize: number): Promise<{ candidates: number; counts: RemovalCounts }> {
    return this.dataSource.transaction(async (tx) => {
      const locked = await this.deps.retention.lockDueBatch(tx, now, batchSize);
      if (locked.length === 0) return { candidates: 0, counts: NO_REMOVAL };
      const holds = await this.deps.holds.lockHoldsOfTickets(tx, locked.map((c) => c.ticketId));
      const chosen = new Set(choosePurgeable(locked.map((c) => ({ ...c, holds: holds.get(c.ticketId) ?? [] })), now));
      const taken = locked.filter((c) => chosen.has(c.ticketId));
      if (taken.length === 0) return { candidates: locked.length, counts: NO_REMOVAL };
      const events: NewAuditEvent[] = [];
      let counts = NO_REMOVAL;
      for (const [queueId, ofQueue] of byQueue(taken)) {
        const ids = ofQueue.map((c) => c.ticketId);
        const removed = (await this.deps.content.removeTickets(tx, ids, 'retention')).counts;
        counts = addCounts(counts, removed);
        events.push({ actorId: null, actorEmail: null, action: 'ticket.purged', subject: `queue:${queueId}`, queueId, ticketIds: ids, details: { reason: 'retention', ...removed } });
      }
      // Last: the chain's lock is held until the commit.
      await this.deps.audit.appendAll(tx, events);
      return { candidates: locked.length, counts };
    });
  }
}

function byQueue(candidates: LockedCandidate[]): Map<string, LockedCandidate[]> {
  const groups = new Map<string, LockedCandidate[]>();
  for (const c of candidates) groups.set(c.queueId, [...(groups.get(c.queueId) ?? []), c]);
  return groups;
}
