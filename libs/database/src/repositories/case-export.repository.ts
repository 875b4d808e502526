import type { ExportArticleFacts, ExportAttachmentFacts } from '@casework/domain';
import type { Db } from '../db.js';

/** One requested export: the zip is built from the ticket when it is downloaded. */
export interface CaseExportRecord {
  id: string;
  ticketId: string;
  requestedBy: string | null;
  requestedByEmail: string | null;
  createdAt: Date;
}

/** Where each kind of stored bytes is (the row aliased `x`). */
const BYTES_OF = {
  raw: { column: 'x.raw', from: 'raw_message x' },
  sent: { column: 'x.sent_raw', from: 'outbound_message x' },
  attachment: { column: 'b.content', from: 'attachment x JOIN blob b ON b.sha256 = x.blob_sha256' },
} as const;

const COLUMNS = `id, ticket_id AS "ticketId", requested_by AS "requestedBy", requested_by_email AS "requestedByEmail", created_at AS "createdAt"`;

/**
 * case_export rows, and the reads a case export is built from. The reads are meant for one
 * repeatable-read snapshot (every entry of one zip from one moment); each large value (a raw
 * mail, a sent mail, an attachment) is read a slice at a time.
 */
export class CaseExportRepository {
  async create(db: Db, input: { ticketId: string; requestedBy: string | null; requestedByEmail: string | null }): Promise<CaseExportRecord> {
    const [row] = await db.query(`INSERT INTO case_export (ticket_id, requested_by, requested_by_email) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`, [
      input.ticketId,
      input.requestedBy,
      input.requestedByEmail,
    ]);
    return row;
  }

  async find(db: Db, id: string): Promise<CaseExportRecord | null> {
    const [row] = await db.query(`SELECT ${COLUMNS} FROM case_export WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** The ticket as stored (search tokens aside), its requester and queue, SLA clocks and history; null when gone. */
  async ticketDocument(db: Db, ticketId: string): Promise<{ number: string; document: Record<string, unknown> } | null> {
    const [row] = await db.query(
      `SELECT t.number, jsonb_build_object(
                'ticket', to_jsonb(t) - 'search_tokens',
                'requester', (SELECT to_jsonb(c) FROM contact c WHERE c.id = t.requester_id),
                'queue', (SELECT jsonb_build_object('id', q.id, 'slug', q.slug, 'name', q.name, 'restricted', q.restricted) FROM queue q WHERE q.id = t.queue_id),
                'slaClocks', COALESCE((SELECT jsonb_agg(to_jsonb(k) ORDER BY k.started_at, k.kind) FROM sla_clock k WHERE k.ticket_id = t.id), '[]'),
                'history', COALESCE((SELECT jsonb_agg(to_jsonb(h) || jsonb_build_object('actor_email', u.email) ORDER BY h.created_at, h.id)
                                       FROM ticket_history h LEFT JOIN app_user u ON u.id = h.actor_id WHERE h.ticket_id = t.id), '[]')) AS document
         FROM ticket t WHERE t.id = $1`,
      [ticketId],
    );
    return row ? { number: row.number, document: row.document } : null;
  }

  /** Every article of the ticket, oldest first, with where its bytes are. */
  async articleIndex(db: Db, ticketId: string): Promise<ExportArticleFacts[]> {
    return db.query(
      `SELECT a.id, a.direction, a.raw_message_id AS "rawMessageId", r.sha256 AS "rawSha256", a.outbound_id AS "outboundId", (o.sent_raw IS NOT NULL) AS "hasSentRaw"
         FROM article a LEFT JOIN raw_message r ON r.id = a.raw_message_id LEFT JOIN outbound_message o ON o.id = a.outbound_id
        WHERE a.ticket_id = $1 ORDER BY a.created_at, a.id`,
      [ticketId],
    );
  }

  /** Every attachment of the ticket's articles (names and whether stored; no bytes). */
  async attachmentIndex(db: Db, ticketId: string): Promise<ExportAttachmentFacts[]> {
    return db.query(
      `SELECT x.id, x.article_id AS "articleId", x.position, x.filename, (x.blob_sha256 IS NOT NULL) AS stored
         FROM attachment x JOIN article a ON a.id = x.article_id WHERE a.ticket_id = $1 ORDER BY a.created_at, a.id, x.position`,
      [ticketId],
    );
  }

  /** These articles as stored (search tokens aside) with their attachments' metadata, in the order of `ids`. */
  async articles(db: Db, ids: readonly string[]): Promise<Record<string, unknown>[]> {
    const rows: { id: string; article: Record<string, unknown> }[] = await db.query(
      `SELECT a.id, to_jsonb(a) - 'search_tokens' || jsonb_build_object(
                'attachments', COALESCE((SELECT jsonb_agg(to_jsonb(x) ORDER BY x.position) FROM attachment x WHERE x.article_id = a.id), '[]'),
                'outbound', (SELECT to_jsonb(o) - 'sent_raw' - 'claim_id' FROM outbound_message o WHERE o.id = a.outbound_id)) AS article
         FROM article a WHERE a.id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row.article]));
    return ids.flatMap((id) => { const article = byId.get(id); return article ? [article] : []; });
  }

  /**
   * The stored bytes of one raw mail, sent mail or attachment, `sliceBytes` at a time (substring
   * of the bytea: a large value never sits whole in memory, here or in the driver); null when
   * the row or its bytes are gone.
   */
  async slices(db: Db, source: 'raw' | 'sent' | 'attachment', id: string, sliceBytes = 1024 * 1024): Promise<AsyncIterable<Buffer> | null> {
    const { column, from } = BYTES_OF[source];
    const [row] = await db.query(`SELECT octet_length(${column}) AS size FROM ${from} WHERE x.id = $1`, [id]);
    if (!row || row.size === null) return null;
    const size = Number(row.size);
    return (async function* () {
      for (let offset = 0; offset < size; offset += sliceBytes) {
        const [slice] = await db.query(`SELECT substring(${column} FROM $2 FOR $3) AS part FROM ${from} WHERE x.id = $1`, [id, offset + 1, sliceBytes]);
        if (!slice?.part) throw new Error(`the bytes of ${source} ${id} changed while being read`);
        yield slice.part as Buffer;
      }
    })();
  }
}
