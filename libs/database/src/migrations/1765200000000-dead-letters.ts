import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events a consumer gave up on (its handler failed on every delivery, or the envelope could not
 * be read): kept with the envelope and the last error so an operator can see them and re-drive
 * one once the cause is fixed, instead of the event costing CPU forever.
 */
export class DeadLetters1765200000000 implements MigrationInterface {
  name = 'DeadLetters1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE dead_letter (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        consumer text NOT NULL,
        subject text NOT NULL,
        stream_seq bigint NOT NULL,
        event_id text,
        envelope jsonb,
        raw_payload text,
        error text NOT NULL,
        deliveries integer NOT NULL,
        dead_at timestamptz NOT NULL DEFAULT now(),
        redriven_at timestamptz,
        UNIQUE (consumer, stream_seq)
      );
      CREATE INDEX dead_letter_newest ON dead_letter (dead_at DESC, id DESC);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE dead_letter`);
  }
}
