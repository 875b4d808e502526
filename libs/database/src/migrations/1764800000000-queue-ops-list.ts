import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each queue's ops list.
 *
 * - `queue.ops_emails`: the addresses SLA warnings, breaches and fallback pages (nobody on call)
 *   of the queue's tickets go to; empty = the notification service's OPS_EMAIL.
 * - A page can now have one notice per address (a fallback page goes to the whole list): the
 *   notice's uniqueness moves from `page_id` to `(page_id, recipient)`, as clock notices are
 *   unique per clock, reason, channel and recipient.
 */
export class QueueOpsList1764800000000 implements MigrationInterface {
  name = 'QueueOpsList1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE queue ADD COLUMN ops_emails text[] NOT NULL DEFAULT '{}';
      ALTER TABLE notification DROP CONSTRAINT notification_page_id_key;
      ALTER TABLE notification ADD CONSTRAINT notification_page_recipient_key UNIQUE (page_id, recipient);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Back to one notice per page: the first address of each page keeps its notice.
      DELETE FROM notification n USING notification kept
        WHERE n.page_id = kept.page_id AND n.reason = 'page' AND (kept.created_at, kept.id) < (n.created_at, n.id);
      ALTER TABLE notification DROP CONSTRAINT notification_page_recipient_key;
      ALTER TABLE notification ADD CONSTRAINT notification_page_id_key UNIQUE (page_id);
      ALTER TABLE queue DROP COLUMN ops_emails;
    `);
  }
}
