import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments of inbound mail. Their bytes are stored once per SHA-256 in `blob`, however many
 * mails carry them; an attachment over the size cap keeps its metadata and hash but no blob
 * (the raw message still holds the bytes as evidence).
 */
export class Attachments1764500000000 implements MigrationInterface {
  name = 'Attachments1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE blob (
        sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size bigint NOT NULL CHECK (size >= 0),
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        article_id uuid NOT NULL REFERENCES article (id),
        -- Order within the mail; with article_id unique, so a replay cannot add a second copy.
        position integer NOT NULL CHECK (position >= 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        -- NULL when the content was not stored (omitted_reason says why).
        blob_sha256 text REFERENCES blob (sha256),
        filename text NOT NULL,
        declared_content_type text NOT NULL,
        sniffed_content_type text,
        size bigint NOT NULL CHECK (size >= 0),
        content_id text,
        inline boolean NOT NULL DEFAULT false,
        omitted_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (blob_sha256 IS NULL OR blob_sha256 = sha256),
        CHECK ((blob_sha256 IS NULL) = (omitted_reason IS NOT NULL))
      );
      CREATE UNIQUE INDEX attachment_by_article ON attachment (article_id, position);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE attachment, blob');
  }
}
