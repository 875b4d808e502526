import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Round-robin on open, per queue: when on, routing gives a new ticket to the least-loaded user on
 * shift with write access to the queue, none of whom holds `max_open_per_assignee` open tickets
 * of it already (otherwise it stays unassigned for someone to claim).
 */
export class AutoAssign1765960000000 implements MigrationInterface {
  name = 'AutoAssign1765960000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE queue
        ADD COLUMN auto_assign boolean NOT NULL DEFAULT false,
        ADD COLUMN max_open_per_assignee integer NOT NULL DEFAULT 10 CHECK (max_open_per_assignee BETWEEN 1 AND 1000)`);
    // The open load of each assignee in a queue, counted at every open of an auto-assigning queue.
    await db.query(`CREATE INDEX ticket_open_by_assignee ON ticket (queue_id, assignee_id) WHERE assignee_id IS NOT NULL AND status IN ('open', 'pending')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ticket_open_by_assignee`);
    await db.query(`ALTER TABLE queue DROP COLUMN max_open_per_assignee, DROP COLUMN auto_assign`);
  }
}
