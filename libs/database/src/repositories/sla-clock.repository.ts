import type { Calendar, ClockPause, SlaClockState, SlaKind } from '@casework/domain';
import type { Db } from '../db.js';
import { RESOLVED_CALENDAR_SQL, resolvedCalendar } from './resolved-calendar.js';

/** A clock with what recomputing its due and warning times needs (its policy's calendar and threshold). */
export interface SlaClockRecord {
  id: string;
  ticketId: string;
  kind: SlaKind;
  policyId: string | null;
  state: SlaClockState;
  startedAt: Date;
  pauses: ClockPause[];
  carriedOverMs: number;
  targetMs: number | null;
  dueAt: Date | null;
  warnAt: Date | null;
  warnedAt: Date | null;
  metAt: Date | null;
  calendar: Calendar;
  warnAtPercent: number;
}

export interface NewSlaClock {
  ticketId: string;
  kind: SlaKind;
  policyId: string | null;
  startedAt: Date;
  targetMs: number;
  dueAt: Date | null;
  warnAt: Date | null;
}

/** The recomputed state of a clock after a pause, resume, re-target or resolution. */
export type SlaClockUpdate = Pick<SlaClockRecord, 'policyId' | 'state' | 'startedAt' | 'pauses' | 'carriedOverMs' | 'targetMs' | 'dueAt' | 'warnAt' | 'metAt'> & {
  /** The warning is sent again for the new warning time (a re-target); otherwise a sent warning stays sent. */
  rearmWarning?: boolean;
};

/** A running clock whose due time or (unsent) warning time has come. */
export interface FiringClock {
  id: string;
  ticketId: string;
  ticketNumber: string;
  ticketSubject: string;
  kind: SlaKind;
  dueAt: Date | null;
  warnAt: Date | null;
  warnedAt: Date | null;
}

const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

function toPauses(value: unknown): ClockPause[] {
  return ((value ?? []) as { from: string; to: string | null }[]).map((p) => ({ from: new Date(p.from), to: p.to === null ? null : new Date(p.to) }));
}

const pausesJson = (pauses: ClockPause[]): string => JSON.stringify(pauses.map((p) => ({ from: p.from.toISOString(), to: p.to?.toISOString() ?? null })));

function toClockRecord(row: Record<string, unknown>): SlaClockRecord {
  return {
    id: row.id as string,
    ticketId: row.ticket_id as string,
    kind: row.kind as SlaKind,
    policyId: (row.policy_id as string | null) ?? null,
    state: row.state as SlaClockState,
    startedAt: row.started_at as Date,
    pauses: toPauses(row.pauses),
    carriedOverMs: Number(row.carried_over_ms),
    targetMs: num(row.target_ms),
    dueAt: (row.due_at as Date | null) ?? null,
    warnAt: (row.warn_at as Date | null) ?? null,
    warnedAt: (row.warned_at as Date | null) ?? null,
    metAt: (row.met_at as Date | null) ?? null,
    calendar: resolvedCalendar(row),
    warnAtPercent: row.warn_at_percent === null || row.warn_at_percent === undefined ? 80 : Number(row.warn_at_percent),
  };
}

/** What makes a clock unique: its ticket and kind, or its ticket alone for (running) next-response clocks. */
function uniquenessKey(ticketId: string, kind: SlaKind): string {
  const ticket = ticketId.toLowerCase();
  return kind === 'next_response' ? ticket : `${ticket} ${kind}`;
}

/**
 * SLA clocks: started, met, paused and resumed by the lifecycle (inside its transaction), and
 * claimed by the scheduler's sweep when due or due a warning.
 */
export class SlaClockRepository {
  /**
   * Starts a clock; returns its id, or null if none was started. First-response and resolution
   * clocks are one per ticket (a redelivered `ticket.opened` cannot start a second; a
   * first-response clock already met by an early reply, see `meetBeforeStart`, gets its real
   * start and due); next-response clocks repeat, one running at a time.
   */
  async startClock(tx: Db, clock: NewSlaClock): Promise<string | null> {
    const [id] = await this.startClocks(tx, [clock]);
    return id;
  }

  /**
   * startClock for several clocks: one statement per uniqueness rule (one for first-response and
   * resolution clocks, one for next-response clocks). Returns one id or null per clock, in order;
   * as if started one after the other, a clock that repeats an earlier one of the list is not
   * started.
   */
  async startClocks(tx: Db, clocks: NewSlaClock[]): Promise<(string | null)[]> {
    const ids: (string | null)[] = clocks.map(() => null);
    const firstIndexByKey = new Map<string, number>();
    clocks.forEach((clock, i) => {
      const key = uniquenessKey(clock.ticketId, clock.kind);
      if (!firstIndexByKey.has(key)) firstIndexByKey.set(key, i);
    });
    const single: NewSlaClock[] = [];
    const repeating: NewSlaClock[] = [];
    for (const i of firstIndexByKey.values()) (clocks[i].kind === 'next_response' ? repeating : single).push(clocks[i]);
    const started = [
      ...(await this.insertClocks(
        tx,
        single,
        `ON CONFLICT (ticket_id, kind) WHERE kind <> 'next_response' DO UPDATE
           SET policy_id = EXCLUDED.policy_id, started_at = EXCLUDED.started_at, due_at = EXCLUDED.due_at, target_ms = EXCLUDED.target_ms
           WHERE sla_clock.state = 'met' AND sla_clock.policy_id IS NULL AND sla_clock.target_ms IS NULL`,
      )),
      ...(await this.insertClocks(tx, repeating, `ON CONFLICT (ticket_id) WHERE kind = 'next_response' AND state = 'running' DO NOTHING`)),
    ];
    for (const row of started) {
      if (row.inserted) ids[firstIndexByKey.get(uniquenessKey(row.ticket_id, row.kind))!] = row.id;
    }
    return ids;
  }

  private async insertClocks(tx: Db, clocks: NewSlaClock[], onConflict: string): Promise<{ id: string; ticket_id: string; kind: SlaKind; inserted: boolean }[]> {
    if (clocks.length === 0) return [];
    return tx.query(
      `INSERT INTO sla_clock (ticket_id, kind, policy_id, started_at, target_ms, due_at, warn_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::timestamptz[], $5::bigint[], $6::timestamptz[], $7::timestamptz[])
       ${onConflict} RETURNING id, ticket_id, kind, (xmax = 0) AS inserted`,
      [
        clocks.map((c) => c.ticketId),
        clocks.map((c) => c.kind),
        clocks.map((c) => c.policyId),
        clocks.map((c) => c.startedAt),
        clocks.map((c) => c.targetMs),
        clocks.map((c) => c.dueAt),
        clocks.map((c) => c.warnAt),
      ],
    );
  }

  /**
   * The reply was handled before the `ticket.opened` that starts the clock (the subjects have
   * separate consumers): record the clock as met now, so its later start cannot breach it.
   * When the opening transaction inserted the clock meanwhile (`meet` found nothing because it
   * had not committed; this insert then waits for it), the clock it committed is met instead,
   * as `meet` would have: doing nothing there lost the reply and let the clock breach.
   */
  async meetBeforeStart(tx: Db, ticketId: string, kind: SlaKind, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO sla_clock (ticket_id, kind, started_at, due_at, state, met_at) VALUES ($1, $2, $3, $3, 'met', $3)
       ON CONFLICT (ticket_id, kind) WHERE kind <> 'next_response' DO UPDATE
         SET state = CASE WHEN sla_clock.state = 'running' THEN 'met' ELSE sla_clock.state END, met_at = EXCLUDED.met_at
         WHERE sla_clock.state = 'running' OR (sla_clock.state = 'breached' AND sla_clock.met_at IS NULL)`,
      [ticketId, kind, at],
    );
  }

  /**
   * Stops a running clock as met. A breached clock stays breached (the breach happened) but
   * records when it was finally answered (its first `met_at`). True if a clock was there.
   */
  async meet(tx: Db, ticketId: string, kind: SlaKind, at: Date): Promise<boolean> {
    const rows = await tx.query(
      // Wrapped in a SELECT: TypeORM answers a bare UPDATE with [rows, count], not rows.
      `WITH met AS (
         UPDATE sla_clock SET state = CASE WHEN state = 'running' THEN 'met' ELSE state END, met_at = $3
          WHERE ticket_id = $1 AND kind = $2 AND (state = 'running' OR (state = 'breached' AND met_at IS NULL)) RETURNING id)
       SELECT id FROM met`,
      [ticketId, kind, at],
    );
    return rows.length > 0;
  }

  /**
   * Stops every running clock of a ticket as met: a merged ticket's requester is answered on
   * the target, whose own clocks go on. Breached clocks stay as they are. Answers how many.
   */
  async meetAllRunning(tx: Db, ticketId: string, at: Date): Promise<number> {
    const rows = await tx.query(
      `WITH met AS (UPDATE sla_clock SET state = 'met', met_at = $2 WHERE ticket_id = $1 AND state = 'running' RETURNING id) SELECT id FROM met`,
      [ticketId, at],
    );
    return rows.length;
  }

  /** Whether a specialist has replied on the ticket (a response clock was answered, in time or late). */
  async hasReply(db: Db, ticketId: string): Promise<boolean> {
    const [row] = await db.query(
      `SELECT EXISTS (SELECT 1 FROM sla_clock WHERE ticket_id = $1 AND kind IN ('first_response', 'next_response') AND met_at IS NOT NULL) AS replied`,
      [ticketId],
    );
    return row.replied === true;
  }

  /** Locks the ticket's clocks in these states (with their policy's calendar and threshold). */
  async lockClocks(tx: Db, ticketId: string, states: SlaClockState[] = ['running']): Promise<SlaClockRecord[]> {
    const rows = await tx.query(
      `SELECT s.id, s.ticket_id, s.kind, s.policy_id, s.state, s.started_at, s.pauses, s.carried_over_ms, s.target_ms, s.due_at, s.warn_at,
              s.warned_at, s.met_at, p.warn_at_percent, ${RESOLVED_CALENDAR_SQL}
         FROM sla_clock s LEFT JOIN sla_policy p ON p.id = s.policy_id LEFT JOIN sla_calendar c ON c.id = p.calendar_id
        WHERE s.ticket_id = $1 AND s.state = ANY($2::text[])
        ORDER BY s.started_at
        FOR UPDATE OF s`,
      [ticketId, states],
    );
    return rows.map(toClockRecord);
  }

  /** Writes a clock's recomputed timeline. */
  async saveClock(tx: Db, id: string, update: SlaClockUpdate): Promise<void> {
    await tx.query(
      `UPDATE sla_clock SET policy_id = $2, state = $3, started_at = $4, pauses = $5::jsonb, carried_over_ms = $6, target_ms = $7,
              due_at = $8, warn_at = $9, met_at = $10,
              warned_at = CASE WHEN $11::boolean AND warn_at IS DISTINCT FROM $9 THEN NULL ELSE warned_at END
        WHERE id = $1`,
      [id, update.policyId, update.state, update.startedAt, pausesJson(update.pauses), update.carriedOverMs, update.targetMs, update.dueAt, update.warnAt, update.metAt, update.rearmWarning ?? false],
    );
  }

  /**
   * Claims running clocks whose due time, or unsent warning time, has come; SKIP LOCKED lets
   * several schedulers sweep without double-firing.
   */
  async claimFiring(tx: Db, now: Date, limit: number): Promise<FiringClock[]> {
    const rows = await tx.query(
      `SELECT s.id, s.ticket_id, s.kind, s.due_at, s.warn_at, s.warned_at, t.number, t.subject
         FROM sla_clock s JOIN ticket t ON t.id = s.ticket_id
        WHERE s.next_fire_at <= $1
        ORDER BY s.next_fire_at LIMIT $2
        FOR UPDATE OF s SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((r: Record<string, unknown>) => ({
      id: r.id as string,
      ticketId: r.ticket_id as string,
      ticketNumber: r.number as string,
      ticketSubject: r.subject as string,
      kind: r.kind as SlaKind,
      dueAt: (r.due_at as Date | null) ?? null,
      warnAt: (r.warn_at as Date | null) ?? null,
      warnedAt: (r.warned_at as Date | null) ?? null,
    }));
  }

  async markBreached(tx: Db, clockIds: string | string[], at: Date): Promise<void> {
    await tx.query(`UPDATE sla_clock SET state = 'breached', breached_at = $2 WHERE id = ANY($1::uuid[])`, [[clockIds].flat(), at]);
  }

  async markWarned(tx: Db, clockIds: string[], at: Date): Promise<void> {
    await tx.query(`UPDATE sla_clock SET warned_at = $2 WHERE id = ANY($1::uuid[])`, [clockIds, at]);
  }

  /** The next instant a running clock is due or due a warning. */
  async nextFireAt(db: Db): Promise<Date | null> {
    const [row] = await db.query(`SELECT min(next_fire_at) AS at FROM sla_clock WHERE next_fire_at IS NOT NULL`);
    return row?.at ?? null;
  }
}
