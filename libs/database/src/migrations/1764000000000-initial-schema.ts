import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The skeleton's schema: ingest, tickets, template-reply, notification, messaging. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE queue (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        address text NOT NULL,
        is_default boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX queue_single_default ON queue (is_default) WHERE is_default;

      CREATE TABLE mailbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        address text NOT NULL,
        imap_host text NOT NULL,
        imap_port integer NOT NULL,
        imap_user text NOT NULL,
        folder text NOT NULL,
        queue_id uuid REFERENCES queue (id),
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (imap_host, imap_port, imap_user, folder)
      );

      CREATE TABLE mailbox_cursor (
        mailbox_id uuid PRIMARY KEY REFERENCES mailbox (id),
        uid_validity bigint NOT NULL,
        last_uid bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE raw_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mailbox_id uuid NOT NULL REFERENCES mailbox (id),
        uid_validity bigint NOT NULL,
        uid bigint NOT NULL,
        sha256 text NOT NULL,
        message_id text,
        size integer NOT NULL,
        raw bytea NOT NULL,
        status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'ticketed', 'quarantined', 'duplicate')),
        quarantine_reason text,
        -- A second copy of bytes already stored for the mailbox (a UIDVALIDITY rescan, a
        -- re-delivery): recorded for the count, not routed again, raw bytes not kept twice.
        duplicate_of uuid REFERENCES raw_message (id),
        received_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        UNIQUE (mailbox_id, uid_validity, uid)
      );
      CREATE INDEX raw_message_pending ON raw_message (received_at) WHERE status = 'received';
      CREATE INDEX raw_message_content ON raw_message (mailbox_id, sha256);

      CREATE TABLE contact (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE,
        name text,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE SEQUENCE ticket_number_seq START 10000;

      CREATE TABLE ticket (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        subject text NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'resolved', 'closed')),
        priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'emergency')),
        queue_id uuid NOT NULL REFERENCES queue (id),
        requester_id uuid NOT NULL REFERENCES contact (id),
        -- Millisecond precision: API cursors carry JavaScript dates.
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX ticket_newest ON ticket (created_at DESC, id DESC);
      CREATE INDEX ticket_by_queue_status ON ticket (queue_id, status, created_at DESC, id DESC);

      CREATE TABLE article (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES ticket (id),
        direction text NOT NULL CHECK (direction IN ('inbound', 'outbound', 'note')),
        from_email text,
        from_name text,
        to_addresses jsonb NOT NULL DEFAULT '[]',
        cc_addresses jsonb NOT NULL DEFAULT '[]',
        subject text NOT NULL DEFAULT '',
        body_text text NOT NULL DEFAULT '',
        body_html text,
        message_id text,
        in_reply_to text,
        reference_ids text[] NOT NULL DEFAULT '{}',
        automated boolean NOT NULL DEFAULT false,
        raw_message_id uuid UNIQUE REFERENCES raw_message (id),
        outbound_id uuid UNIQUE,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX article_by_message_id ON article (message_id);
      CREATE INDEX article_by_ticket ON article (ticket_id, created_at);

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

      CREATE TABLE outbound_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES ticket (id),
        kind text NOT NULL CHECK (kind IN ('acknowledgement', 'reply')),
        message_id text NOT NULL UNIQUE,
        in_reply_to text,
        reference_ids text[] NOT NULL DEFAULT '{}',
        from_email text NOT NULL,
        to_email text NOT NULL,
        to_name text,
        subject text NOT NULL,
        body_text text NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      );
      CREATE UNIQUE INDEX outbound_single_acknowledgement ON outbound_message (ticket_id) WHERE kind = 'acknowledgement';
      CREATE INDEX outbound_due ON outbound_message (next_attempt_at) WHERE status = 'queued';

      CREATE TABLE sla_policy (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        queue_id uuid REFERENCES queue (id),
        priority text,
        first_response_minutes numeric NOT NULL CHECK (first_response_minutes >= 0),
        calendar jsonb NOT NULL DEFAULT '{"kind":"24x7"}',
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE NULLS NOT DISTINCT (queue_id, priority)
      );

      CREATE TABLE sla_clock (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES ticket (id),
        kind text NOT NULL,
        policy_id uuid REFERENCES sla_policy (id),
        started_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        state text NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'met', 'breached')),
        met_at timestamptz,
        breached_at timestamptz,
        UNIQUE (ticket_id, kind)
      );
      CREATE INDEX sla_clock_running_due ON sla_clock (due_at) WHERE state = 'running';
      CREATE INDEX sla_clock_breached ON sla_clock (breached_at DESC) WHERE state = 'breached';

      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clock_id uuid REFERENCES sla_clock (id),
        ticket_id uuid REFERENCES ticket (id),
        channel text NOT NULL,
        recipient text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        message_id text NOT NULL UNIQUE,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        UNIQUE (clock_id, channel, recipient)
      );
      CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status = 'queued';

      CREATE TABLE outbox (
        id uuid PRIMARY KEY,
        subject text NOT NULL,
        envelope jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        published_at timestamptz
      );
      CREATE INDEX outbox_unpublished ON outbox (created_at) WHERE published_at IS NULL;

      CREATE TABLE processed_event (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE processed_event, outbox, notification, sla_clock, sla_policy, outbound_message, template,
        article, ticket, contact, raw_message, mailbox_cursor, mailbox, queue;
      DROP SEQUENCE ticket_number_seq;
    `);
  }
}
