import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The newest message of each mailbox in one index probe: the "mailbox went quiet" gauge reads it on every scrape. */
export class OpsMetrics1765800000000 implements MigrationInterface {
  name = 'OpsMetrics1765800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX raw_message_latest ON raw_message (mailbox_id, received_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX raw_message_latest`);
  }
}
