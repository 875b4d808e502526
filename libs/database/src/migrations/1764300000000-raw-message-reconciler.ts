import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When the reconciler last re-emitted a raw message's event, so it does not every sweep. */
export class RawMessageReconciler1764300000000 implements MigrationInterface {
  name = 'RawMessageReconciler1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE raw_message ADD COLUMN reemitted_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE raw_message DROP COLUMN reemitted_at`);
  }
}
