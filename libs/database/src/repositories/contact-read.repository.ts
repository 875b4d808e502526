import type { Db } from '../db.js';

export interface ContactRecord {
  id: string;
  email: string;
  name: string | null;
  createdAt: Date;
}

/** The people who write to the team (requesters), as specialists look them up. */
export class ContactReadRepository {
  async find(db: Db, id: string): Promise<ContactRecord | null> {
    const [row] = await db.query(`SELECT id, email, name, created_at AS "createdAt" FROM contact WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** By address, as routing stored it (lower-cased). */
  async findByEmail(db: Db, email: string): Promise<ContactRecord | null> {
    const [row] = await db.query(`SELECT id, email, name, created_at AS "createdAt" FROM contact WHERE email = $1 OR email = lower($1) ORDER BY email = $1 DESC LIMIT 1`, [email]);
    return row ?? null;
  }

  /** How many of the contact's tickets lie in each queue: what the caller may count is theirs to filter. */
  async ticketCounts(db: Db, contactId: string): Promise<{ queueId: string; count: number }[]> {
    return db.query(`SELECT queue_id AS "queueId", count(*)::int AS count FROM ticket WHERE requester_id = $1 GROUP BY queue_id`, [contactId]);
  }
}
