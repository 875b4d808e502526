import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The web inbox's sign-in: a personal API token exchanged for a session cookie. Only the
 * SHA-256 of the session id is stored. A session hangs off the token it was made from (none for
 * the bootstrap token or OIDC), so revoking that token, or disabling the user, ends it at once.
 */
export class WebSessions1765950000000 implements MigrationInterface {
  name = 'WebSessions1765950000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE web_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_sha256 bytea NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES app_user (id),
        api_token_id uuid REFERENCES api_token (id),
        via text NOT NULL CHECK (via IN ('bootstrap', 'token', 'oidc')),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ended_at timestamptz
      )`);
    await db.query(`CREATE INDEX web_session_user_idx ON web_session (user_id) WHERE ended_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE web_session`);
  }
}
