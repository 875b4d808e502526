import type { Db } from '../db.js';
import { preparedStatement, queryPrepared } from '../prepared-statement.js';

export type PresenceState = 'viewing' | 'replying';

export interface ViewerRecord {
  user: { id: string; name: string; email: string };
  state: PresenceState;
  since: Date;
}

export interface ExpiredPresence {
  ticketId: string;
  queueId: string;
  userId: string;
}

/** A ticket's live viewers, asked by every read of a ticket: prepared once per connection. */
const TICKET_VIEWERS = preparedStatement(
  `SELECT p.state, p.since, u.id, u.name, u.email
     FROM ticket_presence p JOIN app_user u ON u.id = p.user_id
    WHERE p.ticket_id = $1 AND p.expires_at > now()
    ORDER BY p.since, u.id`,
);

/** Who is viewing or replying to which ticket: heartbeats with an expiry (ticket_presence). */
export class PresenceRepository {
  /**
   * One heartbeat: the presence lives `ttlSeconds` more. `changed`: a new viewer, another
   * state, or a presence that had expired unswept; `since` restarts then and only then.
   */
  async beat(db: Db, beat: { ticketId: string; userId: string; state: PresenceState; ttlSeconds: number }): Promise<{ changed: boolean; since: Date }> {
    const [row] = await db.query(
      `INSERT INTO ticket_presence AS p (ticket_id, user_id, state, since, expires_at)
       VALUES ($1, $2, $3, now(), now() + make_interval(secs => $4))
       ON CONFLICT (ticket_id, user_id) DO UPDATE SET
         state = EXCLUDED.state,
         since = CASE WHEN p.state = EXCLUDED.state AND p.expires_at > now() THEN p.since ELSE now() END,
         expires_at = EXCLUDED.expires_at
       RETURNING since, since = now() AS changed`,
      [beat.ticketId, beat.userId, beat.state, beat.ttlSeconds],
    );
    return { changed: row.changed, since: row.since };
  }

  /** The ticket's live viewers, longest present first. */
  async viewersOf(db: Db, ticketId: string): Promise<ViewerRecord[]> {
    const rows = await queryPrepared<{ state: PresenceState; since: Date; id: string; name: string; email: string }>(db, TICKET_VIEWERS, [ticketId]);
    return rows.map((r) => ({ user: { id: r.id, name: r.name, email: r.email }, state: r.state, since: r.since }));
  }

  /**
   * Deletes the expired presences and answers them with their ticket's queue. A row is deleted
   * by one sweeper only (replicas sweep alike), and a heartbeat racing the sweep either renews
   * it first (the delete's re-check skips it) or inserts it anew.
   */
  async sweepExpired(db: Db): Promise<ExpiredPresence[]> {
    return db.query(
      `WITH gone AS (DELETE FROM ticket_presence WHERE expires_at <= now() RETURNING ticket_id, user_id)
       SELECT g.ticket_id AS "ticketId", t.queue_id AS "queueId", g.user_id AS "userId"
         FROM gone g JOIN ticket t ON t.id = g.ticket_id`,
    );
  }
}
