import { randomUUID } from 'node:crypto';
import { NO_TRIAGE, ticketNumberFromSequence, type LinkReason, type TicketPriority, type TicketStatus, type TriageResult } from '@casework/domain';
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
  language?: string | null;
  triage?: TriageResult;
  tags?: string[];
  link?: { ticketId: string; reason: LinkReason } | null;
  /** Filed as spam: its signals, the queue it would have had, and whether an acknowledgement waits for not-spam. */
  spam?: { signals: string[]; intendedQueueId: string; acknowledgementHeld: boolean } | null;
  /** Who holds it from the start (a rule's `assign`); a user who is unknown or disabled by now leaves it unassigned. */
  assigneeId?: string | null;
  /** The sequence value its number is made of (its mail's arrival number); absent: drawn now. */
  sequence?: bigint | null;
}

export type ArticleFlag = 'unknown_sender';
export type SystemNoteKind = 'bounce' | 'auto_reply';

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
  /** A follow-up from someone who is not a participant of the ticket. */
  flagged?: ArticleFlag | null;
  /** A bounce or auto-reply kept on the ticket (direction `note`). */
  systemNote?: SystemNoteKind | null;
}

/** A ticket under its row lock, as a change to it needs it. */
export interface LockedTicket {
  id: string;
  number: string;
  status: TicketStatus;
  priority: TicketPriority;
  queueId: string;
  /** The queue it would have had but for spam (null: never filed as spam). */
  intendedQueueId: string | null;
  /** Its acknowledgement was held back while it sat in spam. */
  acknowledgementHeld: boolean;
}

/** What a follow-up changes on its ticket beyond the article (each field: null = unchanged). */
export interface FollowupChange {
  priority: TicketPriority | null;
  triage: TriageResult | null;
  tags: string[];
  language: string | null;
}

/** Casts of the article columns addArticles writes, in order. */
const ARTICLE_CASTS = ['uuid', 'uuid', '', '', '', 'jsonb', 'jsonb', '', '', '', '', '', 'text[]', 'boolean', 'uuid', 'uuid', '', ''] as const;

/**
 * Tickets as mail and people change them: contacts, new tickets and articles, a status change
 * under the row lock. The threading look-ups routing decides by are RoutingLookupRepository's,
 * reads for display TicketReadRepository's.
 */
export class TicketRepository {
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
    // A mail's ticket takes the number its arrival drew; the others draw theirs now, in order.
    const drawing = tickets.filter((t) => t.sequence == null).length;
    const drawn: { seq: string }[] = drawing === 0 ? [] : await tx.query(`SELECT nextval('ticket_number_seq') AS seq FROM generate_series(1, $1)`, [drawing]);
    let next = 0;
    const opened = tickets.map((t) => ({ id: randomUUID(), number: ticketNumberFromSequence(t.sequence ?? BigInt(drawn[next++].seq)) }));
    await tx.query(
      `INSERT INTO ticket (id, number, subject, queue_id, requester_id, priority, language, triage, tags, linked_ticket_id, linked_ticket_number, link_reason,
                           spam_signals, intended_queue_id, acknowledgement_held, assignee_id)
       SELECT t.id, t.number, t.subject, t.queue_id, t.requester_id, t.priority, t.language, t.triage,
              ARRAY(SELECT jsonb_array_elements_text(t.tags)), t.linked_ticket_id, (SELECT l.number FROM ticket l WHERE l.id = t.linked_ticket_id), t.link_reason,
              CASE WHEN t.spam IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(t.spam -> 'signals')) END,
              (t.spam ->> 'intendedQueueId')::uuid, COALESCE((t.spam ->> 'acknowledgementHeld')::boolean, false),
              (SELECT u.id FROM app_user u WHERE u.id = t.assignee_id AND NOT u.disabled)
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::jsonb[], $9::jsonb[], $10::uuid[], $11::text[], $12::jsonb[], $13::uuid[])
              AS t(id, number, subject, queue_id, requester_id, priority, language, triage, tags, linked_ticket_id, link_reason, spam, assignee_id)`,
      [
        opened.map((t) => t.id),
        opened.map((t) => t.number),
        tickets.map((t) => t.subject),
        tickets.map((t) => t.queueId),
        tickets.map((t) => t.requesterId),
        tickets.map((t) => t.priority),
        tickets.map((t) => t.language ?? null),
        tickets.map((t) => JSON.stringify(t.triage ?? NO_TRIAGE)),
        tickets.map((t) => JSON.stringify(t.tags ?? [])),
        tickets.map((t) => t.link?.ticketId ?? null),
        tickets.map((t) => t.link?.reason ?? null),
        tickets.map((t) => (t.spam ? JSON.stringify(t.spam) : null)),
        tickets.map((t) => t.assigneeId ?? null),
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
                            message_id, in_reply_to, reference_ids, automated, raw_message_id, outbound_id, flagged, system_note)
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
        a.flagged ?? null,
        a.systemNote ?? null,
      ]),
    );
    if (!ticketsOpenedInThisTransaction) {
      await tx.query('UPDATE ticket SET updated_at = now() WHERE id = ANY($1::uuid[])', [[...new Set(articles.map((a) => a.ticketId))]]);
    }
    return ids;
  }

  /** Locks the ticket row for a status change or reply in the caller's transaction. */
  async findForUpdate(tx: Db, id: string): Promise<LockedTicket | null> {
    const [row] = await tx.query('SELECT id, number, status, priority, queue_id, intended_queue_id, acknowledgement_held FROM ticket WHERE id = $1 FOR UPDATE', [id]);
    return row
      ? {
          id: row.id,
          number: row.number,
          status: row.status,
          priority: row.priority,
          queueId: row.queue_id,
          intendedQueueId: row.intended_queue_id ?? null,
          acknowledgementHeld: row.acknowledgement_held === true,
        }
      : null;
  }

  /** Sets the status; `resolved_at` keeps when it was first resolved or closed (the reopen window counts from it), cleared on reopening. */
  async setStatus(tx: Db, id: string, status: TicketStatus): Promise<void> {
    await tx.query(
      `UPDATE ticket SET status = $2, updated_at = now(),
              resolved_at = CASE WHEN $2 IN ('resolved', 'closed') THEN COALESCE(resolved_at, now()) END
        WHERE id = $1`,
      [id, status],
    );
  }

  /** Moves a ticket out of the spam queue to `queueId`: no longer spam, nothing held back any more. */
  async releaseFromSpam(tx: Db, id: string, queueId: string): Promise<void> {
    await tx.query(
      `UPDATE ticket SET queue_id = $2, spam_signals = NULL, intended_queue_id = NULL, acknowledgement_held = false, updated_at = now() WHERE id = $1`,
      [id, queueId],
    );
  }

  /** What a follow-up's triage and language change on its ticket: priority, triage, tags (added), language. */
  async applyFollowup(tx: Db, id: string, change: FollowupChange): Promise<void> {
    if (change.priority === null && change.triage === null && change.tags.length === 0 && change.language === null) return;
    await tx.query(
      `UPDATE ticket SET priority = COALESCE($2, priority), triage = COALESCE($3::jsonb, triage),
              tags = ARRAY(SELECT DISTINCT unnest(tags || $4::text[])), language = COALESCE(language, $5)
        WHERE id = $1`,
      [id, change.priority, change.triage === null ? null : JSON.stringify(change.triage), change.tags, change.language],
    );
  }
}
