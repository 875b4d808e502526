import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Specialists as people: users with a role, API tokens that belong to one (only a SHA-256 of
 * the secret is kept), queues that can be restricted, and per-queue grants.
 */
export class Identities1765400000000 implements MigrationInterface {
  name = 'Identities1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'lead', 'specialist', 'ops')),
        locale text NOT NULL DEFAULT 'en',
        time_zone text NOT NULL DEFAULT 'UTC',
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz
      );
      -- E-mail addresses are compared case-insensitively: one person, one account.
      CREATE UNIQUE INDEX app_user_email ON app_user (lower(email));
      CREATE INDEX app_user_newest ON app_user (created_at DESC, id DESC);

      CREATE TABLE api_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        name text NOT NULL,
        token_sha256 bytea NOT NULL UNIQUE,
        expires_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      );
      CREATE INDEX api_token_by_user ON api_token (user_id, created_at DESC);

      ALTER TABLE queue ADD COLUMN restricted boolean NOT NULL DEFAULT false;

      CREATE TABLE queue_grant (
        queue_id uuid NOT NULL REFERENCES queue (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        level text NOT NULL CHECK (level IN ('read', 'write')),
        PRIMARY KEY (queue_id, user_id)
      );
      CREATE INDEX queue_grant_by_user ON queue_grant (user_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE queue_grant;
      ALTER TABLE queue DROP COLUMN restricted;
      DROP TABLE api_token;
      DROP TABLE app_user;
    `);
  }
}
