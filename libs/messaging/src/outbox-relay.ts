import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@casework/contracts';
import { OutboxRepository } from '@casework/database';
import type { JetStreamPublisher } from './jetstream-publisher.js';

export interface OutboxRelayOptions {
  /** How often the fallback sweep looks for rows the fast path did not publish. */
  sweepIntervalMs: number;
  /** Rows younger than this are left to the fast path of the process that wrote them. */
  sweepGraceMs: number;
  batchSize: number;
}

interface Logger {
  warn(obj: object, msg: string): void;
}

/**
 * Publishes outbox rows to JetStream. The fast path publishes right after the writer's
 * commit; the sweep publishes whatever a crash or a NATS outage left behind.
 */
export class OutboxRelay {
  private readonly outbox = new OutboxRepository();
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: JetStreamPublisher,
    private readonly logger: Logger,
    private readonly options: OutboxRelayOptions = { sweepIntervalMs: 1000, sweepGraceMs: 2000, batchSize: 500 },
  ) {}

  /** Fast path: never throws; what fails here is left for the sweep. */
  async publishCommitted(envelopes: EventEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    const published: string[] = [];
    await Promise.all(
      envelopes.map(async (envelope) => {
        try {
          await this.publisher.publish(envelope);
          published.push(envelope.id);
        } catch (error) {
          this.logger.warn({ err: error, eventId: envelope.id, subject: envelope.subject }, 'publish failed; the outbox sweep will retry');
        }
      }),
    );
    try {
      await this.outbox.markPublished(this.dataSource, published);
    } catch (error) {
      this.logger.warn({ err: error }, 'marking events published failed; they will be re-published and deduplicated');
    }
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep()
        .then(() => undefined)
        .catch((error) => this.logger.warn({ err: error }, 'outbox sweep failed'))
        .finally(() => (this.sweeping = null));
    }, this.options.sweepIntervalMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.sweeping;
  }

  /** Publishes one batch of stale unpublished rows; returns how many. */
  async sweep(): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const envelopes = await this.outbox.lockUnpublished(tx, this.options.batchSize, this.options.sweepGraceMs);
      for (const envelope of envelopes) await this.publisher.publish(envelope);
      await this.outbox.markPublished(tx, envelopes.map((e) => e.id));
      return envelopes.length;
    });
  }
}
