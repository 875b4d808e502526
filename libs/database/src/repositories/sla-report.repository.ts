import type { Db } from '../db.js';

export interface BreachRecord extends AtRiskRecord {
  breachedAt: Date;
}

export interface BreachFilter {
  limit: number;
  /** A queue's id or slug. */
  queue?: string;
  kind?: string;
  since?: Date;
  until?: Date;
  /** Only clocks of tickets in these queues (the caller's visible ones); absent: every queue. */
  queueIds?: string[];
}

export interface AtRiskRecord {
  clockId: string;
  ticketId: string;
  ticketNumber: string;
  queueId: string;
  kind: string;
  dueAt: Date;
}

/** Breached clocks and clocks nearing their due time, as the API lists them. */
export class SlaReportRepository {
  async breaches(db: Db, filter: BreachFilter | number): Promise<BreachRecord[]> {
    const f: BreachFilter = typeof filter === 'number' ? { limit: filter } : filter;
    const rows = await db.query(
      `SELECT s.id, s.ticket_id, t.number, t.queue_id, s.kind, s.due_at, s.breached_at
         FROM sla_clock s JOIN ticket t ON t.id = s.ticket_id
        WHERE s.state = 'breached'
          AND ($2::text IS NULL OR t.queue_id IN (SELECT q.id FROM queue q WHERE q.id::text = $2 OR q.slug = $2)) AND ($3::text IS NULL OR s.kind = $3)
          AND ($4::timestamptz IS NULL OR s.breached_at >= $4) AND ($5::timestamptz IS NULL OR s.breached_at < $5)
          AND ($6::uuid[] IS NULL OR t.queue_id = ANY($6::uuid[]))
        ORDER BY s.breached_at DESC LIMIT $1`,
      [f.limit, f.queue ?? null, f.kind ?? null, f.since ?? null, f.until ?? null, f.queueIds ?? null],
    );
    return rows.map((r: Record<string, unknown>) => ({ ...mapClock(r), breachedAt: r.breached_at as Date }));
  }

  /** Running clocks due before `until` (including overdue ones not yet swept), soonest first. */
  async atRisk(db: Db, until: Date, limit: number, queueIds?: string[]): Promise<AtRiskRecord[]> {
    const rows = await db.query(
      `SELECT s.id, s.ticket_id, t.number, t.queue_id, s.kind, s.due_at
         FROM sla_clock s JOIN ticket t ON t.id = s.ticket_id
        WHERE s.state = 'running' AND s.due_at <= $1 AND ($3::uuid[] IS NULL OR t.queue_id = ANY($3::uuid[]))
        ORDER BY s.due_at LIMIT $2`,
      [until, limit, queueIds ?? null],
    );
    return rows.map(mapClock);
  }
}

/** The columns both lists select: the clock, its ticket and when it is due. */
function mapClock(r: Record<string, unknown>): AtRiskRecord {
  return {
    clockId: r.id as string,
    ticketId: r.ticket_id as string,
    ticketNumber: r.number as string,
    queueId: r.queue_id as string,
    kind: r.kind as string,
    dueAt: r.due_at as Date,
  };
}
