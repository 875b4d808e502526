import type { Db } from '../db.js';
import { preparedStatement, queryPrepared } from '../prepared-statement.js';
import { valuesRows } from './values-rows.js';

/** One step of a ticket's history: what routing (or a user, `actorId`) decided, never a body. */
export interface NewHistoryEntry {
  ticketId: string;
  kind: string;
  details: Record<string, unknown>;
  articleId?: string | null;
  actorId?: string | null;
}

export interface HistoryEntryRecord {
  id: string;
  ticketId: string;
  kind: string;
  details: Record<string, unknown>;
  articleId: string | null;
  actorId: string | null;
  createdAt: Date;
}

/** A history entry with who did it (null: routing, or a user since deleted). */
export interface HistoryEntryWithActor extends HistoryEntryRecord {
  actor: { id: string; name: string; email: string } | null;
}

/** A ticket's history, asked by every read of a ticket: prepared once per connection. */
const TICKET_HISTORY = preparedStatement(`SELECT id, ticket_id, kind, details, article_id, actor_id, created_at FROM ticket_history WHERE ticket_id = $1 ORDER BY created_at, id`);

/** The ticket_history table: appended to, read oldest first. */
export class TicketHistoryRepository {
  /** Appends the entries in one statement, in order. */
  async append(tx: Db, entries: NewHistoryEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await tx.query(
      `INSERT INTO ticket_history (ticket_id, kind, details, article_id, actor_id) VALUES ${valuesRows(entries.length, ['uuid', '', 'jsonb', 'uuid', 'uuid'])}`,
      entries.flatMap((entry) => [entry.ticketId, entry.kind, JSON.stringify(entry.details), entry.articleId ?? null, entry.actorId ?? null]),
    );
  }

  async forTicket(db: Db, ticketId: string): Promise<HistoryEntryRecord[]> {
    const rows = await queryPrepared(db, TICKET_HISTORY, [ticketId]);
    return rows.map(mapEntry);
  }

  /** The ticket's history oldest first, each entry with its actor's name and address. */
  async forTicketWithActors(db: Db, ticketId: string): Promise<HistoryEntryWithActor[]> {
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT h.id, h.ticket_id, h.kind, h.details, h.article_id, h.actor_id, h.created_at, u.name AS actor_name, u.email AS actor_email
         FROM ticket_history h LEFT JOIN app_user u ON u.id = h.actor_id
        WHERE h.ticket_id = $1 ORDER BY h.created_at, h.id`,
      [ticketId],
    );
    return rows.map((row) => ({
      ...mapEntry(row),
      actor: row.actor_email ? { id: row.actor_id as string, name: row.actor_name as string, email: row.actor_email as string } : null,
    }));
  }
}

function mapEntry(row: Record<string, unknown>): HistoryEntryRecord {
  return {
    id: row.id as string,
    ticketId: row.ticket_id as string,
    kind: row.kind as string,
    details: row.details as Record<string, unknown>,
    articleId: (row.article_id as string | null) ?? null,
    actorId: (row.actor_id as string | null) ?? null,
    createdAt: row.created_at as Date,
  };
}
