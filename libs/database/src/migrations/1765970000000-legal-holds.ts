import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Legal holds: a ticket's, or a person's (every ticket they are the requester of, present and
 * future: the hold names the contact, not a list of tickets). A released hold is kept with who
 * released it, as evidence of when the material stopped being protected.
 *
 * `ticket.purged_at`: the ticket's content was removed (retention, deletion, erasure) and only
 * its tombstone is left; a hold on such a ticket is refused.
 */
export class LegalHolds1765970000000 implements MigrationInterface {
  name = 'LegalHolds1765970000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE ticket ADD COLUMN purged_at timestamptz;

      CREATE TABLE legal_hold (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid REFERENCES ticket (id),
        contact_id uuid REFERENCES contact (id),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
        until timestamptz,
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        released_at timestamptz,
        released_by uuid REFERENCES app_user (id),
        CHECK ((ticket_id IS NULL) <> (contact_id IS NULL)),
        CHECK ((released_at IS NULL) = (released_by IS NULL))
      );
      CREATE INDEX legal_hold_by_ticket ON legal_hold (ticket_id) WHERE released_at IS NULL AND ticket_id IS NOT NULL;
      CREATE INDEX legal_hold_by_contact ON legal_hold (contact_id) WHERE released_at IS NULL AND contact_id IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE legal_hold; ALTER TABLE ticket DROP COLUMN purged_at`);
  }
}
