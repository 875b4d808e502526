import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail: one row per change made through the API and per response that carried
 * restricted content. Append-only — a trigger refuses UPDATE, DELETE and TRUNCATE — and
 * hash-chained in `seq` order (see auditEventHash in libs/domain), so a row changed behind the
 * trigger's back is found by walking the chain. No foreign keys: the trail outlives the users,
 * tickets and queues it names. Each list filter (actor, action, queue, ticket) has its own index
 * so a newest-first page reads one range from its start.
 */
export class AuditTrail1765500000000 implements MigrationInterface {
  name = 'AuditTrail1765500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_event (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL,
        at timestamptz NOT NULL,
        actor_id uuid,
        actor_email text,
        action text NOT NULL CHECK (action ~ '^[a-z][a-z_]*\\.[a-z][a-z_]*$'),
        ticket_ids uuid[] NOT NULL DEFAULT '{}',
        queue_id uuid,
        subject text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'),
        ip text,
        user_agent text,
        request_id text,
        prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
        hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
      );
      CREATE UNIQUE INDEX audit_event_chain ON audit_event (seq);
      CREATE INDEX audit_event_newest ON audit_event (at DESC, id DESC);
      CREATE INDEX audit_event_by_actor ON audit_event (actor_id, at DESC, id DESC);
      CREATE INDEX audit_event_by_action ON audit_event (action, at DESC, id DESC);
      CREATE INDEX audit_event_by_queue ON audit_event (queue_id, at DESC, id DESC);
      CREATE INDEX audit_event_by_ticket ON audit_event USING gin (ticket_ids);

      CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is refused', TG_OP
          USING ERRCODE = 'insufficient_privilege',
                HINT = 'audit events are never changed or removed; record a new event instead';
      END;
      $$;
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE audit_event;
      DROP FUNCTION audit_event_refuse_change();
    `);
  }
}
