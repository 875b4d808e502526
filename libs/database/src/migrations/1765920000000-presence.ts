import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who is viewing or replying to a ticket (issue 14), shared by every api replica. A row lives
 * while its heartbeats come (`expires_at`); the api's sweep deletes expired rows and announces
 * them. UNLOGGED: heartbeats rewrite rows every few seconds and a crash costs only presence,
 * which the next heartbeat restores. No index on `expires_at`, so a heartbeat's update stays
 * HOT; the table holds the current viewers only, and the sweep's scan of it is small.
 */
export class Presence1765920000000 implements MigrationInterface {
  name = 'Presence1765920000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE UNLOGGED TABLE ticket_presence (
        ticket_id uuid NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        state text NOT NULL CHECK (state IN ('viewing', 'replying')),
        since timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (ticket_id, user_id)
      ) WITH (fillfactor = 50)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE ticket_presence`);
  }
}
