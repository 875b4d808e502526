import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The specialists' workspace (issue 14): who holds a ticket, who wrote a note or a reply, what
 * a merged ticket became, and each user's unsent draft. The indexes serve the list's new
 * filters (assignee, tag, requester) without scanning the ticket table.
 */
export class Workspace1765900000000 implements MigrationInterface {
  name = 'Workspace1765900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE ticket
        ADD COLUMN assignee_id uuid REFERENCES app_user (id),
        ADD COLUMN merged_into_id uuid REFERENCES ticket (id),
        ADD CONSTRAINT ticket_tags_bounded CHECK (cardinality(tags) <= 20)`);
    await db.query(`CREATE INDEX ticket_by_assignee ON ticket (assignee_id, created_at DESC, id DESC) WHERE assignee_id IS NOT NULL`);
    await db.query(`CREATE INDEX ticket_by_requester ON ticket (requester_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX ticket_by_tag ON ticket USING gin (tags)`);
    await db.query(`CREATE INDEX ticket_by_updated ON ticket (updated_at DESC, id DESC)`);
    await db.query(`ALTER TABLE article ADD COLUMN author_id uuid REFERENCES app_user (id)`);
    await db.query(`
      CREATE TABLE ticket_draft (
        ticket_id uuid NOT NULL REFERENCES ticket (id),
        user_id uuid NOT NULL REFERENCES app_user (id),
        body text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (ticket_id, user_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE ticket_draft`);
    await db.query(`ALTER TABLE article DROP COLUMN author_id`);
    await db.query(`DROP INDEX ticket_by_updated`);
    await db.query(`DROP INDEX ticket_by_tag`);
    await db.query(`DROP INDEX ticket_by_requester`);
    await db.query(`DROP INDEX ticket_by_assignee`);
    await db.query(`ALTER TABLE ticket DROP CONSTRAINT ticket_tags_bounded, DROP COLUMN merged_into_id, DROP COLUMN assignee_id`);
  }
}
