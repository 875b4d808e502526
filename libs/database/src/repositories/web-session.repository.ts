import type { Role } from '@casework/domain';
import type { Db } from '../db.js';
import { preparedStatement, queryPrepared } from '../prepared-statement.js';

export type SessionVia = 'bootstrap' | 'token' | 'oidc';

/** Who a live session speaks for (not ended, not idle or past its end, its token live, its user enabled). */
export interface SessionHolder {
  sessionId: string;
  userId: string;
  email: string;
  role: Role;
  tokenId: string | null;
  via: SessionVia;
  lastSeenAt: Date;
}

export interface NewWebSession {
  sha256: Buffer;
  userId: string;
  tokenId: string | null;
  via: SessionVia;
  expiresAt: Date;
}

/** Every request of the web inbox asks this: prepared once per connection. */
const SESSION_HOLDER = preparedStatement(
  `SELECT s.id AS "sessionId", u.id AS "userId", u.email, u.role, s.api_token_id AS "tokenId", s.via, s.last_seen_at AS "lastSeenAt"
     FROM web_session s
     JOIN app_user u ON u.id = s.user_id
     LEFT JOIN api_token t ON t.id = s.api_token_id
    WHERE s.session_sha256 = $1 AND s.ended_at IS NULL AND s.expires_at > $2 AND s.last_seen_at > $3 AND NOT u.disabled
      AND (s.api_token_id IS NULL OR (t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2)))`,
);

/** Web sessions are stored as the SHA-256 of their id only; the id itself lives in the browser's cookie. */
export class WebSessionRepository {
  async insert(db: Db, session: NewWebSession): Promise<{ id: string }> {
    const [row] = await db.query(
      `INSERT INTO web_session (session_sha256, user_id, api_token_id, via, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [session.sha256, session.userId, session.tokenId, session.via, session.expiresAt],
    );
    return row;
  }

  /** The session's holder when it is live at `now` and was seen after `idleSince`. */
  async holderOf(db: Db, sha256: Buffer, now: Date, idleSince: Date): Promise<SessionHolder | null> {
    const [row] = await queryPrepared<SessionHolder>(db, SESSION_HOLDER, [sha256, now, idleSince]);
    return row ?? null;
  }

  async touch(db: Db, sessionId: string, userId: string, at: Date): Promise<void> {
    await db.query(
      `WITH s AS (UPDATE web_session SET last_seen_at = $3 WHERE id = $1 RETURNING 1),
            u AS (UPDATE app_user SET last_seen_at = $3 WHERE id = $2 RETURNING 1)
       SELECT 1`,
      [sessionId, userId, at],
    );
  }

  /** Ends the session with this hash (signing out); true when a live one ended now. */
  async end(db: Db, sha256: Buffer): Promise<boolean> {
    const rows = await db.query(`WITH e AS (UPDATE web_session SET ended_at = now() WHERE session_sha256 = $1 AND ended_at IS NULL RETURNING id) SELECT id FROM e`, [sha256]);
    return rows.length > 0;
  }
}
