import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Harmful media contained (issue 15): hash lists of known abuse material (a hotline's SHA-256 /
 * MD5 values), looked up by value for every routed batch and for every upload; attachments gain
 * their MD5 (computed at parse; backfilled here from the stored bytes) and `blocked_at` with the
 * lists that blocked them: a blocked attachment keeps its blob as evidence and is never shown.
 */
export class HarmfulMedia1765990000000 implements MigrationInterface {
  name = 'HarmfulMedia1765990000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE hash_list (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        source text CHECK (source IS NULL OR length(source) <= 500),
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      -- Lower-case hex; the algorithm is told by the length (64: SHA-256, 32: MD5).
      CREATE TABLE hash_list_entry (
        list_id uuid NOT NULL REFERENCES hash_list (id) ON DELETE CASCADE,
        value text NOT NULL CHECK (value ~ '^([0-9a-f]{32}|[0-9a-f]{64})$'),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (list_id, value)
      );
      -- The look-up: every attachment hash of a batch in one = ANY probe.
      CREATE INDEX hash_list_entry_by_value ON hash_list_entry (value);

      ALTER TABLE attachment
        ADD COLUMN md5 text CHECK (md5 IS NULL OR md5 ~ '^[0-9a-f]{32}$'),
        -- When a hash list matched it (at ingest, or an upload matching mail stored before); never cleared.
        ADD COLUMN blocked_at timestamptz,
        -- The lists that matched (no foreign key: a deleted list leaves the attachment blocked).
        ADD COLUMN blocked_list_ids uuid[] NOT NULL DEFAULT '{}',
        ADD CONSTRAINT attachment_blocked_by_a_list CHECK (blocked_at IS NULL OR cardinality(blocked_list_ids) > 0);
      -- An upload checks the mail already stored by both hashes.
      CREATE INDEX attachment_by_sha256 ON attachment (sha256);
      CREATE INDEX attachment_by_md5 ON attachment (md5) WHERE md5 IS NOT NULL;
    `);
    // Mail stored before this migration: its MD5 from the kept bytes (attachments over the size cap have none).
    await db.query(`UPDATE attachment a SET md5 = md5(b.content) FROM blob b WHERE b.sha256 = a.blob_sha256 AND a.md5 IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX attachment_by_md5;
      DROP INDEX attachment_by_sha256;
      ALTER TABLE attachment DROP CONSTRAINT attachment_blocked_by_a_list, DROP COLUMN blocked_list_ids, DROP COLUMN blocked_at, DROP COLUMN md5;
      DROP TABLE hash_list_entry, hash_list;
    `);
  }
}
