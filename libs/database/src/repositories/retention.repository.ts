import type { PurgeCandidate } from '@casework/domain';
import type { Db } from '../db.js';
import { ticketIsHeldSql } from './legal-hold.repository.js';

/** A candidate with where it is, for the audit event of its queue. */
export interface LockedCandidate extends PurgeCandidate {
  queueId: string;
}

/** What would go now, per queue (a dry-run). */
export interface RetentionForecast {
  queues: { queueId: string; slug: string; retentionDays: number; due: number; held: number }[];
  /** The due tickets that are not held, oldest closure first, at most `limit`. */
  tickets: { id: string; number: string; queueId: string; closedAt: Date }[];
}

/** Closed longer than its queue keeps tickets at `$1`, not purged yet. */
const DUE = `t.status = 'closed' AND t.purged_at IS NULL AND q.retention_days IS NOT NULL
  AND t.closed_at <= $1::timestamptz - make_interval(days => q.retention_days)`;

/** The retention purge's look-ups: which tickets are due, locked for removal or only counted. */
export class RetentionRepository {
  /**
   * Up to `limit` due tickets not under a hold, row-locked FOR UPDATE and skipping those another
   * purge (or any writer) holds, so replicas running at once take disjoint batches. The holds
   * must still be re-read under the locks (LegalHoldRepository.lockHoldsOfTickets): this query's
   * view of them predates the locks.
   */
  async lockDueBatch(tx: Db, now: Date, limit: number): Promise<LockedCandidate[]> {
    const rows: Record<string, unknown>[] = await tx.query(
      `SELECT t.id, t.status, t.closed_at, t.purged_at, t.queue_id, q.retention_days
         FROM ticket t JOIN queue q ON q.id = t.queue_id
        WHERE ${DUE} AND NOT ${ticketIsHeldSql('t')}
        ORDER BY t.closed_at, t.id
        LIMIT $2
        FOR UPDATE OF t SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((row) => ({
      ticketId: row.id as string,
      queueId: row.queue_id as string,
      status: row.status as string,
      closedAt: (row.closed_at as Date | null) ?? null,
      purgedAt: (row.purged_at as Date | null) ?? null,
      retentionDays: (row.retention_days as number | null) ?? null,
      holds: [],
    }));
  }

  /** What a purge at `now` would take, changing and locking nothing. */
  async forecast(db: Db, now: Date, limit: number): Promise<RetentionForecast> {
    const queues: Record<string, unknown>[] = await db.query(
      `SELECT q.id, q.slug, q.retention_days, count(t.id) FILTER (WHERE NOT ${ticketIsHeldSql('t')})::int AS due, count(t.id) FILTER (WHERE ${ticketIsHeldSql('t')})::int AS held
         FROM queue q LEFT JOIN ticket t ON t.queue_id = q.id AND ${DUE}
        WHERE q.retention_days IS NOT NULL
        GROUP BY q.id ORDER BY q.slug`,
      [now],
    );
    const tickets: Record<string, unknown>[] = await db.query(
      `SELECT t.id, t.number, t.queue_id, t.closed_at FROM ticket t JOIN queue q ON q.id = t.queue_id
        WHERE ${DUE} AND NOT ${ticketIsHeldSql('t')} ORDER BY t.closed_at, t.id LIMIT $2`,
      [now, limit],
    );
    return {
      queues: queues.map((row) => ({ queueId: row.id as string, slug: row.slug as string, retentionDays: row.retention_days as number, due: row.due as number, held: row.held as number })),
      tickets: tickets.map((row) => ({ id: row.id as string, number: row.number as string, queueId: row.queue_id as string, closedAt: row.closed_at as Date })),
    };
  }
}
