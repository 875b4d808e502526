import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case export (issue 15, part 2): `outbound_message.sent_raw`, the exact bytes the sender put on
 * the wire (DKIM signature included), kept when a row is marked sent and compressed with lz4
 * like the other mail (pglz on a server without it); and `case_export`, one row per requested
 * export (the zip is built when it is downloaded).
 */
export class CaseExport1765980000000 implements MigrationInterface {
  name = 'CaseExport1765980000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE outbound_message ADD COLUMN sent_raw bytea;
      DO $$
      BEGIN
        EXECUTE 'ALTER TABLE outbound_message ALTER COLUMN sent_raw SET COMPRESSION lz4';
      EXCEPTION WHEN feature_not_supported THEN
        RAISE NOTICE 'this PostgreSQL has no lz4: sent mail stays compressed with pglz';
      END $$;

      CREATE TABLE case_export (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES ticket (id),
        requested_by uuid REFERENCES app_user (id),
        requested_by_email text,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
      );
      CREATE INDEX case_export_by_ticket ON case_export (ticket_id, created_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE case_export; ALTER TABLE outbound_message DROP COLUMN sent_raw`);
  }
}
