import type { GrantLevel, Role } from '@casework/domain';
import type { Db } from '../db.js';

/** What the assignment rule needs of a would-be assignee and the ticket's queue. */
export interface AssigneeFacts {
  id: string;
  role: Role;
  disabled: boolean;
  queueRestricted: boolean;
  grant: GrantLevel | null;
}

/** The specialists' own writes on a ticket: internal notes, who holds it, its tags. */
export class TicketWorkRepository {
  /** An internal note: an article that is never mailed, written by `authorId`; the ticket counts as updated. */
  async addNote(tx: Db, note: { ticketId: string; authorId: string; body: string }): Promise<{ id: string; createdAt: Date }> {
    const [row] = await tx.query(
      `WITH note AS (
         INSERT INTO article (ticket_id, direction, body_text, author_id) VALUES ($1, 'note', $2, $3) RETURNING id, created_at
       ), touched AS (UPDATE ticket SET updated_at = now() WHERE id = $1)
       SELECT id, created_at FROM note`,
      [note.ticketId, note.body, note.authorId],
    );
    return { id: row.id, createdAt: row.created_at };
  }

  /** Who wrote an outgoing article through the API. */
  async setAuthor(tx: Db, articleId: string, authorId: string): Promise<void> {
    await tx.query(`UPDATE article SET author_id = $2 WHERE id = $1`, [articleId, authorId]);
  }

  /** The ticket's holder and queue under its row lock (null: no such ticket). */
  async lockAssignment(tx: Db, ticketId: string): Promise<{ assigneeId: string | null; queueId: string } | null> {
    const [row] = await tx.query(`SELECT assignee_id AS "assigneeId", queue_id AS "queueId" FROM ticket WHERE id = $1 FOR UPDATE`, [ticketId]);
    return row ?? null;
  }

  async setAssignee(tx: Db, ticketId: string, userId: string | null): Promise<void> {
    await tx.query(`UPDATE ticket SET assignee_id = $2, updated_at = now() WHERE id = $1`, [ticketId, userId]);
  }

  /** The user and their grant on `queueId`, for the assignment rule; null when there is no such user. */
  async assigneeFacts(db: Db, userId: string, queueId: string): Promise<AssigneeFacts | null> {
    const [row] = await db.query(
      `SELECT u.id, u.role, u.disabled, q.restricted AS "queueRestricted", g.level AS grant
         FROM app_user u JOIN queue q ON q.id = $2 LEFT JOIN queue_grant g ON g.user_id = u.id AND g.queue_id = q.id
        WHERE u.id = $1`,
      [userId, queueId],
    );
    return row ?? null;
  }

  /** The tags before, under the row lock (null: no such ticket), then set to `tags`. */
  async replaceTags(tx: Db, ticketId: string, tags: string[]): Promise<{ before: string[]; queueId: string } | null> {
    const [locked] = await tx.query(`SELECT tags, queue_id AS "queueId" FROM ticket WHERE id = $1 FOR UPDATE`, [ticketId]);
    if (!locked) return null;
    await tx.query(`UPDATE ticket SET tags = $2::text[], updated_at = now() WHERE id = $1`, [ticketId, tags]);
    return { before: locked.tags, queueId: locked.queueId };
  }

  /** Every tag in use and how many tickets carry it, most used first; only tickets of `queueIds` when given. */
  async tagCounts(db: Db, queueIds: string[] | null): Promise<{ tag: string; count: number }[]> {
    return db.query(
      `SELECT tag, count(*)::int AS count FROM ticket, unnest(tags) AS tag
        WHERE ($1::uuid[] IS NULL OR queue_id = ANY($1::uuid[])) GROUP BY tag ORDER BY count DESC, tag LIMIT 1000`,
      [queueIds],
    );
  }

  /**
   * Per queue (only `queueIds` when given): tickets open, and tickets not yet resolved whose SLA
   * clock breached and is still unmet. Two index-backed counts: the open ones from the queue ×
   * status index, the breached ones from the (small) partial index of breached clocks.
   */
  async queueCounts(db: Db, queueIds: string[] | null): Promise<{ queueId: string; open: number; breached: number }[]> {
    const [open, breached] = await Promise.all([
      db.query(`SELECT queue_id AS "queueId", count(*)::int AS n FROM ticket WHERE status = 'open' AND ($1::uuid[] IS NULL OR queue_id = ANY($1::uuid[])) GROUP BY 1`, [queueIds]),
      db.query(
        `SELECT t.queue_id AS "queueId", count(DISTINCT t.id)::int AS n FROM sla_clock c JOIN ticket t ON t.id = c.ticket_id
          WHERE c.state = 'breached' AND c.met_at IS NULL AND t.status IN ('open', 'pending') AND ($1::uuid[] IS NULL OR t.queue_id = ANY($1::uuid[])) GROUP BY 1`,
        [queueIds],
      ),
    ]);
    const counts = new Map<string, { queueId: string; open: number; breached: number }>();
    const entry = (queueId: string) => counts.get(queueId) ?? counts.set(queueId, { queueId, open: 0, breached: 0 }).get(queueId)!;
    for (const row of open as { queueId: string; n: number }[]) entry(row.queueId).open = row.n;
    for (const row of breached as { queueId: string; n: number }[]) entry(row.queueId).breached = row.n;
    return [...counts.values()];
  }
}
