import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The template library and outbound delivery states.
 *
 * - `template` becomes the identity of a template (key × locale × queue, null queue = global;
 *   kind message | snippet | partial; soft-deleted so the versions a sent mail names stay), and
 *   `template_version` its texts, one row per save. The old rows (one per version) move over.
 * - `outbound_message`: `sending` between `queued` and `sent | failed` (a claim with a lease,
 *   so a sender that dies mid-conversation leaves a row another sender takes over), cc, the
 *   HTML part, the locale and the template version it was rendered from.
 * - `auto_reply_log`: when each sender last got an acknowledgement from each queue (RFC 3834).
 * - `queue`: the default locale and time zone of its mail, and whether it is an emergency address.
 */
export class TemplateLibrary1765750000000 implements MigrationInterface {
  name = 'TemplateLibrary1765750000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE queue
        ADD COLUMN default_locale text,
        ADD COLUMN time_zone text,
        ADD COLUMN emergency boolean NOT NULL DEFAULT false;

      CREATE TEMP TABLE legacy_template ON COMMIT DROP AS SELECT key, locale, version, subject, body, created_at FROM template;
      DROP TABLE template;

      CREATE TABLE template (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
        locale text NOT NULL,
        queue_id uuid REFERENCES queue (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('message', 'snippet', 'partial')),
        -- The newest version; every save adds one.
        version integer NOT NULL CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      );
      -- One live template per key, locale and queue (the global one's queue is NULL: NULLS NOT DISTINCT).
      CREATE UNIQUE INDEX template_live_identity ON template (key, locale, queue_id) NULLS NOT DISTINCT WHERE deleted_at IS NULL;

      CREATE TABLE template_version (
        template_id uuid NOT NULL REFERENCES template (id),
        version integer NOT NULL,
        subject text NOT NULL DEFAULT '',
        body_text text NOT NULL,
        body_html text,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (template_id, version)
      );

      INSERT INTO template (key, locale, kind, version, created_at)
      SELECT key, locale, 'message', max(version), min(created_at) FROM legacy_template GROUP BY key, locale;
      INSERT INTO template_version (template_id, version, subject, body_text, created_at)
      SELECT t.id, l.version, l.subject, l.body, l.created_at FROM legacy_template l JOIN template t ON t.key = l.key AND t.locale = l.locale;

      ALTER TABLE outbound_message DROP CONSTRAINT outbound_message_status_check;
      ALTER TABLE outbound_message
        ADD CONSTRAINT outbound_message_status_check CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
        ADD COLUMN cc_addresses jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN body_html text,
        ADD COLUMN locale text,
        ADD COLUMN template_id uuid REFERENCES template (id),
        ADD COLUMN template_version integer,
        -- Who is sending it and until when: a row still 'sending' after its lease is taken over.
        ADD COLUMN claim_id uuid,
        ADD COLUMN claimed_until timestamptz;
      CREATE INDEX outbound_sending_lease ON outbound_message (claimed_until) WHERE status = 'sending';

      CREATE TABLE auto_reply_log (
        queue_id uuid NOT NULL REFERENCES queue (id) ON DELETE CASCADE,
        -- Lower-cased address.
        sender text NOT NULL,
        last_sent_at timestamptz NOT NULL,
        PRIMARY KEY (queue_id, sender)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE auto_reply_log;
      DROP INDEX outbound_sending_lease;
      UPDATE outbound_message SET status = 'queued' WHERE status = 'sending';
      ALTER TABLE outbound_message
        DROP COLUMN claimed_until, DROP COLUMN claim_id, DROP COLUMN template_version, DROP COLUMN template_id,
        DROP COLUMN locale, DROP COLUMN body_html, DROP COLUMN cc_addresses,
        DROP CONSTRAINT outbound_message_status_check;
      ALTER TABLE outbound_message ADD CONSTRAINT outbound_message_status_check CHECK (status IN ('queued', 'sent', 'failed'));

      CREATE TEMP TABLE library ON COMMIT DROP AS
        SELECT t.key, t.locale, v.version, v.subject, v.body_text AS body, v.created_at
          FROM template t JOIN template_version v ON v.template_id = t.id
         WHERE t.queue_id IS NULL AND t.kind = 'message' AND t.deleted_at IS NULL;
      DROP TABLE template_version;
      DROP TABLE template;
      CREATE TABLE template (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL,
        locale text NOT NULL,
        version integer NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (key, locale, version)
      );
      INSERT INTO template (key, locale, version, subject, body, created_at) SELECT key, locale, version, subject, body, created_at FROM library;

      ALTER TABLE queue DROP COLUMN emergency, DROP COLUMN time_zone, DROP COLUMN default_locale;
    `);
  }
}
