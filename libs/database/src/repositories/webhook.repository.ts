import type { Db } from '../db.js';
import { deliveryAttempts } from './delivery-attempts.js';

export interface NewWebhook {
  url: string;
  secret: string;
  /** Short event names, e.g. 'sla.breached', 'sla.warning', 'page.sent'. */
  events: string[];
  enabled: boolean;
}

/** A webhook as listed: never with its secret. */
export interface WebhookRecord {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  createdAt: Date;
}

export type WebhookDeliveryStatus = 'queued' | 'sent' | 'failed';

export interface WebhookDeliveryRecord {
  id: string;
  webhookId: string;
  eventId: string;
  event: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastStatusCode: number | null;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

/** A queued delivery locked for sending, with what the request needs. */
export interface LockedWebhookDelivery {
  id: string;
  event: string;
  body: string;
  url: string;
  secret: string;
}

/** An event to deliver: its envelope id, short name and the JSON body sent as is. */
export interface WebhookEvent {
  eventId: string;
  event: string;
  body: string;
}

const WEBHOOK_COLUMNS = 'id, url, events, enabled, created_at';
const DELIVERY_COLUMNS = 'id, webhook_id, event_id, event, status, attempts, next_attempt_at, last_status_code, last_error, sent_at, created_at';

const toWebhook = (row: Record<string, unknown>): WebhookRecord => ({
  id: row.id as string,
  url: row.url as string,
  events: row.events as string[],
  enabled: row.enabled as boolean,
  createdAt: row.created_at as Date,
});

const toDelivery = (row: Record<string, unknown>): WebhookDeliveryRecord => ({
  id: row.id as string,
  webhookId: row.webhook_id as string,
  eventId: row.event_id as string,
  event: row.event as string,
  status: row.status as WebhookDeliveryStatus,
  attempts: Number(row.attempts),
  nextAttemptAt: row.next_attempt_at as Date,
  lastStatusCode: (row.last_status_code as number | null) ?? null,
  lastError: (row.last_error as string | null) ?? null,
  sentAt: (row.sent_at as Date | null) ?? null,
  createdAt: row.created_at as Date,
});

/** Webhooks and their deliveries (one per webhook and event), sent with retries. */
export class WebhookRepository {
  async create(db: Db, webhook: NewWebhook): Promise<WebhookRecord> {
    const [row] = await db.query(`INSERT INTO webhook (url, secret, events, enabled) VALUES ($1, $2, $3::text[], $4) RETURNING ${WEBHOOK_COLUMNS}`, [
      webhook.url,
      webhook.secret,
      webhook.events,
      webhook.enabled,
    ]);
    return toWebhook(row);
  }

  async list(db: Db): Promise<WebhookRecord[]> {
    return (await db.query(`SELECT ${WEBHOOK_COLUMNS} FROM webhook ORDER BY created_at, id`)).map(toWebhook);
  }

  async find(db: Db, id: string): Promise<WebhookRecord | null> {
    const [row] = await db.query(`SELECT ${WEBHOOK_COLUMNS} FROM webhook WHERE id = $1`, [id]);
    return row ? toWebhook(row) : null;
  }

  async delete(db: Db, id: string): Promise<boolean> {
    const rows = await db.query(`WITH deleted AS (DELETE FROM webhook WHERE id = $1 RETURNING id) SELECT id FROM deleted`, [id]);
    return rows.length > 0;
  }

  async deliveries(db: Db, webhookId: string, limit: number): Promise<WebhookDeliveryRecord[]> {
    const rows = await db.query(`SELECT ${DELIVERY_COLUMNS} FROM webhook_delivery WHERE webhook_id = $1 ORDER BY created_at DESC, id LIMIT $2`, [webhookId, limit]);
    return rows.map(toDelivery);
  }

  /**
   * One delivery per enabled webhook wanting the event, in the caller's transaction (set-based:
   * one statement for a sweep's batch). Returns how many were queued.
   */
  async enqueue(tx: Db, events: WebhookEvent[]): Promise<number> {
    if (events.length === 0) return 0;
    const rows = await tx.query(
      `INSERT INTO webhook_delivery (webhook_id, event_id, event, body)
       SELECT w.id, e.event_id, e.event, e.body
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS e (event_id, event, body)
         JOIN webhook w ON w.enabled AND e.event = ANY (w.events)
       ON CONFLICT (webhook_id, event_id) DO NOTHING RETURNING id`,
      [events.map((e) => e.eventId), events.map((e) => e.event), events.map((e) => e.body)],
    );
    return rows.length;
  }

  dueIds(db: Db, limit: number): Promise<string[]> {
    return deliveryAttempts.dueIds(db, 'webhook_delivery', limit);
  }

  async lockQueued(tx: Db, id: string): Promise<LockedWebhookDelivery | null> {
    const [row] = await tx.query(
      `SELECT d.id, d.event, d.body, w.url, w.secret FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
        WHERE d.id = $1 AND d.status = 'queued' AND d.next_attempt_at <= now() FOR UPDATE OF d SKIP LOCKED`,
      [id],
    );
    return row ? { id: row.id, event: row.event, body: row.body, url: row.url, secret: row.secret } : null;
  }

  async markSent(tx: Db, id: string, statusCode: number): Promise<void> {
    await deliveryAttempts.markSent(tx, 'webhook_delivery', [id]);
    await tx.query(`UPDATE webhook_delivery SET last_status_code = $2 WHERE id = $1`, [id, statusCode]);
  }

  async markAttemptFailed(tx: Db, id: string, statusCode: number | null, error: string, maxAttempts: number, baseSeconds: number): Promise<void> {
    await deliveryAttempts.markFailed(tx, 'webhook_delivery', id, error, maxAttempts, baseSeconds);
    await tx.query(`UPDATE webhook_delivery SET last_status_code = $2 WHERE id = $1`, [id, statusCode]);
  }
}
