import { DomainError, erasedAddressOf, requireNotHeld, type LegalHold } from '@casework/domain';
import type { Db } from '../db.js';
import { LegalHoldRepository } from '../repositories/legal-hold.repository.js';
import { addCounts, FAIL_UNSENT, TicketContentRepository, type RemovalCounts } from '../repositories/ticket-content.repository.js';

/** What an erasure changed, in numbers only (the answer and the audit event carry nothing else). */
export interface ErasureReport {
  contactId: string;
  erasedAt: Date;
  /** Tickets they were the requester of, now tombstones. */
  tickets: number;
  /** Their own mail on other people's tickets, emptied (with its raw bytes and attachments). */
  articles: number;
  /** To/Cc entries naming them on other articles, replaced by the pseudonym. */
  mentions: number;
  /** Outbound mail to them (or copying them) on other tickets, emptied and readdressed to the pseudonym. */
  outbound: number;
  rawMessages: number;
  attachments: number;
}

/** The ticket ids of everything that names the address: requested, written, addressed or copied. */
const TICKETS_NAMING = `
  SELECT id FROM ticket WHERE requester_id = $1
  UNION SELECT ticket_id FROM article WHERE lower(from_email) = $2
  UNION SELECT ticket_id FROM article WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(to_addresses || cc_addresses) e WHERE lower(e ->> 'email') = $2)
  UNION SELECT ticket_id FROM outbound_message WHERE lower(to_email) = $2
     OR EXISTS (SELECT 1 FROM jsonb_array_elements(cc_addresses) e WHERE lower(e ->> 'email') = $2)`;

/** A jsonb address list with every entry naming $1 replaced by the pseudonym $2, names dropped. */
const REPLACED = (column: string) =>
  `(SELECT COALESCE(jsonb_agg(CASE WHEN lower(e ->> 'email') = $1 THEN jsonb_build_object('email', $2::text, 'name', NULL) ELSE e END ORDER BY n), '[]')
      FROM jsonb_array_elements(${column}) WITH ORDINALITY x(e, n))`;
const NAMES = (column: string) => `EXISTS (SELECT 1 FROM jsonb_array_elements(${column}) e WHERE lower(e ->> 'email') = $1)`;

/**
 * Erasing a person (issue 15): their mail, names and addresses everywhere, unless a hold applies.
 *
 * Locks, in the order LegalHoldRepository's protocol needs (tickets, then the person): every
 * ticket naming them FOR UPDATE, then the contact FOR UPDATE (a hold on them, or a ticket opened
 * for them by routing meanwhile, waits), then the tickets that appeared meanwhile. Any active hold
 * on the person or on one of those tickets refuses the whole erasure (409 naming the holds) and
 * nothing changes. Otherwise: the tickets they requested become tombstones (as a purge does, with
 * TicketContentRepository); their mail on other tickets is emptied and its sender becomes the
 * pseudonym; To/Cc entries naming them become the pseudonym; outbound mail to them is emptied and
 * readdressed; their acknowledgement log rows and SMTP envelopes naming them go; the contact keeps
 * its id (foreign keys hold) with `erased-<id>@erased.invalid`, no name, and `erased_at`. The real
 * address is then free: a new mail from it makes a new contact.
 *
 * Not erased: other people's raw mail that merely copied them (it is the other sender's evidence
 * and its bytes are hashed as received), and their name written inside other people's bodies.
 */
export class ContactErasure {
  constructor(
    private readonly holds = new LegalHoldRepository(),
    private readonly content = new TicketContentRepository(),
  ) {}

  async erase(tx: Db, contactId: string, now: Date): Promise<ErasureReport> {
    const [contact] = await tx.query(`SELECT id, lower(email) AS email FROM contact WHERE id = $1`, [contactId]);
    if (!contact) throw DomainError.contactNotFound(contactId);
    const email = contact.email as string;
    const pseudonym = erasedAddressOf(contactId);
    const params = [contactId, email];
    const lockTickets = async (): Promise<string[]> =>
      (await tx.query(`SELECT id FROM ticket WHERE id IN (${TICKETS_NAMING}) ORDER BY id FOR UPDATE`, params)).map((row: { id: string }) => row.id);
    const first = await lockTickets();
    await this.holds.lockContact(tx, contactId);
    const ticketIds = [...new Set([...first, ...(await lockTickets())])];

    const held = new Map<string, LegalHold>();
    for (const hold of await this.holds.activeForContact(tx, contactId)) held.set(hold.id, hold);
    for (const holds of (await this.holds.lockHoldsOfTickets(tx, ticketIds)).values()) for (const hold of holds) held.set(hold.id, hold);
    requireNotHeld('erase', [...held.values()], now);

    const requested: string[] = (await tx.query(`SELECT id FROM ticket WHERE requester_id = $1 AND purged_at IS NULL`, [contactId])).map((row: { id: string }) => row.id);
    const tickets = (await this.content.removeTickets(tx, requested, 'erasure')).counts;
    const theirs: string[] = (await tx.query(`SELECT id FROM article WHERE lower(from_email) = $1 AND ticket_id <> ALL($2::uuid[])`, [email, requested])).map((row: { id: string }) => row.id);
    const articles = await this.content.removeArticles(tx, theirs, pseudonym);
    const removed: RemovalCounts = addCounts(tickets, articles);

    const [mentions] = await tx.query(
      `WITH a AS (UPDATE article SET to_addresses = ${REPLACED('to_addresses')}, cc_addresses = ${REPLACED('cc_addresses')}
                   WHERE ticket_id = ANY($3::uuid[]) AND (${NAMES('to_addresses')} OR ${NAMES('cc_addresses')}) RETURNING 1)
       SELECT count(*)::int AS count FROM a`,
      [email, pseudonym, ticketIds],
    );
    const [outbound] = await tx.query(
      `WITH o AS (UPDATE outbound_message SET subject = '', body_text = '', body_html = NULL,
                         to_email = CASE WHEN lower(to_email) = $1 THEN $2 ELSE to_email END,
                         to_name = CASE WHEN lower(to_email) = $1 THEN NULL ELSE to_name END,
                         cc_addresses = ${REPLACED('cc_addresses')}, ${FAIL_UNSENT}
                   WHERE ticket_id = ANY($3::uuid[]) AND (lower(to_email) = $1 OR ${NAMES('cc_addresses')}) RETURNING 1)
       SELECT count(*)::int AS count FROM o`,
      [email, pseudonym, ticketIds],
    );
    await tx.query(
      `WITH l AS (DELETE FROM auto_reply_log WHERE lower(sender) = $1 RETURNING 1),
            r AS (UPDATE raw_message SET envelope_from = NULL WHERE lower(envelope_from) = $1 RETURNING 1)
       SELECT (SELECT count(*) FROM l) + (SELECT count(*) FROM r) AS changed`,
      [email],
    );
    await tx.query(`WITH c AS (UPDATE contact SET email = $2, name = NULL, erased_at = $3 WHERE id = $1 RETURNING 1) SELECT count(*) FROM c`, [contactId, pseudonym, now]);
    return {
      contactId,
      erasedAt: now,
      tickets: tickets.tickets,
      articles: articles.articles,
      mentions: mentions.count,
      outbound: outbound.count,
      rawMessages: removed.rawMessages,
      attachments: removed.attachments,
    };
  }
}
