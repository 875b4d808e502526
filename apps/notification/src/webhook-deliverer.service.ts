import { createHmac } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { NotificationSettings } from '@casework/config';
import type { EventEnvelope } from '@casework/contracts';
import { WebhookRepository, type Db, type WebhookEvent } from '@casework/database';
import { PeriodicTask } from '@casework/messaging';
import { LOGGER, notificationFailures } from '@casework/observability';
import { NOTIFICATION_SETTINGS } from './notification.tokens.js';

const MAX_ATTEMPTS = 10;
const REQUEST_TIMEOUT_MS = 10_000;
const BATCH = 50;

/** The webhook form of an event: short name ('sla.breached') and the JSON body sent. */
export function webhookEventOf(envelope: EventEnvelope): WebhookEvent {
  const event = envelope.subject.replace(/^casework\./, '');
  return { eventId: envelope.id, event, body: JSON.stringify({ id: envelope.id, event, occurredAt: envelope.occurredAt, data: envelope.data }) };
}

/** `sha256=<hex HMAC-SHA256(secret, timestamp + '.' + body)>`, as receivers verify it. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Delivers queued webhook deliveries: POST of the JSON body, signed; 2xx = sent, anything else
 * (or no answer) retries with exponential backoff from WEBHOOK_RETRY_BASE_MS. The row is locked
 * (SKIP LOCKED) during the request, so replicas never send one delivery at the same time.
 */
@Injectable()
export class WebhookDelivererService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly sweep: PeriodicTask;
  private running: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(WebhookRepository) private readonly webhooks: WebhookRepository,
  ) {
    const every = Math.min(1000, Math.max(50, Math.floor(settings.WEBHOOK_RETRY_BASE_MS / 2)));
    this.sweep = new PeriodicTask('webhook delivery sweep', every, () => this.deliverDue(), logger);
  }

  onApplicationBootstrap(): void {
    this.sweep.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.sweep.stop();
    await this.running;
  }

  /** Queues the events' deliveries in the caller's transaction. */
  enqueue(tx: Db, envelopes: EventEnvelope[]): Promise<number> {
    return this.webhooks.enqueue(tx, envelopes.map(webhookEventOf));
  }

  /** Delivers what is due now, in the background (after a commit that queued deliveries). */
  kick(): void {
    void this.deliverDue().catch((error) => this.logger.warn({ err: error }, 'webhook delivery failed'));
  }

  deliverDue(): Promise<void> {
    this.running = this.running.then(async () => {
      for (;;) {
        if (this.stopping) return;
        const ids = await this.webhooks.dueIds(this.dataSource, BATCH);
        for (const id of ids) {
          if (this.stopping) return;
          await this.deliver(id);
        }
        if (ids.length < BATCH) return;
      }
    });
    return this.running;
  }

  private async deliver(id: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const delivery = await this.webhooks.lockQueued(tx, id);
      if (!delivery) return;
      const timestamp = String(Math.floor(Date.now() / 1000));
      let statusCode: number | null = null;
      try {
        const response = await fetch(delivery.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'casework-webhooks/1',
            'x-casework-signature': webhookSignature(delivery.secret, timestamp, delivery.body),
            'x-casework-timestamp': timestamp,
            'x-casework-event': delivery.event,
            'x-casework-delivery': delivery.id,
          },
          body: delivery.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        statusCode = response.status;
        await response.body?.cancel().catch(() => undefined);
        if (statusCode >= 200 && statusCode < 300) {
          await this.webhooks.markSent(tx, delivery.id, statusCode);
          return;
        }
        throw new Error(`HTTP ${statusCode}`);
      } catch (error) {
        notificationFailures.inc({ channel: 'webhook' });
        this.logger.warn({ deliveryId: delivery.id, statusCode, error: (error as Error).message }, 'webhook delivery failed; will retry');
        await this.webhooks.markAttemptFailed(tx, delivery.id, statusCode, (error as Error).message, MAX_ATTEMPTS, this.settings.WEBHOOK_RETRY_BASE_MS / 1000);
      }
    });
  }
}
