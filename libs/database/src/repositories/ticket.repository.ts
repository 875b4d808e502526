import { randomUUID } from 'node:crypto';
import { ticketNumberFromSequence, type TicketPriority, type TicketStatus } from '@casework/domain';
import type { Db } from '../db.js';
import { valuesRows } from './values-rows.js';

export interface AddressRecord {
  email: string;
  name: string | null;
}

export type ArticleDirection = 'inbound' | 'outbound' | 'note';

export interface NewTicket {
  subject: string;
  queueId: string;
  requesterId: string;
  priority: TicketPriority;
}

export interface NewArticle {
  ticketId: string;
  direction: ArticleDirection;
  from: AddressRecord | null;
  to: AddressRecord[];
  cc: AddressRecord[];
  subject: string;
  text: string;
  html: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  automated: boolean;
  rawMessageId?: string | null;
  outboundId?: string | null;
}

/** Casts of the article columns addArticles writes, in order. */
const ARTICLE_CASTS = ['uuid', 'uuid', '', '', '', 'jsonb', 'jsonb', '', '', '', '', '', 'text[]', 'boolean', 'uuid', 'uuid'] as const;

/**
 * Tickets as mail and people change them: contacts, new tickets and articles, a status change
 * under the row lock, and the threading look-ups routing decides by. Reads for display are
 * TicketReadRepository's.
 */
export class TicketRepository {
  /** Tickets of the articles carrying these Message-IDs. */
  async ticketsByMessageIds(db: Db, messageIds: string[]): Promise<Map<string, string>> {
    if (messageIds.length === 0) return new Map();
    const rows: { message_id: string; ticket_id: string }[] = await db.query(
      'SELECT DISTINCT ON (message_id) message_id, ticket_id FROM article WHERE message_id = ANY($1::text[]) ORDER BY message_id, created_at',
      [messageIds],
    );
    return new Map(rows.map((r) => [r.message_id, r.ticket_id]));
  }

  async ticketIdsByNumbers(db: Db, numbers: string[]): Promise<Map<string, string>> {
    if (numbers.length === 0) return new Map();
    const rows: { number: string; id: string }[] = await db.query('SELECT number, id FROM ticket WHERE number = ANY($1::text[])', [numbers]);
    return new Map(rows.map((r) => [r.number, r.id]));
  }

  async upsertContact(tx: Db, address: AddressRecord): Promise<string> {
    return (await this.upsertContacts(tx, [address]))[0];
  }

  /**
   * The contact id of each address, in order, creating missing contacts and keeping a known
   * display name when the new one is empty. One statement, rows locked in email order (so
   * two writers cannot deadlock).
   */
  async upsertContacts(tx: Db, addresses: AddressRecord[]): Promise<string[]> {
    if (addresses.length === 0) return [];
    const names = new Map<string, string | null>();
    for (const { email, name } of addresses) names.set(email, name ?? names.get(email) ?? null);
    const emails = [...names.keys()].sort();
    const rows: { id: string; email: string }[] = await tx.query(
      `INSERT INTO contact (email, name)
       SELECT c.email, c.name FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS c(email, name, n) ORDER BY c.n
       ON CONFLICT (email) DO UPDATE SET name = COALESCE(EXCLUDED.name, contact.name)
       RETURNING id, email`,
      [emails, emails.map((email) => names.get(email) ?? null)],
    );
    const ids = new Map(rows.map((row) => [row.email, row.id]));
    return addresses.map(({ email }) => ids.get(email)!);
  }

  async open(tx: Db, ticket: NewTicket): Promise<{ id: string; number: string }> {
    return (await this.openMany(tx, [ticket]))[0];
  }

  /** Opens tickets in one statement; their numbers follow the given order. */
  async openMany(tx: Db, tickets: NewTicket[]): Promise<{ id: string; number: string }[]> {
    if (tickets.length === 0) return [];
    const sequence: { seq: string }[] = await tx.query(`SELECT nextval('ticket_number_seq') AS seq FROM generate_series(1, $1)`, [tickets.length]);
    const opened = tickets.map((_, i) => ({ id: randomUUID(), number: ticketNumberFromSequence(BigInt(sequence[i].seq)) }));
    await tx.query(
      `INSERT INTO ticket (id, number, subject, queue_id, requester_id, priority)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::text[])`,
      [
        opened.map((t) => t.id),
        opened.map((t) => t.number),
        tickets.map((t) => t.subject),
        tickets.map((t) => t.queueId),
        tickets.map((t) => t.requesterId),
        tickets.map((t) => t.priority),
      ],
    );
    return opened;
  }

  async addArticle(tx: Db, article: NewArticle): Promise<string> {
    return (await this.addArticles(tx, [article]))[0];
  }

  /**
   * Adds articles in one statement (their created_at in the given order) and touches their
   * tickets, except with `ticketsOpenedInThisTransaction`: those already carry this moment.
   */
  async addArticles(tx: Db, articles: NewArticle[], { ticketsOpenedInThisTransaction = false } = {}): Promise<string[]> {
    if (articles.length === 0) return [];
    const ids = articles.map(() => randomUUID());
    await tx.query(
      `INSERT INTO article (id, ticket_id, direction, from_email, from_name, to_addresses, cc_addresses, subject, body_text, body_html,
                            message_id, in_reply_to, reference_ids, automated, raw_message_id, outbound_id)
       VALUES ${valuesRows(articles.length, ARTICLE_CASTS)}`,
      articles.flatMap((a, i) => [
        ids[i],
        a.ticketId,
        a.direction,
        a.from?.email ?? null,
        a.from?.name ?? null,
        JSON.stringify(a.to),
        JSON.stringify(a.cc),
        a.subject,
        a.text,
        a.html,
        a.messageId,
        a.inReplyTo,
        a.references,
        a.automated,
        a.rawMessageId ?? null,
        a.outboundId ?? null,
      ]),
    );
    if (!ticketsOpenedInThisTransaction) {
      await tx.query('UPDATE ticket SET updated_at = now() WHERE id = ANY($1::uuid[])', [[...new Set(articles.map((a) => a.ticketId))]]);
    }
    return ids;
  }

  /** Locks the ticket row for a status change or reply in the caller's transaction. */
  async findForUpdate(tx: Db, id: string): Promise<{ id: string; number: string; status: TicketStatus; queueId: string } | null> {
    const [row] = await tx.query('SELECT id, number, status, queue_id FROM ticket WHERE id = $1 FOR UPDATE', [id]);
    return row ? { id: row.id, number: row.number, status: row.status, queueId: row.queue_id } : null;
  }

  async setStatus(tx: Db, id: string, status: TicketStatus): Promise<void> {
    await tx.query('UPDATE ticket SET status = $2, updated_at = now() WHERE id = $1', [id, status]);
  }
}
