import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SLA engine: business calendars as rows, policies with next-response and resolution targets
 * and a warning threshold, clocks with pauses (a pause-aware timeline) and a warning time.
 *
 * - `sla_calendar.definition` holds a `Calendar` (validated by `validateCalendar` in the API);
 *   a policy without `calendar_id` keeps using its inline `calendar` jsonb (24/7 by default).
 * - A clock's `target_ms` is its target when it started (or was re-targeted); `due_at` and
 *   `warn_at` are NULL while paused; `next_fire_at` (generated) is the earlier of the due time
 *   and a warning not yet sent, only for running clocks: the scheduler's one indexed column.
 * - History: first_response and resolution stay one per ticket; next_response clocks repeat,
 *   one running at a time.
 * - `notification.reason` tells a warning from a breach: one notice per clock, reason and recipient.
 */
export class SlaEngine1764600000000 implements MigrationInterface {
  name = 'SlaEngine1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sla_calendar (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        definition jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      ALTER TABLE sla_policy
        ALTER COLUMN first_response_minutes DROP NOT NULL,
        ADD COLUMN next_response_minutes numeric CHECK (next_response_minutes >= 0),
        ADD COLUMN resolution_minutes numeric CHECK (resolution_minutes >= 0),
        ADD COLUMN warn_at_percent numeric NOT NULL DEFAULT 80 CHECK (warn_at_percent BETWEEN 0 AND 100),
        ADD COLUMN calendar_id uuid REFERENCES sla_calendar (id),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

      ALTER TABLE sla_clock
        ALTER COLUMN due_at DROP NOT NULL,
        ADD COLUMN target_ms bigint CHECK (target_ms >= 0),
        ADD COLUMN pauses jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN carried_over_ms bigint NOT NULL DEFAULT 0 CHECK (carried_over_ms >= 0),
        ADD COLUMN warn_at timestamptz,
        ADD COLUMN warned_at timestamptz,
        ADD COLUMN next_fire_at timestamptz GENERATED ALWAYS AS (
          CASE WHEN state = 'running' THEN LEAST(due_at, CASE WHEN warned_at IS NULL THEN warn_at END) END
        ) STORED;
      -- Clocks from before: the wall-clock target (exact for the 24/7 default calendar).
      UPDATE sla_clock SET target_ms = (extract(epoch FROM due_at - started_at) * 1000)::bigint WHERE due_at >= started_at;

      ALTER TABLE sla_clock DROP CONSTRAINT sla_clock_ticket_id_kind_key;
      CREATE UNIQUE INDEX sla_clock_single_kind ON sla_clock (ticket_id, kind) WHERE kind <> 'next_response';
      CREATE UNIQUE INDEX sla_clock_one_running_next_response ON sla_clock (ticket_id) WHERE kind = 'next_response' AND state = 'running';
      CREATE INDEX sla_clock_ticket ON sla_clock (ticket_id);
      CREATE INDEX sla_clock_next_fire ON sla_clock (next_fire_at) WHERE next_fire_at IS NOT NULL;

      ALTER TABLE notification ADD COLUMN reason text NOT NULL DEFAULT 'breach' CHECK (reason IN ('breach', 'warning'));
      ALTER TABLE notification DROP CONSTRAINT notification_clock_id_channel_recipient_key;
      ALTER TABLE notification ADD CONSTRAINT notification_clock_reason_channel_recipient_key UNIQUE (clock_id, reason, channel, recipient);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE notification DROP CONSTRAINT notification_clock_reason_channel_recipient_key;
      DELETE FROM notification WHERE reason <> 'breach';
      ALTER TABLE notification DROP COLUMN reason;
      ALTER TABLE notification ADD CONSTRAINT notification_clock_id_channel_recipient_key UNIQUE (clock_id, channel, recipient);

      DROP INDEX sla_clock_next_fire, sla_clock_ticket, sla_clock_one_running_next_response, sla_clock_single_kind;
      DELETE FROM notification WHERE clock_id IN (SELECT id FROM sla_clock WHERE kind = 'next_response');
      DELETE FROM sla_clock WHERE kind = 'next_response';
      UPDATE sla_clock SET due_at = started_at WHERE due_at IS NULL;
      ALTER TABLE sla_clock
        DROP COLUMN next_fire_at, DROP COLUMN warned_at, DROP COLUMN warn_at, DROP COLUMN carried_over_ms, DROP COLUMN pauses, DROP COLUMN target_ms,
        ALTER COLUMN due_at SET NOT NULL,
        ADD CONSTRAINT sla_clock_ticket_id_kind_key UNIQUE (ticket_id, kind);

      UPDATE sla_policy SET first_response_minutes = 0 WHERE first_response_minutes IS NULL;
      ALTER TABLE sla_policy
        DROP COLUMN updated_at, DROP COLUMN calendar_id, DROP COLUMN warn_at_percent, DROP COLUMN resolution_minutes, DROP COLUMN next_response_minutes,
        ALTER COLUMN first_response_minutes SET NOT NULL;
      DROP TABLE sla_calendar;
    `);
  }
}
