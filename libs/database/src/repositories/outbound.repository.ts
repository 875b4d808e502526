import type { OutboundKind } from '@casework/contracts';
import type { Db } from '../db.js';
import { deliveryAttempts } from './delivery-attempts.js';

export interface NewOutbound {
  ticketId: string;
  kind: OutboundKind;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  fromEmail: string;
  to: { email: string; name: string | null };
  subject: string;
  text: string;
}

export interface OutboundRecord extends NewOutbound {
  id: string;
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
}

const COLUMNS = `id, ticket_id, kind, message_id, in_reply_to, reference_ids, from_email, to_email, to_name, subject, body_text, status, attempts`;

/**
 * Outgoing mail is a row before it is a send: its Message-ID is fixed at insert, so a
 * resend after a crash between SMTP's 250 and our update repeats the same message.
 */
export class OutboundRepository {
  /** Returns the new row's id, or null when the ticket already has its acknowledgement. */
  async insert(tx: Db, outbound: NewOutbound): Promise<string | null> {
    return (await this.insertMany(tx, [outbound]))[0];
  }

  /**
   * Inserts rows in one statement; returns each one's id in order, or null where the ticket
   * already has its acknowledgement (an earlier one, or an earlier row of this call).
   */
  async insertMany(tx: Db, outbound: NewOutbound[]): Promise<(string | null)[]> {
    if (outbound.length === 0) return [];
    // Message-IDs are unique and minted by the caller: they tell which rows went in.
    const rows: { id: string; message_id: string }[] = await tx.query(
      `INSERT INTO outbound_message (ticket_id, kind, message_id, in_reply_to, reference_ids, from_email, to_email, to_name, subject, body_text)
       SELECT o.ticket_id, o.kind, o.message_id, o.in_reply_to, ARRAY(SELECT jsonb_array_elements_text(o.reference_ids)),
              o.from_email, o.to_email, o.to_name, o.subject, o.body_text
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
              WITH ORDINALITY AS o(ticket_id, kind, message_id, in_reply_to, reference_ids, from_email, to_email, to_name, subject, body_text, n)
        ORDER BY o.n
       ON CONFLICT (ticket_id) WHERE kind = 'acknowledgement' DO NOTHING RETURNING id, message_id`,
      [
        outbound.map((o) => o.ticketId),
        outbound.map((o) => o.kind),
        outbound.map((o) => o.messageId),
        outbound.map((o) => o.inReplyTo),
        outbound.map((o) => JSON.stringify(o.references)),
        outbound.map((o) => o.fromEmail),
        outbound.map((o) => o.to.email),
        outbound.map((o) => o.to.name),
        outbound.map((o) => o.subject),
        outbound.map((o) => o.text),
      ],
    );
    const ids = new Map(rows.map((row) => [row.message_id, row.id]));
    return outbound.map((o) => ids.get(o.messageId) ?? null);
  }

  async find(db: Db, id: string): Promise<OutboundRecord | null> {
    const [row] = await db.query(`SELECT ${COLUMNS} FROM outbound_message WHERE id = $1`, [id]);
    return row ? mapOutbound(row) : null;
  }

  /** Locks queued rows so two senders never send one at once: those still queued and not locked elsewhere, in the given order. */
  async lockQueuedAll(tx: Db, ids: string[]): Promise<OutboundRecord[]> {
    if (ids.length === 0) return [];
    const rows: Record<string, unknown>[] = await tx.query(
      `SELECT ${COLUMNS} FROM outbound_message WHERE id = ANY($1::uuid[]) AND status = 'queued' FOR UPDATE SKIP LOCKED`,
      [[...new Set(ids)]],
    );
    const byId = new Map(rows.map((row) => [row.id as string, mapOutbound(row)]));
    return [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
  }

  dueIds(db: Db, limit: number): Promise<string[]> {
    return deliveryAttempts.dueIds(db, 'outbound_message', limit);
  }

  /** Records the rows as sent, in one statement. */
  markSentAll(tx: Db, ids: string[]): Promise<void> {
    return deliveryAttempts.markSent(tx, 'outbound_message', ids);
  }

  /**
   * Records a bounce: the status code it gave, and, when delivery failed for good, the row as
   * `failed` (the sender does not retry failed rows).
   */
  async markBounced(tx: Db, id: string, status: string | null, failed: boolean): Promise<void> {
    await tx.query(
      `UPDATE outbound_message SET failure_status = COALESCE($2, failure_status),
              status = CASE WHEN $3::boolean THEN 'failed' ELSE status END,
              last_error = CASE WHEN $3::boolean THEN 'bounced' || COALESCE(': ' || $2, '') ELSE last_error END
        WHERE id = $1`,
      [id, status, failed],
    );
  }

  markAttemptFailed(tx: Db, id: string, error: string, maxAttempts: number): Promise<void> {
    return deliveryAttempts.markFailed(tx, 'outbound_message', id, error, maxAttempts);
  }
}

function mapOutbound(row: Record<string, unknown>): OutboundRecord {
  return {
    id: row.id as string,
    ticketId: row.ticket_id as string,
    kind: row.kind as OutboundKind,
    messageId: row.message_id as string,
    inReplyTo: (row.in_reply_to as string | null) ?? null,
    references: (row.reference_ids as string[]) ?? [],
    fromEmail: row.from_email as string,
    to: { email: row.to_email as string, name: (row.to_name as string | null) ?? null },
    subject: row.subject as string,
    text: row.body_text as string,
    status: row.status as OutboundRecord['status'],
    attempts: row.attempts as number,
  };
}
