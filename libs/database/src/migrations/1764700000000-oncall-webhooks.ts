import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * On-call paging.
 *
 * - `oncall_shift`: who (name + email) is on call in [starts_at, ends_at) for which queues
 *   (slugs; empty = every queue).
 * - `page`: one row per person paged about an emergency ticket; `level` 0 is the first person
 *   on call, each escalation adds the next level (unique per ticket and level: an escalation
 *   fires once). `escalate_at` is set while the page is open and someone else could be paged.
 * - `notification` rows also carry pages (`reason` 'page', `page_id`, no clock).
 * - `webhook`: an HTTP endpoint, its HMAC secret (never returned by the API) and the events it
 *   wants (short names: 'sla.breached', 'sla.warning', 'page.sent').
 * - `webhook_delivery`: one per webhook and event (unique), sent with retries and backoff.
 */
export class OncallWebhooks1764700000000 implements MigrationInterface {
  name = 'OncallWebhooks1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE oncall_shift (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        email text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        queues text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      );
      CREATE INDEX oncall_shift_window ON oncall_shift (ends_at, starts_at);

      CREATE TABLE page (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES ticket (id),
        target_email text NOT NULL,
        target_name text,
        level integer NOT NULL DEFAULT 0 CHECK (level >= 0),
        state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'acked', 'escalated')),
        created_at timestamptz NOT NULL DEFAULT now(),
        acked_at timestamptz,
        escalate_at timestamptz,
        UNIQUE (ticket_id, level)
      );
      CREATE INDEX page_escalation_due ON page (escalate_at) WHERE state = 'open' AND escalate_at IS NOT NULL;

      ALTER TABLE notification ADD COLUMN page_id uuid UNIQUE REFERENCES page (id);
      ALTER TABLE notification DROP CONSTRAINT notification_reason_check;
      ALTER TABLE notification ADD CONSTRAINT notification_reason_check CHECK (reason IN ('breach', 'warning', 'page'));

      CREATE TABLE webhook (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url text NOT NULL,
        secret text NOT NULL,
        events text[] NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE webhook_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        webhook_id uuid NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        event text NOT NULL,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_status_code integer,
        last_error text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (webhook_id, event_id)
      );
      CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'queued';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE webhook_delivery;
      DROP TABLE webhook;
      DELETE FROM notification WHERE reason = 'page';
      ALTER TABLE notification DROP CONSTRAINT notification_reason_check;
      ALTER TABLE notification ADD CONSTRAINT notification_reason_check CHECK (reason IN ('breach', 'warning'));
      ALTER TABLE notification DROP COLUMN page_id;
      DROP TABLE page;
      DROP TABLE oncall_shift;
    `);
  }
}
