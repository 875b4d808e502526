import type { Role } from '@casework/domain';
import type { Db } from '../db.js';
import { preparedStatement, queryPrepared } from '../prepared-statement.js';

export interface ApiTokenRecord {
  id: string;
  userId: string;
  name: string;
  expiresAt: Date | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Who a presented token speaks for, when it is live (not revoked, not expired, user enabled). */
export interface TokenHolder {
  tokenId: string;
  userId: string;
  email: string;
  role: Role;
  /** When use was last recorded: the caller refreshes it at most once a minute. */
  lastUsedAt: Date | null;
}

const COLUMNS = `id, user_id AS "userId", name, expires_at AS "expiresAt", created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`;

/** Every request with a token asks this: prepared once per connection. */
const TOKEN_HOLDER = preparedStatement(
  `SELECT t.id AS "tokenId", u.id AS "userId", u.email, u.role, t.last_used_at AS "lastUsedAt"
     FROM api_token t JOIN app_user u ON u.id = t.user_id
    WHERE t.token_sha256 = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2) AND NOT u.disabled`,
);

/** Tokens are stored as the SHA-256 of their secret only; the secret is shown once, at creation. */
export class ApiTokenRepository {
  async insert(db: Db, token: { userId: string; name: string; sha256: Buffer; expiresAt: Date | null }): Promise<ApiTokenRecord> {
    const [row] = await db.query(
      `INSERT INTO api_token (user_id, name, token_sha256, expires_at) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [token.userId, token.name, token.sha256, token.expiresAt],
    );
    return row;
  }

  async listOf(db: Db, userId: string): Promise<ApiTokenRecord[]> {
    return db.query(`SELECT ${COLUMNS} FROM api_token WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC, id DESC`, [userId]);
  }

  async find(db: Db, id: string): Promise<ApiTokenRecord | null> {
    const [row] = await db.query(`SELECT ${COLUMNS} FROM api_token WHERE id = $1 AND revoked_at IS NULL`, [id]);
    return row ?? null;
  }

  /** True when a live token was revoked now. */
  async revoke(db: Db, id: string): Promise<boolean> {
    const rows = await db.query(`WITH r AS (UPDATE api_token SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id) SELECT id FROM r`, [id]);
    return rows.length > 0;
  }

  /** One indexed look-up per request: the token's hash, its user, and whether both are live. */
  async holderOf(db: Db, sha256: Buffer, now: Date): Promise<TokenHolder | null> {
    const [row] = await queryPrepared<TokenHolder>(db, TOKEN_HOLDER, [sha256, now]);
    return row ?? null;
  }

  async touch(db: Db, tokenId: string, userId: string, at: Date): Promise<void> {
    await db.query(
      `WITH t AS (UPDATE api_token SET last_used_at = $3 WHERE id = $1 RETURNING 1),
            u AS (UPDATE app_user SET last_seen_at = $3 WHERE id = $2 RETURNING 1)
       SELECT 1`,
      [tokenId, userId, at],
    );
  }
}
