import type { KnownTicket, OutboundRef, TicketPriority, TicketStatus, TriageResult } from '@casework/domain';
import type { Db } from '../db.js';

/** How many To and Cc addresses of one article make participants: a mail to 10,000 people admits no more than this. */
const PARTICIPANT_ADDRESSES_PER_ARTICLE = 50;

/** How far back a bounce naming only its failed recipient is matched to the newest outbound message to them. */
const BOUNCE_RECIPIENT_WINDOW_DAYS = 30;

/** How long a chain of merges routing follows (A into B into C …); far beyond any real one. */
const MAX_MERGE_CHAIN = 32;

/**
 * The look-ups routing decides by, one statement each for a whole batch: the tickets a mail's
 * threading ids and tag point to, who of its senders takes part in them, our specialists, and
 * the outbound mail a bounce reports on.
 */
export class RoutingLookupRepository {
  /** The ticket of each Message-ID: our articles (inbound and sent), then our outbound mail not sent yet. */
  async ticketsByMessageIds(db: Db, messageIds: string[]): Promise<Map<string, string>> {
    if (messageIds.length === 0) return new Map();
    const rows: { message_id: string; ticket_id: string }[] = await db.query(
      `SELECT DISTINCT ON (message_id) message_id, ticket_id FROM (
         SELECT message_id, ticket_id, 0 AS source, created_at FROM article WHERE message_id = ANY($1::text[])
         UNION ALL
         SELECT message_id, ticket_id, 1, created_at FROM outbound_message WHERE message_id = ANY($1::text[])) known
       ORDER BY message_id, source, created_at`,
      [messageIds],
    );
    return new Map(rows.map((r) => [r.message_id, r.ticket_id]));
  }

  async ticketIdsByNumbers(db: Db, numbers: string[]): Promise<Map<string, string>> {
    if (numbers.length === 0) return new Map();
    const rows: { number: string; id: string }[] = await db.query('SELECT number, id FROM ticket WHERE number = ANY($1::text[])', [numbers]);
    return new Map(rows.map((r) => [r.number, r.id]));
  }

  /**
   * The merges reachable from these tickets: each merged ticket among them, or along their
   * chains, with the ticket it was merged into (libs/domain followMerges walks them). Bounded
   * depth, so a hand-made cycle cannot loop the query.
   */
  async mergeEdges(db: Db, ticketIds: string[]): Promise<Map<string, string>> {
    if (ticketIds.length === 0) return new Map();
    const rows: { id: string; merged_into_id: string }[] = await db.query(
      `WITH RECURSIVE chain (id, merged_into_id, depth) AS (
         SELECT id, merged_into_id, 1 FROM ticket WHERE id = ANY($1::uuid[]) AND merged_into_id IS NOT NULL
         UNION
         SELECT t.id, t.merged_into_id, c.depth + 1 FROM chain c JOIN ticket t ON t.id = c.merged_into_id
          WHERE t.merged_into_id IS NOT NULL AND c.depth < $2)
       SELECT DISTINCT id, merged_into_id FROM chain`,
      [ticketIds, MAX_MERGE_CHAIN],
    );
    return new Map(rows.map((row) => [row.id, row.merged_into_id]));
  }

  /**
   * These tickets as the follow-up rules need them, with those of `senders` who take part in
   * each: its requester, and the senders and To/Cc addresses of its inbound articles that are
   * neither flagged nor system notes.
   */
  async threadedTickets(db: Db, ticketIds: string[], senders: string[]): Promise<Map<string, KnownTicket>> {
    if (ticketIds.length === 0) return new Map();
    const rows: {
      id: string;
      queue_id: string;
      status: TicketStatus;
      priority: TicketPriority;
      resolved_at: Date | null;
      triage: TriageResult;
      language: string | null;
      participants: string[];
    }[] = await db.query(
      `WITH t AS (SELECT id, queue_id, status, priority, resolved_at, triage, language, requester_id FROM ticket WHERE id = ANY($1::uuid[])),
            a AS (SELECT ticket_id, from_email, to_addresses, cc_addresses FROM article
                   WHERE ticket_id = ANY($1::uuid[]) AND direction = 'inbound' AND flagged IS NULL AND system_note IS NULL),
            p AS (SELECT t.id AS ticket_id, c.email FROM t JOIN contact c ON c.id = t.requester_id WHERE c.email = ANY($2::text[])
                  UNION
                  SELECT ticket_id, from_email FROM a WHERE from_email = ANY($2::text[])
                  UNION
                  SELECT a.ticket_id, lower(r.value ->> 'email') FROM a
                   CROSS JOIN LATERAL (SELECT value FROM jsonb_array_elements(a.to_addresses) WITH ORDINALITY e(value, n) WHERE n <= $3
                                       UNION ALL
                                       SELECT value FROM jsonb_array_elements(a.cc_addresses) WITH ORDINALITY e(value, n) WHERE n <= $3) r
                   WHERE lower(r.value ->> 'email') = ANY($2::text[]))
       SELECT t.id, t.queue_id, t.status, t.priority, t.resolved_at, t.triage, t.language,
              COALESCE(array_agg(p.email) FILTER (WHERE p.email IS NOT NULL), '{}') AS participants
         FROM t LEFT JOIN p ON p.ticket_id = t.id
        GROUP BY t.id, t.queue_id, t.status, t.priority, t.resolved_at, t.triage, t.language`,
      [ticketIds, senders, PARTICIPANT_ADDRESSES_PER_ARTICLE],
    );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          queueId: row.queue_id,
          status: row.status,
          priority: row.priority,
          resolvedAt: row.resolved_at,
          triage: row.triage,
          language: row.language,
          participants: new Set(row.participants),
        },
      ]),
    );
  }

  /** Those of these addresses that belong to an enabled user. */
  async specialistsAmong(db: Db, emails: string[]): Promise<Set<string>> {
    if (emails.length === 0) return new Set();
    const rows: { email: string }[] = await db.query(`SELECT lower(email) AS email FROM app_user WHERE lower(email) = ANY($1::text[]) AND NOT disabled`, [emails]);
    return new Set(rows.map((row) => row.email));
  }

  /** Our outbound messages with these Message-IDs. */
  async outboundByMessageIds(db: Db, messageIds: string[]): Promise<Map<string, OutboundRef>> {
    if (messageIds.length === 0) return new Map();
    const rows: { message_id: string; id: string; ticket_id: string }[] = await db.query(
      `SELECT message_id, id, ticket_id FROM outbound_message WHERE message_id = ANY($1::text[])`,
      [messageIds],
    );
    return new Map(rows.map((row) => [row.message_id, { outboundId: row.id, ticketId: row.ticket_id }]));
  }

  /** The newest outbound message (of the last 30 days) to each of these addresses. */
  async latestOutboundTo(db: Db, recipients: string[]): Promise<Map<string, OutboundRef>> {
    if (recipients.length === 0) return new Map();
    const rows: { to_email: string; id: string; ticket_id: string }[] = await db.query(
      `SELECT DISTINCT ON (to_email) to_email, id, ticket_id FROM outbound_message
        WHERE to_email = ANY($1::text[]) AND created_at > now() - make_interval(days => $2)
        ORDER BY to_email, created_at DESC`,
      [recipients, BOUNCE_RECIPIENT_WINDOW_DAYS],
    );
    return new Map(rows.map((row) => [row.to_email, { outboundId: row.id, ticketId: row.ticket_id }]));
  }
}
