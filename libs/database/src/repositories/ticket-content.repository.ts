import { CONTENT_FREE_HISTORY_KINDS, tombstoneOf, type RemovalReason, type Tombstone } from '@casework/domain';
import type { Db } from '../db.js';

/** What one removal took, in numbers only (what logs and the audit trail carry). */
export interface RemovalCounts {
  tickets: number;
  articles: number;
  attachments: number;
  rawMessages: number;
  blobsDeleted: number;
}

export const NO_REMOVAL: RemovalCounts = { tickets: 0, articles: 0, attachments: 0, rawMessages: 0, blobsDeleted: 0 };

export function addCounts(a: RemovalCounts, b: RemovalCounts): RemovalCounts {
  return { tickets: a.tickets + b.tickets, articles: a.articles + b.articles, attachments: a.attachments + b.attachments, rawMessages: a.rawMessages + b.rawMessages, blobsDeleted: a.blobsDeleted + b.blobsDeleted };
}

const FOREIGN_KEY_VIOLATION = '23503';

/** SET items of an outbound_message UPDATE that removes it: one not sent yet never will be. */
export const FAIL_UNSENT = `status = CASE WHEN status IN ('queued', 'sending') THEN 'failed' ELSE status END,
  last_error = CASE WHEN status IN ('queued', 'sending') THEN 'removed before it was sent' ELSE last_error END,
  claim_id = NULL, claimed_until = NULL`;

/**
 * Removing mail from the database: the one place retention, deletion and erasure take content
 * away. The caller holds the row locks of the tickets concerned and has checked their holds
 * (LegalHoldRepository's protocol); this only writes.
 *
 * A removed article keeps its row (id, direction, dates, Message-ID for threading) with its
 * subject, bodies and addresses emptied; the search index follows (the article's tsvector is
 * recomputed by its trigger, the ticket's is generated from the emptied subject). Its raw
 * message keeps its row (hash, size, status: evidence of what arrived) without its bytes and
 * envelope; its attachments are deleted, and their blobs when no remaining attachment holds them.
 */
export class TicketContentRepository {
  /**
   * Reduces these tickets to their tombstones: every article's content, outbound mail, drafts,
   * notices, content-bearing history, presence; running SLA clocks are met and the ticket is
   * closed, with `purged_at` and its tombstone (counts and hashes) set.
   */
  async removeTickets(tx: Db, ticketIds: string[], reason: RemovalReason): Promise<{ counts: RemovalCounts; tombstones: Map<string, Tombstone> }> {
    const tombstones = new Map<string, Tombstone>();
    if (ticketIds.length === 0) return { counts: NO_REMOVAL, tombstones };
    const facts: { id: string; tombstone: Tombstone | null; directions: string[]; raw_sha256: string[]; attachment_sha256: string[] }[] = await tx.query(
      `SELECT t.id, t.tombstone,
              ARRAY(SELECT a.direction FROM article a WHERE a.ticket_id = t.id ORDER BY a.created_at, a.id) AS directions,
              ARRAY(SELECT r.sha256 FROM article a JOIN raw_message r ON r.id = a.raw_message_id WHERE a.ticket_id = t.id ORDER BY a.created_at, a.id) AS raw_sha256,
              ARRAY(SELECT x.sha256 FROM article a JOIN attachment x ON x.article_id = a.id WHERE a.ticket_id = t.id ORDER BY a.created_at, a.id, x.position) AS attachment_sha256
         FROM ticket t WHERE t.id = ANY($1::uuid[])`,
      [ticketIds],
    );
    for (const row of facts) {
      tombstones.set(row.id, tombstoneOf(reason, { articleDirections: row.directions, rawMessageSha256: row.raw_sha256, attachmentSha256: row.attachment_sha256 }, row.tombstone));
    }
    const articleIds: string[] = (await tx.query(`SELECT id FROM article WHERE ticket_id = ANY($1::uuid[])`, [ticketIds])).map((row: { id: string }) => row.id);
    const articles = await this.removeArticles(tx, articleIds, null);
    await tx.query(
      `WITH o AS (UPDATE outbound_message SET subject = '', body_text = '', body_html = NULL, to_email = '', to_name = NULL, cc_addresses = '[]',
                         ${FAIL_UNSENT}
                   WHERE ticket_id = ANY($1::uuid[]) RETURNING 1),
            d AS (DELETE FROM ticket_draft WHERE ticket_id = ANY($1::uuid[]) RETURNING 1),
            p AS (DELETE FROM ticket_presence WHERE ticket_id = ANY($1::uuid[]) RETURNING 1),
            n AS (UPDATE notification SET subject = '', body = '' WHERE ticket_id = ANY($1::uuid[]) RETURNING 1),
            td AS (UPDATE triage_dismissal SET reason = '' WHERE ticket_id = ANY($1::uuid[]) RETURNING 1),
            h AS (UPDATE ticket_history SET details = '{}' WHERE ticket_id = ANY($1::uuid[]) AND kind <> ALL($2::text[]) RETURNING 1),
            s AS (UPDATE sla_clock SET state = 'met', met_at = now() WHERE ticket_id = ANY($1::uuid[]) AND state = 'running' RETURNING 1)
       SELECT (SELECT count(*) FROM o) + (SELECT count(*) FROM d) + (SELECT count(*) FROM p) + (SELECT count(*) FROM n)
            + (SELECT count(*) FROM td) + (SELECT count(*) FROM h) + (SELECT count(*) FROM s) AS changed`,
      [ticketIds, CONTENT_FREE_HISTORY_KINDS],
    );
    const ids = [...tombstones.keys()];
    await tx.query(
      `WITH v AS (SELECT * FROM unnest($1::uuid[], $2::jsonb[]) AS v(id, tombstone)),
            u AS (UPDATE ticket t SET subject = '', status = 'closed', resolved_at = COALESCE(t.resolved_at, now()), updated_at = now(),
                         purged_at = COALESCE(t.purged_at, now()), tombstone = v.tombstone,
                         triage = jsonb_build_object('level', t.triage -> 'level', 'categories',
                                    COALESCE((SELECT jsonb_agg(c || '{"evidence": ""}') FROM jsonb_array_elements(t.triage -> 'categories') c), '[]'))
                    FROM v WHERE t.id = v.id RETURNING 1)
       SELECT count(*) FROM u`,
      [ids, ids.map((id) => JSON.stringify(tombstones.get(id)))],
    );
    return { counts: { ...articles, tickets: ids.length }, tombstones };
  }

  /**
   * Empties these articles (subject, bodies, addresses; `pseudonym` replaces the sender's
   * address when given, as erasure does, else it is cleared), their raw messages' bytes and
   * envelopes (with the duplicate records of the same bytes), their attachments and the blobs no
   * other attachment holds, and the content-bearing history rows that name them.
   */
  async removeArticles(tx: Db, articleIds: string[], pseudonym: string | null): Promise<RemovalCounts> {
    if (articleIds.length === 0) return NO_REMOVAL;
    const [raw] = await tx.query(
      `WITH r AS (SELECT raw_message_id AS id FROM article WHERE id = ANY($1::uuid[]) AND raw_message_id IS NOT NULL),
            u AS (UPDATE raw_message m SET raw = NULL, envelope_from = NULL, envelope_to = NULL
                   WHERE (m.id IN (SELECT id FROM r) OR m.duplicate_of IN (SELECT id FROM r)) AND (m.raw IS NOT NULL OR m.envelope_from IS NOT NULL)
                   RETURNING m.duplicate_of)
       SELECT count(*) FILTER (WHERE duplicate_of IS NULL)::int AS count FROM u`,
      [articleIds],
    );
    // In a WITH: TypeORM answers a bare DELETE … RETURNING with [rows, count].
    const blobs: { blob_sha256: string | null }[] = await tx.query(`WITH d AS (DELETE FROM attachment WHERE article_id = ANY($1::uuid[]) RETURNING blob_sha256) SELECT blob_sha256 FROM d`, [articleIds]);
    const blobsDeleted = await this.deleteUnreferencedBlobs(tx, [...new Set(blobs.map((b) => b.blob_sha256).filter((sha): sha is string => sha !== null))]);
    const [articles] = await tx.query(
      `WITH a AS (UPDATE article SET subject = '', body_text = '', body_html = NULL, from_name = NULL,
                         from_email = CASE WHEN from_email IS NULL THEN NULL ELSE $2 END, to_addresses = '[]', cc_addresses = '[]'
                   WHERE id = ANY($1::uuid[]) RETURNING 1),
            h AS (UPDATE ticket_history SET details = '{}' WHERE article_id = ANY($1::uuid[]) AND kind <> ALL($3::text[]) RETURNING 1)
       SELECT (SELECT count(*) FROM a)::int AS count, (SELECT count(*) FROM h) AS history`,
      [articleIds, pseudonym, CONTENT_FREE_HISTORY_KINDS],
    );
    return { tickets: 0, articles: articles.count, attachments: blobs.length, rawMessages: raw.count, blobsDeleted };
  }

  /**
   * Deletes the blobs among these that no attachment references any longer. A blob that mail
   * being routed at this moment has just referenced again (its attachment not committed yet)
   * refuses the delete: it is then left for the next removal to find unreferenced or in use.
   */
  private async deleteUnreferencedBlobs(tx: Db, sha256s: string[]): Promise<number> {
    if (sha256s.length === 0) return 0;
    await tx.query('SAVEPOINT blob_collect');
    try {
      const [row] = await tx.query(
        `WITH d AS (DELETE FROM blob b WHERE b.sha256 = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM attachment x WHERE x.blob_sha256 = b.sha256) RETURNING 1)
         SELECT count(*)::int AS count FROM d`,
        [sha256s],
      );
      await tx.query('RELEASE SAVEPOINT blob_collect');
      return row.count;
    } catch (error) {
      if ((error as { code?: string }).code !== FOREIGN_KEY_VIOLATION) throw error;
      await tx.query('ROLLBACK TO SAVEPOINT blob_collect');
      return 0;
    }
  }
}
