import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention, deletion and erasure (issue 15).
 *
 * - `queue.retention_days`: closed tickets of the queue are purged this many days after they
 *   were closed (null: kept).
 * - `ticket.closed_at`: when the ticket was last closed, kept by a trigger on every status
 *   change (so no writer of `status` can forget it); null while it is not closed. Backfilled
 *   from the newest `status_changed` history row to closed, else `updated_at`.
 * - `ticket.tombstone`: what a purge leaves of a ticket beside its row (counts and hashes; see
 *   libs/domain tombstoneOf); set with `purged_at`.
 * - `raw_message.raw` may be null: a purged message keeps its row (id, hash, size, status) for
 *   the articles that reference it and for duplicate detection, never its bytes.
 * - `contact.erased_at`: the person was erased; their address is a pseudonym then, which frees
 *   the real one for a new contact should they write again.
 */
export class Retention1766000000000 implements MigrationInterface {
  name = 'Retention1766000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE queue ADD COLUMN retention_days integer CHECK (retention_days BETWEEN 1 AND 36500);
      ALTER TABLE ticket ADD COLUMN closed_at timestamptz, ADD COLUMN tombstone jsonb;
      ALTER TABLE raw_message ALTER COLUMN raw DROP NOT NULL;
      ALTER TABLE contact ADD COLUMN erased_at timestamptz;

      UPDATE ticket t SET closed_at = COALESCE(
        (SELECT max(h.created_at) FROM ticket_history h WHERE h.ticket_id = t.id AND h.kind = 'status_changed' AND h.details ->> 'to' = 'closed'),
        t.updated_at)
       WHERE t.status = 'closed';

      CREATE FUNCTION ticket_closed_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status <> 'closed' THEN
          NEW.closed_at := NULL;
        ELSIF TG_OP = 'INSERT' OR OLD.status <> 'closed' THEN
          NEW.closed_at := COALESCE(NEW.closed_at, now());
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER ticket_closed_at BEFORE INSERT OR UPDATE OF status ON ticket FOR EACH ROW EXECUTE FUNCTION ticket_closed_at();

      -- The purge's candidates: closed, not purged yet, oldest closure first.
      CREATE INDEX ticket_purge_candidates ON ticket (queue_id, closed_at) WHERE status = 'closed' AND purged_at IS NULL;
      -- Erasure finds a person's articles and outbound mail by address.
      CREATE INDEX article_by_from_email ON article (lower(from_email)) WHERE from_email IS NOT NULL;
      CREATE INDEX blob_referenced ON attachment (blob_sha256) WHERE blob_sha256 IS NOT NULL;
      CREATE INDEX raw_message_duplicates ON raw_message (duplicate_of) WHERE duplicate_of IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX raw_message_duplicates, blob_referenced, article_by_from_email, ticket_purge_candidates;
      DROP TRIGGER ticket_closed_at ON ticket;
      DROP FUNCTION ticket_closed_at();
      ALTER TABLE contact DROP COLUMN erased_at;
      ALTER TABLE ticket DROP COLUMN tombstone, DROP COLUMN closed_at;
      ALTER TABLE queue DROP COLUMN retention_days;
    `);
  }
}
