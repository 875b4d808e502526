import type { Db } from '../db.js';
import { deliveryAttempts } from './delivery-attempts.js';

export interface NewNotification {
  clockId: string;
  ticketId: string;
  channel: 'email';
  recipient: string;
  subject: string;
  body: string;
  messageId: string;
  /** What the notice is about (default 'breach'): one notice per clock, reason and recipient. */
  reason?: 'breach' | 'warning';
}

export interface NotificationRecord extends NewNotification {
  id: string;
}

/** Ops notices are rows first (one per clock, reason, channel and recipient; a page's, one per page and recipient), then sends. */
export class NotificationRepository {
  async insert(tx: Db, notification: NewNotification): Promise<string | null> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO notification (clock_id, ticket_id, channel, recipient, subject, body, message_id, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (clock_id, reason, channel, recipient) DO NOTHING RETURNING id`,
      [notification.clockId, notification.ticketId, notification.channel, notification.recipient, notification.subject, notification.body, notification.messageId, notification.reason ?? 'breach'],
    );
    return rows[0]?.id ?? null;
  }

  async lockQueued(tx: Db, id: string): Promise<NotificationRecord | null> {
    const [row] = await tx.query(
      `SELECT id, clock_id, ticket_id, channel, recipient, subject, body, message_id FROM notification
        WHERE id = $1 AND status = 'queued' FOR UPDATE SKIP LOCKED`,
      [id],
    );
    if (!row) return null;
    return {
      id: row.id,
      clockId: row.clock_id,
      ticketId: row.ticket_id,
      channel: row.channel,
      recipient: row.recipient,
      subject: row.subject,
      body: row.body,
      messageId: row.message_id,
    };
  }

  dueIds(db: Db, limit: number): Promise<string[]> {
    return deliveryAttempts.dueIds(db, 'notification', limit);
  }

  /** Many notices in one statement (a sweep's batch); returns the ids of those newly queued. */
  async insertMany(tx: Db, notifications: NewNotification[]): Promise<string[]> {
    if (notifications.length === 0) return [];
    const column = <K extends keyof NewNotification>(key: K) => notifications.map((n) => n[key] ?? null);
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO notification (clock_id, ticket_id, channel, recipient, subject, body, message_id, reason)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
       ON CONFLICT (clock_id, reason, channel, recipient) DO NOTHING RETURNING id`,
      [
        column('clockId'),
        column('ticketId'),
        column('channel'),
        column('recipient'),
        column('subject'),
        column('body'),
        column('messageId'),
        notifications.map((n) => n.reason ?? 'breach'),
      ],
    );
    return rows.map((r) => r.id);
  }

  markSent(tx: Db, id: string): Promise<void> {
    return deliveryAttempts.markSent(tx, 'notification', [id]);
  }

  markAttemptFailed(tx: Db, id: string, error: string, maxAttempts: number): Promise<void> {
    return deliveryAttempts.markFailed(tx, 'notification', id, error, maxAttempts);
  }
}
