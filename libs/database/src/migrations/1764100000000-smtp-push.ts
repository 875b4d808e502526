import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail pushed over SMTP/LMTP has no IMAP UIDs: raw_message records where it came from and
 * its SMTP envelope; the IMAP UIDs become optional (still required for IMAP rows). The
 * (mailbox_id, uid_validity, uid) uniqueness stays: NULL UIDs never collide, SMTP copies are
 * recognised by content. A mailbox row says whether it is watched over IMAP or only receives
 * pushed mail (its imap_* columns then hold placeholders).
 */
export class SmtpPush1764100000000 implements MigrationInterface {
  name = 'SmtpPush1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE raw_message
        ALTER COLUMN uid_validity DROP NOT NULL,
        ALTER COLUMN uid DROP NOT NULL,
        ADD COLUMN source text NOT NULL DEFAULT 'imap' CONSTRAINT raw_message_source_check CHECK (source IN ('imap', 'smtp')),
        ADD COLUMN envelope_from text,
        ADD COLUMN envelope_to text[],
        ADD CONSTRAINT raw_message_imap_has_uid CHECK (source <> 'imap' OR (uid_validity IS NOT NULL AND uid IS NOT NULL));

      ALTER TABLE mailbox
        ADD COLUMN transport text NOT NULL DEFAULT 'imap' CONSTRAINT mailbox_transport_check CHECK (transport IN ('imap', 'smtp'));
      CREATE INDEX mailbox_by_address ON mailbox (lower(address));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    // Fails (NOT NULL) while SMTP-pushed messages exist: they cannot be expressed without this schema.
    await db.query(`
      DROP INDEX mailbox_by_address;
      ALTER TABLE mailbox DROP COLUMN transport;
      ALTER TABLE raw_message
        DROP CONSTRAINT raw_message_imap_has_uid,
        DROP COLUMN envelope_to,
        DROP COLUMN envelope_from,
        DROP COLUMN source,
        ALTER COLUMN uid SET NOT NULL,
        ALTER COLUMN uid_validity SET NOT NULL;
    `);
  }
}
