import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mailboxes managed through the API and shared by several ingest replicas.
 *
 * - mailbox: TLS flag, the IMAP password sealed with MAILBOX_SECRET_KEY (NULL: the bootstrap
 *   mailbox, whose password is the ingest's IMAP_PASSWORD), what to do with a message once it
 *   is stored, soft deletion, and `lease_key`, the advisory-lock key its one holder takes.
 * - mailbox_status: written by the holder (lease heartbeat, watcher state, lag, last error).
 * - mailbox_pending_action: the after-commit action (\Seen, MOVE) of every stored UID, written
 *   in the storing transaction and deleted once the IMAP server confirmed it, so a crash between
 *   the commit and the action leaves it to the next holder instead of losing it.
 */
export class MailboxesAsData1764400000000 implements MigrationInterface {
  name = 'MailboxesAsData1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE mailbox
        ADD COLUMN imap_tls boolean NOT NULL DEFAULT true,
        ADD COLUMN password_sealed text,
        ADD COLUMN after_commit text NOT NULL DEFAULT 'none'
          CONSTRAINT mailbox_after_commit_check CHECK (after_commit IN ('none', 'seen') OR after_commit ~ '^move:.+'),
        ADD COLUMN lease_key integer GENERATED ALWAYS AS IDENTITY CONSTRAINT mailbox_lease_key_unique UNIQUE,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN deleted_at timestamptz;

      CREATE TABLE mailbox_status (
        mailbox_id uuid PRIMARY KEY REFERENCES mailbox (id),
        lease_holder text,
        lease_renewed_at timestamptz,
        state text NOT NULL DEFAULT 'connecting' CHECK (state IN ('connecting', 'catching-up', 'idle', 'error')),
        lag_messages integer,
        catch_up_total integer,
        last_error text,
        last_error_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE mailbox_pending_action (
        mailbox_id uuid NOT NULL REFERENCES mailbox (id),
        uid_validity bigint NOT NULL,
        uid bigint NOT NULL,
        action text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (mailbox_id, uid_validity, uid)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE mailbox_pending_action, mailbox_status;
      ALTER TABLE mailbox
        DROP COLUMN deleted_at,
        DROP COLUMN updated_at,
        DROP COLUMN lease_key,
        DROP COLUMN after_commit,
        DROP COLUMN password_sealed,
        DROP COLUMN imap_tls;
    `);
  }
}
