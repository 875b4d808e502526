import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@casework/contracts';
import { OutboxRepository } from '@casework/database';
import type { JetStreamPublisher } from './jetstream-publisher.js';
import { PeriodicTask, type TaskLogger } from './periodic-task.js';

export interface OutboxRelayOptions {
  /** How often the fallback sweep looks for rows the fast path did not publish. */
  sweepIntervalMs: number;
  /** Rows younger than this are left to the fast path of the process that wrote them. */
  sweepGraceMs: number;
  batchSize: number;
}

/**
 * After a failed fast-path publish (NATS down, or a connection that went silent), commits leave
 * their events to the sweep for this long, or until the sweep publishes again, instead of each
 * waiting out the publish timeout: the writers (ingest above all) keep committing at full speed.
 */
const FAST_PATH_PAUSE_MS = 10_000;

/**
 * Publishes outbox rows to JetStream. The fast path publishes right after the writer's
 * commit; the sweep publishes whatever a crash or a NATS outage left behind.
 */
export class OutboxRelay {
  private readonly outbox = new OutboxRepository();
  private readonly sweeper: PeriodicTask;
  private readonly pruner: PeriodicTask;
  private fastPathPausedUntil = 0;
  private readonly unmarked: string[] = [];
  private marking: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: JetStreamPublisher,
    private readonly logger: TaskLogger,
    private readonly options: OutboxRelayOptions = { sweepIntervalMs: 1000, sweepGraceMs: 2000, batchSize: 500 },
  ) {
    this.sweeper = new PeriodicTask('outbox sweep', options.sweepIntervalMs, () => this.sweep(), logger);
    // Published events are kept a day for forensics; JetStream holds them two weeks.
    this.pruner = new PeriodicTask('outbox prune', 15 * 60_000, () => this.outbox.prunePublished(this.dataSource, 24), logger);
  }

  /** Fast path: never throws; what fails here, or while the fast path is paused, is left for the sweep. */
  async publishCommitted(envelopes: EventEnvelope[]): Promise<void> {
    if (envelopes.length === 0 || Date.now() < this.fastPathPausedUntil) return;
    const published: string[] = [];
    await Promise.all(
      envelopes.map(async (envelope) => {
        try {
          await this.publisher.publish(envelope);
          published.push(envelope.id);
        } catch (error) {
          this.fastPathPausedUntil = Date.now() + FAST_PATH_PAUSE_MS;
          this.logger.warn(
            { err: error, eventId: envelope.id, subject: envelope.subject, fastPathPausedMs: FAST_PATH_PAUSE_MS },
            'publish failed; the outbox sweep will retry',
          );
        }
      }),
    );
    await this.mark(published);
  }

  /**
   * Marks published rows, coalescing the marks of concurrent commits into one statement. The
   * caller waits for it: a writer that raced on while its marks piled up in the background
   * competed with them for the connection pool (the SLA sweep fell behind by half a second at
   * a million clocks). A mark lost to a crash only means the sweep publishes the event again,
   * and JetStream (Nats-Msg-Id) and the consumers deduplicate it.
   */
  private mark(ids: string[]): Promise<void> {
    if (ids.length === 0) return Promise.resolve();
    this.unmarked.push(...ids);
    this.marking ??= this.markAll();
    return this.marking;
  }

  private async markAll(): Promise<void> {
    try {
      while (this.unmarked.length > 0) {
        const ids = this.unmarked.splice(0, this.unmarked.length);
        try {
          await this.outbox.markPublished(this.dataSource, ids);
        } catch (error) {
          this.logger.warn({ err: error, events: ids.length }, 'marking events published failed; they will be re-published and deduplicated');
        }
      }
    } finally {
      // In the same tick as the last emptiness check: a mark queued after it starts a new run.
      this.marking = null;
    }
  }

  start(): void {
    this.sweeper.start();
    this.pruner.start();
  }

  async stop(): Promise<void> {
    await Promise.all([this.sweeper.stop(), this.pruner.stop()]);
    await this.marking;
  }

  /** Publishes one batch of stale unpublished rows; returns how many. */
  async sweep(): Promise<number> {
    const swept = await this.dataSource.transaction(async (tx) => {
      const envelopes = await this.outbox.lockUnpublished(tx, this.options.batchSize, this.options.sweepGraceMs);
      for (const envelope of envelopes) await this.publisher.publish(envelope);
      await this.outbox.markPublished(tx, envelopes.map((e) => e.id));
      return envelopes.length;
    });
    // Publishing works again: commits go back to publishing their own events at once.
    if (swept > 0) this.fastPathPausedUntil = 0;
    return swept;
  }
}
