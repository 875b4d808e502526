import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the reconciler last re-emitted a raw message's event and how often: re-emits back off,
 * so a message merely queued behind a backlog is not re-emitted every sweep.
 */
export class RawMessageReconciler1764300000000 implements MigrationInterface {
  name = 'RawMessageReconciler1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE raw_message ADD COLUMN reemitted_at timestamptz, ADD COLUMN reemit_count integer NOT NULL DEFAULT 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE raw_message DROP COLUMN reemitted_at, DROP COLUMN reemit_count`);
  }
}
