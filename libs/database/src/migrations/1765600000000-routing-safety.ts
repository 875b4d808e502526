import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing that understands a safety inbox (issue 12).
 *
 * - queue: further `addresses` it receives mail at (lower-cased; `address` stays the primary,
 *   the From of its mail); `role` marks the system queues routing files mail into by itself
 *   (`spam`, `postmaster`: one each, created on demand); per-queue routing settings.
 * - ticket: `language` (ISO 639-1), `triage` (`{level, categories}`), `tags`; `resolved_at`
 *   (when it was last resolved or closed: the reopen window counts from it); the ticket it
 *   continues (`linked_ticket_id`, its number, `link_reason`); spam: the signals that filed it, the queue it
 *   would have had, and whether its acknowledgement was held back for not-spam to send.
 * - article: `flagged` (a follow-up from someone who is not a participant) and `system_note`
 *   (a bounce or auto-reply kept on the ticket, not the requester's answer).
 * - ticket_history: the decision steps worth knowing (rule applied, sender flagged, spam,
 *   bounce attached…), one row each, never a body.
 * - outbound_message: the status code of the bounce that failed it; a look-up by recipient.
 * - raw_message: `dropped` (recorded, not routed: our own mail echoed back) with its reason.
 */
export class RoutingSafety1765600000000 implements MigrationInterface {
  name = 'RoutingSafety1765600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE queue
        ADD COLUMN addresses text[] NOT NULL DEFAULT '{}',
        ADD COLUMN role text CONSTRAINT queue_role_check CHECK (role IN ('spam', 'postmaster')),
        ADD COLUMN unknown_sender_followup text NOT NULL DEFAULT 'flag'
          CONSTRAINT queue_unknown_sender_followup_check CHECK (unknown_sender_followup IN ('flag', 'new_ticket')),
        ADD COLUMN reopen_window_days integer NOT NULL DEFAULT 30 CONSTRAINT queue_reopen_window_days_check CHECK (reopen_window_days BETWEEN 0 AND 3650),
        ADD COLUMN spam_score_threshold numeric DEFAULT 5;
      CREATE UNIQUE INDEX queue_single_role ON queue (role) WHERE role IS NOT NULL;

      ALTER TABLE ticket
        ADD COLUMN language text CONSTRAINT ticket_language_check CHECK (language ~ '^[a-z]{2}$'),
        ADD COLUMN triage jsonb NOT NULL DEFAULT '{"level": 0, "categories": []}',
        ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
        ADD COLUMN resolved_at timestamptz,
        ADD COLUMN linked_ticket_id uuid REFERENCES ticket (id),
        -- Kept with the link (numbers never change): the ticket list reads no second ticket row.
        ADD COLUMN linked_ticket_number text,
        ADD COLUMN link_reason text CONSTRAINT ticket_link_reason_check CHECK (link_reason IN ('ticket_closed', 'reopen_window_passed', 'unknown_sender')),
        ADD COLUMN intended_queue_id uuid REFERENCES queue (id),
        ADD COLUMN spam_signals text[],
        ADD COLUMN acknowledgement_held boolean NOT NULL DEFAULT false;
      UPDATE ticket SET resolved_at = updated_at WHERE status IN ('resolved', 'closed');

      ALTER TABLE article
        ADD COLUMN flagged text CONSTRAINT article_flagged_check CHECK (flagged IN ('unknown_sender')),
        ADD COLUMN system_note text CONSTRAINT article_system_note_check CHECK (system_note IN ('bounce', 'auto_reply'));

      CREATE TABLE ticket_history (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES ticket (id),
        kind text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        article_id uuid REFERENCES article (id),
        -- Null: routing decided it; else the user who did it through the API.
        actor_id uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX ticket_history_by_ticket ON ticket_history (ticket_id, created_at);

      ALTER TABLE outbound_message ADD COLUMN failure_status text;
      CREATE INDEX outbound_by_recipient ON outbound_message (to_email, created_at DESC);

      ALTER TABLE raw_message DROP CONSTRAINT raw_message_status_check;
      ALTER TABLE raw_message
        ADD CONSTRAINT raw_message_status_check CHECK (status IN ('received', 'ticketed', 'quarantined', 'duplicate', 'dropped')),
        ADD COLUMN drop_reason text;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      UPDATE raw_message SET status = 'quarantined', quarantine_reason = drop_reason WHERE status = 'dropped';
      ALTER TABLE raw_message DROP CONSTRAINT raw_message_status_check, DROP COLUMN drop_reason;
      ALTER TABLE raw_message ADD CONSTRAINT raw_message_status_check CHECK (status IN ('received', 'ticketed', 'quarantined', 'duplicate'));
      DROP INDEX outbound_by_recipient;
      ALTER TABLE outbound_message DROP COLUMN failure_status;
      DROP TABLE ticket_history;
      ALTER TABLE article DROP COLUMN system_note, DROP COLUMN flagged;
      ALTER TABLE ticket
        DROP COLUMN acknowledgement_held, DROP COLUMN spam_signals, DROP COLUMN intended_queue_id, DROP COLUMN link_reason,
        DROP COLUMN linked_ticket_number, DROP COLUMN linked_ticket_id, DROP COLUMN resolved_at, DROP COLUMN tags, DROP COLUMN triage, DROP COLUMN language;
      DROP INDEX queue_single_role;
      ALTER TABLE queue
        DROP COLUMN spam_score_threshold, DROP COLUMN reopen_window_days, DROP COLUMN unknown_sender_followup, DROP COLUMN role, DROP COLUMN addresses;
    `);
  }
}
