import type { Db } from '../db.js';

export interface DraftRecord {
  ticketId: string;
  userId: string;
  body: string;
  /** The Cc field as typed (not checked until the reply is sent). */
  cc: string;
  updatedAt: Date;
}

/** One unsent reply per user and ticket, so a half-written answer survives a closed laptop. */
export class DraftRepository {
  async find(db: Db, ticketId: string, userId: string): Promise<DraftRecord | null> {
    const [row] = await db.query(`SELECT ticket_id AS "ticketId", user_id AS "userId", body, cc, updated_at AS "updatedAt" FROM ticket_draft WHERE ticket_id = $1 AND user_id = $2`, [ticketId, userId]);
    return row ?? null;
  }

  async save(db: Db, draft: { ticketId: string; userId: string; body: string; cc: string }): Promise<DraftRecord> {
    const [row] = await db.query(
      `INSERT INTO ticket_draft (ticket_id, user_id, body, cc) VALUES ($1, $2, $3, $4)
       ON CONFLICT (ticket_id, user_id) DO UPDATE SET body = excluded.body, cc = excluded.cc, updated_at = now()
       RETURNING ticket_id AS "ticketId", user_id AS "userId", body, cc, updated_at AS "updatedAt"`,
      [draft.ticketId, draft.userId, draft.body, draft.cc],
    );
    return row;
  }

  /** Whether there was one. */
  async delete(db: Db, ticketId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await db.query(`WITH gone AS (DELETE FROM ticket_draft WHERE ticket_id = $1 AND user_id = $2 RETURNING 1) SELECT * FROM gone`, [ticketId, userId]);
    return rows.length > 0;
  }
}
