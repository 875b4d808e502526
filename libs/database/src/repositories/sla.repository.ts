import type { Calendar, SlaKind } from '@casework/domain';
import type { Db } from '../db.js';

export interface SlaPolicyRecord {
  id: string;
  name: string;
  firstResponseMinutes: number;
  calendar: Calendar;
}

export interface DueClock {
  id: string;
  ticketId: string;
  ticketNumber: string;
  ticketSubject: string;
  kind: SlaKind;
  dueAt: Date;
}

export interface BreachRecord {
  ticketId: string;
  kind: string;
  dueAt: Date;
  breachedAt: Date;
}

export class SlaRepository {
  /** Most specific policy wins: queue+priority, queue, priority, then the global default. */
  async policyFor(db: Db, queueId: string, priority: string): Promise<SlaPolicyRecord | null> {
    const [row] = await db.query(
      `SELECT id, name, first_response_minutes, calendar FROM sla_policy
        WHERE (queue_id = $1 OR queue_id IS NULL) AND (priority = $2 OR priority IS NULL)
        ORDER BY (queue_id IS NOT NULL) DESC, (priority IS NOT NULL) DESC LIMIT 1`,
      [queueId, priority],
    );
    return row ? { id: row.id, name: row.name, firstResponseMinutes: Number(row.first_response_minutes), calendar: row.calendar } : null;
  }

  async upsertDefaultPolicy(db: Db, firstResponseMinutes: number): Promise<void> {
    await db.query(
      `INSERT INTO sla_policy (name, queue_id, priority, first_response_minutes) VALUES ('Default', NULL, NULL, $1)
       ON CONFLICT (queue_id, priority) DO UPDATE SET first_response_minutes = EXCLUDED.first_response_minutes`,
      [firstResponseMinutes],
    );
  }

  /**
   * One clock per ticket and kind: a redelivered `ticket.opened` cannot start a second. A
   * clock already met by an early reply (see `meetBeforeStart`) gets its real start and due.
   */
  async startClock(tx: Db, clock: { ticketId: string; kind: SlaKind; policyId: string | null; startedAt: Date; dueAt: Date }): Promise<void> {
    await tx.query(
      `INSERT INTO sla_clock (ticket_id, kind, policy_id, started_at, due_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (ticket_id, kind) DO UPDATE
         SET policy_id = EXCLUDED.policy_id, started_at = EXCLUDED.started_at, due_at = EXCLUDED.due_at
         WHERE sla_clock.state = 'met' AND sla_clock.policy_id IS NULL`,
      [clock.ticketId, clock.kind, clock.policyId, clock.startedAt, clock.dueAt],
    );
  }

  /**
   * The reply was handled before the `ticket.opened` that starts the clock (the subjects have
   * separate consumers): record the clock as met now, so its later start cannot breach it.
   */
  async meetBeforeStart(tx: Db, ticketId: string, kind: SlaKind, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO sla_clock (ticket_id, kind, started_at, due_at, state, met_at) VALUES ($1, $2, $3, $3, 'met', $3)
       ON CONFLICT (ticket_id, kind) DO NOTHING`,
      [ticketId, kind, at],
    );
  }

  /** Stops a running clock as met; a breached clock stays breached (the breach happened). */
  async meet(tx: Db, ticketId: string, kind: SlaKind, at: Date): Promise<boolean> {
    const rows = await tx.query(
      // Wrapped in a SELECT: TypeORM answers a bare UPDATE with [rows, count], not rows.
      `WITH met AS (UPDATE sla_clock SET state = 'met', met_at = $3 WHERE ticket_id = $1 AND kind = $2 AND state = 'running' RETURNING id)
       SELECT id FROM met`,
      [ticketId, kind, at],
    );
    return rows.length > 0;
  }

  /** Claims due clocks; SKIP LOCKED lets several schedulers sweep without double-firing. */
  async claimDue(tx: Db, now: Date, limit: number): Promise<DueClock[]> {
    const rows = await tx.query(
      `SELECT s.id, s.ticket_id, s.kind, s.due_at, t.number, t.subject
         FROM sla_clock s JOIN ticket t ON t.id = s.ticket_id
        WHERE s.state = 'running' AND s.due_at <= $1
        ORDER BY s.due_at LIMIT $2
        FOR UPDATE OF s SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((r: Record<string, unknown>) => ({
      id: r.id as string,
      ticketId: r.ticket_id as string,
      ticketNumber: r.number as string,
      ticketSubject: r.subject as string,
      kind: r.kind as SlaKind,
      dueAt: r.due_at as Date,
    }));
  }

  async markBreached(tx: Db, clockId: string, at: Date): Promise<void> {
    await tx.query(`UPDATE sla_clock SET state = 'breached', breached_at = $2 WHERE id = $1`, [clockId, at]);
  }

  async nextDueAt(db: Db): Promise<Date | null> {
    const [row] = await db.query(`SELECT min(due_at) AS due FROM sla_clock WHERE state = 'running'`);
    return row?.due ?? null;
  }

  async breaches(db: Db, limit: number): Promise<BreachRecord[]> {
    const rows = await db.query(
      `SELECT ticket_id, kind, due_at, breached_at FROM sla_clock WHERE state = 'breached' ORDER BY breached_at DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r: Record<string, unknown>) => ({
      ticketId: r.ticket_id as string,
      kind: r.kind as string,
      dueAt: r.due_at as Date,
      breachedAt: r.breached_at as Date,
    }));
  }
}
