import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ingest hears of mailbox changes at once: every statement that adds, changes or removes a
 * mailbox row sends a `casework_mailboxes` notification (delivered at its commit), so a mailbox
 * added or re-enabled through the API is watched within moments instead of at the
 * supervisor's next periodic scan, which stays as the fallback.
 */
export class MailboxChangeNotify1764900000000 implements MigrationInterface {
  name = 'MailboxChangeNotify1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION notify_mailbox_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('casework_mailboxes', '');
        RETURN NULL;
      END $$;
      CREATE TRIGGER mailbox_changed AFTER INSERT OR UPDATE OR DELETE ON mailbox
        FOR EACH STATEMENT EXECUTE FUNCTION notify_mailbox_change();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER mailbox_changed ON mailbox;
      DROP FUNCTION notify_mailbox_change();
    `);
  }
}
