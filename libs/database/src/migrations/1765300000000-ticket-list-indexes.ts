import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every filter of the newest-first ticket list reads one index range from its start:
 * ticket_newest (none), ticket_by_queue_status (queue and status) and now
 * ticket_by_status_newest (status) and ticket_by_queue_newest (queue). Without them a status-
 * or queue-only page walked ticket_newest and filtered, reading the whole table when the
 * status or queue is rare. A plain CREATE INDEX (the migration's transaction cannot build
 * concurrently): ticket writes wait while they build, about 3 s for both at a million tickets.
 */
export class TicketListIndexes1765300000000 implements MigrationInterface {
  name = 'TicketListIndexes1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX ticket_by_status_newest ON ticket (status, created_at DESC, id DESC);
      CREATE INDEX ticket_by_queue_newest ON ticket (queue_id, created_at DESC, id DESC);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ticket_by_queue_newest, ticket_by_status_newest`);
  }
}
