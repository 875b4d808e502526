import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A draft reply keeps its Cc field as typed (a draft need not be valid yet; the reply checks it). */
export class DraftCc1766020000000 implements MigrationInterface {
  name = 'DraftCc1766020000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE ticket_draft ADD COLUMN cc text NOT NULL DEFAULT '' CHECK (length(cc) <= 4000)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE ticket_draft DROP COLUMN cc`);
  }
}
