import type { OutboundKind } from '@casework/contracts';
import type { Db } from '../db.js';
import { deliveryAttempts } from './delivery-attempts.js';
import type { AddressRecord } from './ticket.repository.js';

export interface NewOutbound {
  ticketId: string;
  kind: OutboundKind;
  /** Minted by the caller and fixed here: every attempt, a resend after a crash included, repeats it. */
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  fromEmail: string;
  to: AddressRecord;
  cc?: AddressRecord[];
  subject: string;
  text: string;
  html?: string | null;
  locale?: string | null;
  /** The template version it was rendered from; null for a specialist's text sent as written. */
  template?: { id: string; version: number } | null;
}

export interface OutboundRecord extends Required<Omit<NewOutbound, 'template'>> {
  id: string;
  status: 'queued' | 'sending' | 'sent' | 'failed';
  attempts: number;
  template: { id: string; version: number } | null;
  /** The ticket's article of this mail (made when it was queued). */
  articleId: string | null;
}

/** A queued mail: its row and its article on the ticket. */
export interface QueuedOutbound {
  id: string;
  articleId: string;
}

export const OUTBOUND_COLUMNS = `o.id, o.ticket_id, o.kind, o.message_id, o.in_reply_to, o.reference_ids, o.from_email, o.to_email, o.to_name,
  o.cc_addresses, o.subject, o.body_text, o.body_html, o.locale, o.template_id, o.template_version, o.status, o.attempts`;

/**
 * Outgoing mail is a row before it is a send: its Message-ID is fixed at insert, so a resend
 * after a crash between SMTP's 250 and our update repeats the same message. Its article on the
 * ticket is written with it, so the ticket shows the mail and its delivery state (queued,
 * sending, sent, failed) from the start. Sending is OutboundDeliveryRepository's.
 */
export class OutboundRepository {
  /** Returns the new row's id, or null when the ticket already has its acknowledgement. */
  async insert(tx: Db, outbound: NewOutbound): Promise<string | null> {
    return (await this.insertMany(tx, [outbound]))[0]?.id ?? null;
  }

  /**
   * Inserts rows and their articles in one statement; returns each one's ids in order, or null
   * where the ticket already has its acknowledgement (an earlier one, or an earlier row of this call).
   */
  async insertMany(tx: Db, outbound: NewOutbound[]): Promise<(QueuedOutbound | null)[]> {
    if (outbound.length === 0) return [];
    // Message-IDs are unique and minted by the caller: they tell which rows went in.
    const rows: { id: string; message_id: string; article_id: string }[] = await tx.query(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::text[], $8::text[], $9::jsonb[],
                              $10::text[], $11::text[], $12::text[], $13::text[], $14::uuid[], $15::int[])
           WITH ORDINALITY AS o(ticket_id, kind, message_id, in_reply_to, reference_ids, from_email, to_email, to_name, cc_addresses,
                                subject, body_text, body_html, locale, template_id, template_version, n)),
       inserted AS (
         INSERT INTO outbound_message (ticket_id, kind, message_id, in_reply_to, reference_ids, from_email, to_email, to_name, cc_addresses,
                                       subject, body_text, body_html, locale, template_id, template_version)
         SELECT ticket_id, kind, message_id, in_reply_to, ARRAY(SELECT jsonb_array_elements_text(reference_ids)), from_email, to_email, to_name,
                cc_addresses, subject, body_text, body_html, locale, template_id, template_version
           FROM input ORDER BY n
         ON CONFLICT (ticket_id) WHERE kind = 'acknowledgement' DO NOTHING
         RETURNING id, ticket_id, message_id),
       articles AS (
         INSERT INTO article (ticket_id, direction, from_email, to_addresses, cc_addresses, subject, body_text, body_html, message_id,
                              in_reply_to, reference_ids, automated, outbound_id)
         SELECT i.ticket_id, 'outbound', x.from_email, jsonb_build_array(jsonb_build_object('email', x.to_email, 'name', x.to_name)), x.cc_addresses,
                x.subject, x.body_text, x.body_html, x.message_id, x.in_reply_to, ARRAY(SELECT jsonb_array_elements_text(x.reference_ids)),
                x.kind = 'acknowledgement', i.id
           FROM inserted i JOIN input x ON x.message_id = i.message_id ORDER BY x.n
         RETURNING id, ticket_id, outbound_id),
       touched AS (UPDATE ticket SET updated_at = now() WHERE id IN (SELECT ticket_id FROM articles) RETURNING id)
       SELECT i.id, i.message_id, a.id AS article_id FROM inserted i JOIN articles a ON a.outbound_id = i.id`,
      [
        outbound.map((o) => o.ticketId),
        outbound.map((o) => o.kind),
        outbound.map((o) => o.messageId),
        outbound.map((o) => o.inReplyTo),
        outbound.map((o) => JSON.stringify(o.references)),
        outbound.map((o) => o.fromEmail),
        outbound.map((o) => o.to.email),
        outbound.map((o) => o.to.name),
        outbound.map((o) => JSON.stringify(o.cc ?? [])),
        outbound.map((o) => o.subject),
        outbound.map((o) => o.text),
        outbound.map((o) => o.html ?? null),
        outbound.map((o) => o.locale ?? null),
        outbound.map((o) => o.template?.id ?? null),
        outbound.map((o) => o.template?.version ?? null),
      ],
    );
    const ids = new Map(rows.map((row) => [row.message_id, { id: row.id, articleId: row.article_id }]));
    return outbound.map((o) => ids.get(o.messageId) ?? null);
  }

  async find(db: Db, id: string): Promise<OutboundRecord | null> {
    const [row] = await db.query(`SELECT ${OUTBOUND_COLUMNS}, a.id AS article_id FROM outbound_message o LEFT JOIN article a ON a.outbound_id = o.id WHERE o.id = $1`, [id]);
    return row ? mapOutbound(row) : null;
  }

  /**
   * Records a bounce routing attached to the ticket: the status code it gave, and, when delivery
   * failed for good, the row as `failed` (no sender retries it; a sender still holding its claim
   * finds it gone and records nothing).
   */
  async markBounced(tx: Db, id: string, status: string | null, failed: boolean): Promise<void> {
    await tx.query(
      `UPDATE outbound_message SET failure_status = COALESCE($2, failure_status),
              status = CASE WHEN $3::boolean THEN 'failed' ELSE status END,
              claim_id = CASE WHEN $3::boolean THEN NULL ELSE claim_id END,
              claimed_until = CASE WHEN $3::boolean THEN NULL ELSE claimed_until END,
              last_error = CASE WHEN $3::boolean THEN 'bounced' || COALESCE(': ' || $2, '') ELSE last_error END
        WHERE id = $1`,
      [id, status, failed],
    );
  }

  /** Records rows as sent without sending them (tests that need a delivered message); sending is OutboundDeliveryRepository's. */
  markSentAll(db: Db, ids: string[]): Promise<void> {
    return deliveryAttempts.markSent(db, 'outbound_message', ids);
  }
}

export function mapOutbound(row: Record<string, unknown>): OutboundRecord {
  return {
    id: row.id as string,
    ticketId: row.ticket_id as string,
    kind: row.kind as OutboundKind,
    messageId: row.message_id as string,
    inReplyTo: (row.in_reply_to as string | null) ?? null,
    references: (row.reference_ids as string[]) ?? [],
    fromEmail: row.from_email as string,
    to: { email: row.to_email as string, name: (row.to_name as string | null) ?? null },
    cc: (row.cc_addresses as AddressRecord[] | null) ?? [],
    subject: row.subject as string,
    text: row.body_text as string,
    html: (row.body_html as string | null) ?? null,
    locale: (row.locale as string | null) ?? null,
    template: row.template_id ? { id: row.template_id as string, version: row.template_version as number } : null,
    status: row.status as OutboundRecord['status'],
    attempts: row.attempts as number,
    articleId: (row.article_id as string | null) ?? null,
  };
}
