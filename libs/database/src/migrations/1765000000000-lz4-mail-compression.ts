import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail is compressed with lz4 instead of pglz where it is stored big: raw messages, article
 * bodies and attachment blobs. Measured on bench:ingest, storing raw messages took half the
 * database time (pglz spends most of it compressing) and articles about a sixth less.
 *
 * Only values written from now on change. A PostgreSQL built without lz4 keeps pglz: the
 * migration notes it and goes on, as does `down` (back to the server's default).
 */
export class Lz4MailCompression1765000000000 implements MigrationInterface {
  name = 'Lz4MailCompression1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(setCompression('lz4'));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(setCompression('default'));
  }
}

function setCompression(method: 'lz4' | 'default'): string {
  return `
    DO $$
    BEGIN
      EXECUTE 'ALTER TABLE raw_message ALTER COLUMN raw SET COMPRESSION ${method}';
      EXECUTE 'ALTER TABLE article ALTER COLUMN body_text SET COMPRESSION ${method}, ALTER COLUMN body_html SET COMPRESSION ${method}';
      EXECUTE 'ALTER TABLE blob ALTER COLUMN content SET COMPRESSION ${method}';
    EXCEPTION WHEN feature_not_supported THEN
      RAISE NOTICE 'this PostgreSQL has no lz4: mail stays compressed with pglz';
    END $$;`;
}
