import type { Calendar } from '@casework/domain';
import type { Db } from '../db.js';
import { POLICY_SELECT, toPolicyRecord, type SlaPolicyRecord } from './sla-policy-record.js';

export interface SlaCalendarRecord {
  id: string;
  name: string;
  definition: Calendar;
  createdAt: Date;
  updatedAt: Date;
}

export interface SlaCalendarInput {
  name: string;
  definition: Calendar;
}

export interface SlaPolicyInput {
  name: string;
  queueId: string | null;
  priority: string | null;
  firstResponseMinutes: number | null;
  nextResponseMinutes: number | null;
  resolutionMinutes: number | null;
  warnAtPercent: number;
  calendarId: string | null;
}

/** Why a write was refused by the database's constraints. */
export type SlaWriteConflict = 'duplicate' | 'in-use' | 'missing-reference';

export class SlaWriteError extends Error {
  constructor(
    readonly conflict: SlaWriteConflict,
    readonly constraint: string | null,
  ) {
    super(`SLA write refused: ${conflict}${constraint ? ` (${constraint})` : ''}`);
    this.name = 'SlaWriteError';
  }
}

function translated(error: unknown): unknown {
  const pg = (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? (error as { code?: string; constraint?: string });
  const constraint = pg?.constraint ?? null;
  if (pg?.code === '23505') return new SlaWriteError('duplicate', constraint);
  // A foreign key: a referenced queue or calendar is missing (deletes check their users first).
  if (pg?.code === '23503') return new SlaWriteError('missing-reference', constraint);
  return error;
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw translated(error);
  }
}

function toCalendarRecord(row: Record<string, unknown>): SlaCalendarRecord {
  return { id: row.id as string, name: row.name as string, definition: row.definition as Calendar, createdAt: row.created_at as Date, updatedAt: row.updated_at as Date };
}

/** The policies that may apply to one ticket: the domain's selectPolicy chooses among them. */
export interface PolicyCandidates {
  queueId: string;
  priority: string;
  policies: SlaPolicyRecord[];
}

/** Business calendars and SLA policies as the API manages them, and the policies clocks may run under. */
export class SlaPolicyRepository {
  /**
   * The policies of these queues and the queue-less ones (which selectPolicy then narrows by
   * priority). One record per policy, so tickets under the same policy share its calendar
   * object, which the clock math compiles once.
   */
  async candidatesFor(db: Db, queueIds: string[]): Promise<SlaPolicyRecord[]> {
    if (queueIds.length === 0) return [];
    const rows = await db.query(`${POLICY_SELECT} WHERE p.queue_id = ANY($1::uuid[]) OR p.queue_id IS NULL`, [[...new Set(queueIds)]]);
    return rows.map(toPolicyRecord);
  }

  /** A ticket's current queue and priority with its candidate policies; null for an unknown ticket. */
  async candidatesForTicket(db: Db, ticketId: string): Promise<PolicyCandidates | null> {
    const [ticket] = await db.query(`SELECT queue_id, priority FROM ticket WHERE id = $1`, [ticketId]);
    if (!ticket) return null;
    return { queueId: ticket.queue_id, priority: ticket.priority, policies: await this.candidatesFor(db, [ticket.queue_id]) };
  }

  /** The global default policy (no queue, no priority) with this first-response target, as seeding sets it. */
  async upsertDefaultPolicy(db: Db, firstResponseMinutes: number): Promise<void> {
    await db.query(
      `INSERT INTO sla_policy (name, queue_id, priority, first_response_minutes) VALUES ('Default', NULL, NULL, $1)
       ON CONFLICT (queue_id, priority) DO UPDATE SET first_response_minutes = EXCLUDED.first_response_minutes`,
      [firstResponseMinutes],
    );
  }

  async listCalendars(db: Db): Promise<SlaCalendarRecord[]> {
    return (await db.query(`SELECT * FROM sla_calendar ORDER BY name`)).map(toCalendarRecord);
  }

  async findCalendar(db: Db, id: string): Promise<SlaCalendarRecord | null> {
    const [row] = await db.query(`SELECT * FROM sla_calendar WHERE id = $1`, [id]);
    return row ? toCalendarRecord(row) : null;
  }

  createCalendar(db: Db, input: SlaCalendarInput): Promise<SlaCalendarRecord> {
    return guarded(async () => {
      const [row] = await db.query(`INSERT INTO sla_calendar (name, definition) VALUES ($1, $2::jsonb) RETURNING *`, [input.name, JSON.stringify(input.definition)]);
      return toCalendarRecord(row);
    });
  }

  updateCalendar(db: Db, id: string, input: SlaCalendarInput): Promise<SlaCalendarRecord | null> {
    return guarded(async () => {
      const [row] = await db.query(
        `WITH updated AS (UPDATE sla_calendar SET name = $2, definition = $3::jsonb, updated_at = now() WHERE id = $1 RETURNING *) SELECT * FROM updated`,
        [id, input.name, JSON.stringify(input.definition)],
      );
      return row ? toCalendarRecord(row) : null;
    });
  }

  /** False if there was none; throws SlaWriteError('in-use') while a policy uses it. */
  deleteCalendar(db: Db, id: string): Promise<boolean> {
    return guarded(async () => {
      const [inUse] = await db.query(`SELECT 1 FROM sla_policy WHERE calendar_id = $1 LIMIT 1`, [id]);
      if (inUse) throw new SlaWriteError('in-use', 'sla_policy_calendar_id_fkey');
      const rows = await db.query(`WITH deleted AS (DELETE FROM sla_calendar WHERE id = $1 RETURNING id) SELECT id FROM deleted`, [id]);
      return rows.length > 0;
    });
  }

  async listPolicies(db: Db): Promise<SlaPolicyRecord[]> {
    return (await db.query(`${POLICY_SELECT} ORDER BY p.queue_id NULLS FIRST, p.priority NULLS FIRST, p.name`)).map(toPolicyRecord);
  }

  async findPolicy(db: Db, id: string): Promise<SlaPolicyRecord | null> {
    const [row] = await db.query(`${POLICY_SELECT} WHERE p.id = $1`, [id]);
    return row ? toPolicyRecord(row) : null;
  }

  createPolicy(db: Db, input: SlaPolicyInput): Promise<SlaPolicyRecord> {
    return guarded(async () => {
      const [{ id }] = await db.query(
        `INSERT INTO sla_policy (name, queue_id, priority, first_response_minutes, next_response_minutes, resolution_minutes, warn_at_percent, calendar_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        policyParams(input),
      );
      return (await this.findPolicy(db, id))!;
    });
  }

  updatePolicy(db: Db, id: string, input: SlaPolicyInput): Promise<SlaPolicyRecord | null> {
    return guarded(async () => {
      const rows = await db.query(
        `WITH updated AS (
           UPDATE sla_policy SET name = $1, queue_id = $2, priority = $3, first_response_minutes = $4, next_response_minutes = $5,
                  resolution_minutes = $6, warn_at_percent = $7, calendar_id = $8, updated_at = now()
            WHERE id = $9 RETURNING id)
         SELECT id FROM updated`,
        [...policyParams(input), id],
      );
      return rows.length ? this.findPolicy(db, id) : null;
    });
  }

  /** False if there was none; throws SlaWriteError('in-use') while clocks refer to it. */
  deletePolicy(db: Db, id: string): Promise<boolean> {
    return guarded(async () => {
      const [inUse] = await db.query(`SELECT 1 FROM sla_clock WHERE policy_id = $1 LIMIT 1`, [id]);
      if (inUse) throw new SlaWriteError('in-use', 'sla_clock_policy_id_fkey');
      const rows = await db.query(`WITH deleted AS (DELETE FROM sla_policy WHERE id = $1 RETURNING id) SELECT id FROM deleted`, [id]);
      return rows.length > 0;
    });
  }
}

function policyParams(input: SlaPolicyInput): unknown[] {
  return [
    input.name,
    input.queueId,
    input.priority,
    input.firstResponseMinutes,
    input.nextResponseMinutes,
    input.resolutionMinutes,
    input.warnAtPercent,
    input.calendarId,
  ];
}
