import type { TicketPriority, TicketStatus } from '@casework/domain';
import type { Db } from '../db.js';

/** A ticket under its row lock, as merge and split need it. */
export interface MergeLockedTicket {
  id: string;
  number: string;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  queueId: string;
  requesterId: string;
  language: string | null;
  tags: string[];
  mergedIntoId: string | null;
}

/** One article of a ticket as a split needs it: which, and its subject, oldest first. */
export interface ArticleOutline {
  id: string;
  subject: string;
}

/**
 * The writes of merge and split: tickets locked together, articles (and with them their
 * attachments, which hang off the article) moved between tickets, the merged ticket marked.
 */
export class TicketMergeRepository {
  /** Locks these tickets in id order, so two merges of the same pair cannot deadlock. */
  async lockTickets(tx: Db, ids: string[]): Promise<MergeLockedTicket[]> {
    const rows: Record<string, unknown>[] = await tx.query(
      `SELECT id, number, subject, status, priority, queue_id, requester_id, language, tags, merged_into_id
         FROM ticket WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
    return rows.map((row) => ({
      id: row.id as string,
      number: row.number as string,
      subject: row.subject as string,
      status: row.status as TicketStatus,
      priority: row.priority as TicketPriority,
      queueId: row.queue_id as string,
      requesterId: row.requester_id as string,
      language: (row.language as string | null) ?? null,
      tags: (row.tags as string[] | null) ?? [],
      mergedIntoId: (row.merged_into_id as string | null) ?? null,
    }));
  }

  async articlesOf(db: Db, ticketId: string): Promise<ArticleOutline[]> {
    return db.query(`SELECT id, subject FROM article WHERE ticket_id = $1 ORDER BY created_at, id`, [ticketId]);
  }

  /** Moves every article of `fromId` to `toId` (notes and system notes too); answers how many. */
  async moveAllArticles(tx: Db, fromId: string, toId: string): Promise<number> {
    const rows: unknown[] = await tx.query(
      // Wrapped in a SELECT: TypeORM answers a bare UPDATE with [rows, count], not rows.
      `WITH moved AS (UPDATE article SET ticket_id = $2 WHERE ticket_id = $1 RETURNING id) SELECT id FROM moved`,
      [fromId, toId],
    );
    await tx.query(`UPDATE ticket SET updated_at = now() WHERE id = $1`, [toId]);
    return rows.length;
  }

  /**
   * Moves these articles of `fromId` to `toId`, with the outbound mail behind the outgoing ones
   * (a bounce of it then reports on the new ticket).
   */
  async moveArticles(tx: Db, fromId: string, articleIds: string[], toId: string): Promise<void> {
    await tx.query(`UPDATE article SET ticket_id = $3 WHERE ticket_id = $1 AND id = ANY($2::uuid[])`, [fromId, articleIds, toId]);
    await tx.query(
      `UPDATE outbound_message SET ticket_id = $3
        WHERE ticket_id = $1 AND id IN (SELECT outbound_id FROM article WHERE id = ANY($2::uuid[]) AND outbound_id IS NOT NULL)`,
      [fromId, articleIds, toId],
    );
    await tx.query(`UPDATE ticket SET updated_at = now() WHERE id = ANY($1::uuid[])`, [[fromId, toId]]);
  }

  async setTags(tx: Db, ticketId: string, tags: string[]): Promise<void> {
    await tx.query(`UPDATE ticket SET tags = $2::text[], updated_at = now() WHERE id = $1`, [ticketId, tags]);
  }

  /** The merged ticket: closed (resolved_at kept as in setStatus) and pointing at its target. */
  async markMerged(tx: Db, sourceId: string, targetId: string): Promise<void> {
    await tx.query(
      `UPDATE ticket SET merged_into_id = $2, status = 'closed', resolved_at = COALESCE(resolved_at, now()), updated_at = now() WHERE id = $1`,
      [sourceId, targetId],
    );
  }
}
