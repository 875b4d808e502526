import type { TicketPriority } from '@casework/domain';
import type { Db } from '../db.js';

export interface NewOncallShift {
  name: string;
  email: string;
  startsAt: Date;
  endsAt: Date;
  /** Queue slugs; empty = every queue. */
  queues: string[];
}

export interface OncallShiftRecord extends NewOncallShift {
  id: string;
  createdAt: Date;
}

export type PageState = 'open' | 'acked' | 'escalated';

export interface PageRecord {
  id: string;
  ticketId: string;
  targetEmail: string;
  targetName: string | null;
  level: number;
  state: PageState;
  createdAt: Date;
  ackedAt: Date | null;
  escalateAt: Date | null;
}

export interface NewPage {
  ticketId: string;
  targetEmail: string;
  targetName: string | null;
  level: number;
  escalateAt: Date | null;
}

export interface PageNotice {
  pageId: string;
  ticketId: string;
  recipient: string;
  subject: string;
  body: string;
  messageId: string;
}

export interface TicketForPaging {
  id: string;
  number: string;
  subject: string;
  priority: string;
  status: string;
  queueId: string;
  queueSlug: string;
}

const SHIFT_COLUMNS = 'id, name, email, starts_at, ends_at, queues, created_at';
const PAGE_COLUMNS = 'id, ticket_id, target_email, target_name, level, state, created_at, acked_at, escalate_at';

function toShift(row: Record<string, unknown>): OncallShiftRecord {
  return {
    id: row.id as string,
    name: row.name as string,
    email: row.email as string,
    startsAt: row.starts_at as Date,
    endsAt: row.ends_at as Date,
    queues: row.queues as string[],
    createdAt: row.created_at as Date,
  };
}

function toPage(row: Record<string, unknown>): PageRecord {
  return {
    id: row.id as string,
    ticketId: row.ticket_id as string,
    targetEmail: row.target_email as string,
    targetName: (row.target_name as string | null) ?? null,
    level: Number(row.level),
    state: row.state as PageState,
    createdAt: row.created_at as Date,
    ackedAt: (row.acked_at as Date | null) ?? null,
    escalateAt: (row.escalate_at as Date | null) ?? null,
  };
}

/** On-call shifts, pages and their escalation (SQL; escalations claimed with SKIP LOCKED). */
export class OncallRepository {
  async createShift(db: Db, shift: NewOncallShift): Promise<OncallShiftRecord> {
    const [row] = await db.query(
      `INSERT INTO oncall_shift (name, email, starts_at, ends_at, queues) VALUES ($1, $2, $3, $4, $5::text[]) RETURNING ${SHIFT_COLUMNS}`,
      [shift.name, shift.email, shift.startsAt, shift.endsAt, shift.queues],
    );
    return toShift(row);
  }

  async listShifts(db: Db, options: { includePast?: boolean } = {}): Promise<OncallShiftRecord[]> {
    const rows = await db.query(
      `SELECT ${SHIFT_COLUMNS} FROM oncall_shift ${options.includePast ? '' : 'WHERE ends_at > now()'} ORDER BY starts_at, created_at, id LIMIT 1000`,
    );
    return rows.map(toShift);
  }

  async deleteShift(db: Db, id: string): Promise<boolean> {
    // A CTE: TypeORM returns [rows, count] for a bare DELETE.
    const rows = await db.query(`WITH deleted AS (DELETE FROM oncall_shift WHERE id = $1 RETURNING id) SELECT id FROM deleted`, [id]);
    return rows.length > 0;
  }

  /** Who is on call at `at` for the queue (slug; null = any shift), earliest shift start first. */
  async onCall(db: Db, queueSlug: string | null, at: Date = new Date()): Promise<OncallShiftRecord[]> {
    const rows = await db.query(
      `SELECT ${SHIFT_COLUMNS} FROM oncall_shift
        WHERE starts_at <= $1 AND ends_at > $1 AND ($2::text IS NULL OR cardinality(queues) = 0 OR $2::text = ANY (queues))
        ORDER BY starts_at, created_at, id`,
      [at, queueSlug],
    );
    return rows.map(toShift);
  }

  async ticketForPaging(db: Db, ticketId: string): Promise<TicketForPaging | null> {
    const [row] = await db.query(
      `SELECT t.id, t.number, t.subject, t.priority, t.status, t.queue_id, q.slug AS queue_slug FROM ticket t JOIN queue q ON q.id = t.queue_id WHERE t.id = $1`,
      [ticketId],
    );
    return row ? { id: row.id, number: row.number, subject: row.subject, priority: row.priority, status: row.status, queueId: row.queue_id, queueSlug: row.queue_slug } : null;
  }

  /** The ticket's priority under its row lock (null: no such ticket). */
  async lockTicketPriority(tx: Db, ticketId: string): Promise<{ priority: TicketPriority; queueId: string } | null> {
    const [row] = await tx.query(`SELECT priority, queue_id FROM ticket WHERE id = $1 FOR UPDATE`, [ticketId]);
    return row ? { priority: row.priority, queueId: row.queue_id } : null;
  }

  async setTicketPriority(tx: Db, ticketId: string, priority: string): Promise<void> {
    await tx.query(`UPDATE ticket SET priority = $2, updated_at = now() WHERE id = $1`, [ticketId, priority]);
  }

  /** A page at its level, once per ticket and level; null when that level was paged already. */
  async insertPage(tx: Db, page: NewPage): Promise<PageRecord | null> {
    const rows = await tx.query(
      `INSERT INTO page (ticket_id, target_email, target_name, level, escalate_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (ticket_id, level) DO NOTHING RETURNING ${PAGE_COLUMNS}`,
      [page.ticketId, page.targetEmail, page.targetName, page.level, page.escalateAt],
    );
    return rows[0] ? toPage(rows[0]) : null;
  }

  async insertPageNotice(tx: Db, notice: PageNotice): Promise<string | null> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO notification (page_id, ticket_id, channel, recipient, subject, body, message_id, reason)
       VALUES ($1, $2, 'email', $3, $4, $5, $6, 'page') ON CONFLICT DO NOTHING RETURNING id`,
      [notice.pageId, notice.ticketId, notice.recipient, notice.subject, notice.body, notice.messageId],
    );
    return rows[0]?.id ?? null;
  }

  async findPage(db: Db, id: string): Promise<PageRecord | null> {
    const [row] = await db.query(`SELECT ${PAGE_COLUMNS} FROM page WHERE id = $1`, [id]);
    return row ? toPage(row) : null;
  }

  async pagesOf(db: Db, ticketId: string): Promise<PageRecord[]> {
    const rows = await db.query(`SELECT ${PAGE_COLUMNS} FROM page WHERE ticket_id = $1 ORDER BY level`, [ticketId]);
    return rows.map(toPage);
  }

  /**
   * Acknowledges a page: it and any open page of the same ticket stop escalating. Idempotent;
   * null when the page does not exist.
   */
  async ack(tx: Db, id: string): Promise<PageRecord | null> {
    const [page] = await tx.query(`SELECT ticket_id FROM page WHERE id = $1`, [id]);
    if (!page) return null;
    await tx.query(
      `UPDATE page SET state = 'acked', acked_at = now(), escalate_at = NULL
        WHERE (id = $1 AND state <> 'acked') OR (ticket_id = $2 AND state = 'open')`,
      [id, page.ticket_id],
    );
    return this.findPage(tx, id);
  }

  /** Open pages whose escalation time has come, locked (SKIP LOCKED: replicas never fire one twice). */
  async claimEscalations(tx: Db, now: Date, limit: number): Promise<PageRecord[]> {
    const rows = await tx.query(
      `SELECT ${PAGE_COLUMNS} FROM page WHERE state = 'open' AND escalate_at IS NOT NULL AND escalate_at <= $1
        ORDER BY escalate_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map(toPage);
  }

  async markEscalated(tx: Db, id: string): Promise<void> {
    await tx.query(`UPDATE page SET state = 'escalated', escalate_at = NULL WHERE id = $1`, [id]);
  }

  async nextEscalationAt(db: Db): Promise<Date | null> {
    const [row] = await db.query(`SELECT min(escalate_at) AS at FROM page WHERE state = 'open' AND escalate_at IS NOT NULL`);
    return row?.at ?? null;
  }
}
