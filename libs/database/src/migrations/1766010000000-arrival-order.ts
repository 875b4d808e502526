import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing order that holds with several routers sharing one consumer:
 * - `raw_message.arrival_number`: drawn from the ticket number sequence as ingest stores the
 *   mail, so the ticket a mail opens is numbered in arrival order whichever router commits it
 *   first (rows stored before this migration have none: their tickets draw a number then).
 * - a partial index of the Message-IDs of mail not routed yet: a reply whose original is still
 *   waiting waits for it (RawMessageRepository.pendingOriginals).
 */
export class ArrivalOrder1766010000000 implements MigrationInterface {
  name = 'ArrivalOrder1766010000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE raw_message ADD COLUMN arrival_number bigint;
      ALTER TABLE raw_message ALTER COLUMN arrival_number SET DEFAULT nextval('ticket_number_seq');
      CREATE INDEX raw_message_pending_by_message_id ON raw_message (message_id) WHERE status = 'received' AND message_id IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX raw_message_pending_by_message_id; ALTER TABLE raw_message DROP COLUMN arrival_number`);
  }
}
