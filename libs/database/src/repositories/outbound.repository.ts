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
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO outbound_message (ticket_id, kind, message_id, in_reply_to, reference_ids, from_email, to_email, to_name, subject, body_text)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (ticket_id) WHERE kind = 'acknowledgement' DO NOTHING RETURNING id`,
      [outbound.ticketId, outbound.kind, outbound.messageId, outbound.inReplyTo, outbound.references, outbound.fromEmail, outbound.to.email, outbound.to.name, outbound.subject, outbound.text],
    );
    return rows[0]?.id ?? null;
  }

  async find(db: Db, id: string): Promise<OutboundRecord | null> {
    const [row] = await db.query(`SELECT ${COLUMNS} FROM outbound_message WHERE id = $1`, [id]);
    return row ? mapOutbound(row) : null;
  }

  /** Locks a queued row so two senders never send it at once; null when sent or locked. */
  async lockQueued(tx: Db, id: string): Promise<OutboundRecord | null> {
    const [row] = await tx.query(`SELECT ${COLUMNS} FROM outbound_message WHERE id = $1 AND status = 'queued' FOR UPDATE SKIP LOCKED`, [id]);
    return row ? mapOutbound(row) : null;
  }

  dueIds(db: Db, limit: number): Promise<string[]> {
    return deliveryAttempts.dueIds(db, 'outbound_message', limit);
  }

  markSent(tx: Db, id: string): Promise<void> {
    return deliveryAttempts.markSent(tx, 'outbound_message', id);
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
