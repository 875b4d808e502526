import type { StorableAttachment } from '@casework/domain';
import type { Db } from '../db.js';
import { preparedStatement, queryPrepared } from '../prepared-statement.js';

/** An attachment to store: the domain's storable attachment. */
export type NewAttachment = StorableAttachment;

export interface AttachmentRecord {
  id: string;
  articleId: string;
  ticketId: string;
  filename: string;
  declaredContentType: string;
  sniffedContentType: string | null;
  size: number;
  sha256: string;
  /** Null for mail stored before MD5s were kept whose bytes were not stored either. */
  md5: string | null;
  contentId: string | null;
  inline: boolean;
  /** False when the bytes were not kept (`omittedReason` says why). */
  stored: boolean;
  omittedReason: string | null;
  /** On a hash list: kept as evidence, never shown (see decideAttachmentRelease). */
  blocked: boolean;
  blockedListIds: string[];
  createdAt: Date;
}

/** Attachments of one article a hash list matched: their positions in the mail, and the lists. */
export interface BlockedPositions {
  positions: readonly number[];
  listIds: readonly string[];
}

const COLUMNS = `a.id, a.article_id, ar.ticket_id, a.filename, a.declared_content_type, a.sniffed_content_type, a.size, a.sha256, a.md5,
                 a.content_id, a.inline, a.blob_sha256 IS NOT NULL AS stored, a.omitted_reason, a.blocked_at IS NOT NULL AS blocked, a.blocked_list_ids, a.created_at`;
/** A ticket's attachments, asked by every read of a ticket: prepared once per connection. */
const TICKET_ATTACHMENTS = preparedStatement(
  `SELECT ${COLUMNS} FROM attachment a JOIN article ar ON ar.id = a.article_id
    WHERE ar.ticket_id = $1 ORDER BY ar.created_at, ar.id, a.position`,
);

export class AttachmentRepository {
  /**
   * Stores an article's attachments in the caller's transaction, in their order in the mail.
   * Content goes to `blob` once per SHA-256: bytes already stored are not sent again. The
   * `blocked` positions (a hash list matched them) are stored blocked, their bytes kept as evidence.
   */
  async addToArticle(tx: Db, articleId: string, attachments: NewAttachment[], blocked: BlockedPositions | null = null): Promise<string[]> {
    const blobs = new Map<string, Buffer>();
    for (const attachment of attachments) if (attachment.content) blobs.set(attachment.sha256, attachment.content);
    if (blobs.size > 0) {
      const existing: { sha256: string }[] = await tx.query('SELECT sha256 FROM blob WHERE sha256 = ANY($1::text[])', [[...blobs.keys()]]);
      for (const { sha256 } of existing) blobs.delete(sha256);
      for (const [sha256, content] of blobs) {
        // A concurrent transaction storing the same bytes makes this wait, then do nothing.
        await tx.query('INSERT INTO blob (sha256, size, content) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING', [sha256, content.length, content]);
      }
    }
    const blockedHere = (position: number) => blocked !== null && blocked.positions.includes(position);
    const ids: string[] = [];
    for (const [position, attachment] of attachments.entries()) {
      const [row] = await tx.query(
        `INSERT INTO attachment (article_id, position, sha256, blob_sha256, filename, declared_content_type, sniffed_content_type, size,
                                 content_id, inline, omitted_reason, md5, blocked_at, blocked_list_ids)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, CASE WHEN $13::boolean THEN now() END, $14::uuid[]) RETURNING id`,
        [
          articleId,
          position,
          attachment.sha256,
          attachment.content ? attachment.sha256 : null,
          attachment.filename,
          attachment.declaredContentType,
          attachment.sniffedContentType,
          attachment.size,
          attachment.contentId,
          attachment.inline,
          attachment.content ? null : attachment.omittedReason ?? 'not stored',
          attachment.md5,
          blockedHere(position),
          blockedHere(position) ? blocked!.listIds : [],
        ],
      );
      ids.push(row.id);
    }
    return ids;
  }

  /** Every attachment of a ticket's articles, in article order, then in mail order. */
  async forTicket(db: Db, ticketId: string): Promise<AttachmentRecord[]> {
    const rows = await queryPrepared(db, TICKET_ATTACHMENTS, [ticketId]);
    return rows.map(mapAttachment);
  }

  /** The stored attachments of one article with their bytes, in order: what an outgoing mail carries (never a blocked one). */
  async contentOfArticle(db: Db, articleId: string): Promise<{ filename: string; contentType: string; content: Buffer }[]> {
    const rows: { filename: string; declared_content_type: string; content: Buffer }[] = await db.query(
      `SELECT a.filename, a.declared_content_type, b.content FROM attachment a JOIN blob b ON b.sha256 = a.blob_sha256
        WHERE a.article_id = $1 AND a.blocked_at IS NULL ORDER BY a.position`,
      [articleId],
    );
    return rows.map((row) => ({ filename: row.filename, contentType: row.declared_content_type, content: row.content }));
  }

  /** One attachment of this ticket with its bytes (null when not stored); null when there is none. */
  async findWithContent(db: Db, ticketId: string, attachmentId: string): Promise<{ attachment: AttachmentRecord; content: Buffer | null } | null> {
    const [row] = await db.query(
      `SELECT ${COLUMNS}, b.content FROM attachment a JOIN article ar ON ar.id = a.article_id LEFT JOIN blob b ON b.sha256 = a.blob_sha256
        WHERE a.id = $1 AND ar.ticket_id = $2`,
      [attachmentId, ticketId],
    );
    return row ? { attachment: mapAttachment(row), content: (row.content as Buffer | null) ?? null } : null;
  }
}

function mapAttachment(row: Record<string, unknown>): AttachmentRecord {
  return {
    id: row.id as string,
    articleId: row.article_id as string,
    ticketId: row.ticket_id as string,
    filename: row.filename as string,
    declaredContentType: row.declared_content_type as string,
    sniffedContentType: (row.sniffed_content_type as string | null) ?? null,
    // bigint arrives as a string; attachments stay far below 2^53 bytes.
    size: Number(row.size),
    sha256: row.sha256 as string,
    md5: (row.md5 as string | null) ?? null,
    contentId: (row.content_id as string | null) ?? null,
    inline: row.inline as boolean,
    stored: row.stored as boolean,
    omittedReason: (row.omitted_reason as string | null) ?? null,
    blocked: row.blocked === true,
    blockedListIds: (row.blocked_list_ids as string[] | null) ?? [],
    createdAt: row.created_at as Date,
  };
}
