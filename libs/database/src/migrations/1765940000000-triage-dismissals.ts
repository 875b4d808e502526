import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A specialist's verdict that a triage category was raised wrongly on a ticket: it lowers nothing
 * already raised or paged (the ticket keeps its priority and its triage as found), but it is
 * kept, with who and why, and counted in the triage stats that tune the lexicons.
 */
export class TriageDismissals1765940000000 implements MigrationInterface {
  name = 'TriageDismissals1765940000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE triage_dismissal (
        ticket_id uuid NOT NULL REFERENCES ticket (id),
        category text NOT NULL CHECK (category IN ('threat', 'self_harm', 'child_safety', 'doxxing')),
        level smallint NOT NULL CHECK (level IN (1, 2)),
        language text NOT NULL,
        reason text NOT NULL,
        dismissed_by uuid NOT NULL REFERENCES app_user (id),
        dismissed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (ticket_id, category)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE triage_dismissal`);
  }
}
