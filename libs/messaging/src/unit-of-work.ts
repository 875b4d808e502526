import type { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope, EventMap, EventSubject } from '@casework/contracts';
import { OutboxRepository, ProcessedEventRepository } from '@casework/database';
import type { OutboxRelay } from './outbox-relay.js';

export type Emit = <S extends EventSubject>(subject: S, data: EventMap[S]) => Promise<EventEnvelope<S>>;

/**
 * One transaction, its state changes and the events describing them: the events are
 * outbox rows in the same commit, published right after it.
 */
export class UnitOfWork {
  private readonly outbox = new OutboxRepository();
  private readonly processed = new ProcessedEventRepository();

  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
  ) {}

  async run<T>(work: (tx: EntityManager, emit: Emit) => Promise<T>): Promise<T> {
    const emitted: EventEnvelope[] = [];
    const result = await this.dataSource.transaction(async (tx) => {
      const value = await work(tx, async (subject, data) => {
        const envelope = this.outbox.envelope(subject, data);
        emitted.push(envelope);
        return envelope;
      });
      // One statement for all of them, just before the commit.
      await this.outbox.appendAll(tx, emitted);
      return value;
    });
    await this.relay.publishCommitted(emitted);
    return result;
  }

  /**
   * For event handlers: the work runs at most once per (consumer, event id), however often
   * JetStream redelivers. Returns false for a duplicate.
   */
  async runOnce(consumer: string, event: EventEnvelope, work: (tx: EntityManager, emit: Emit) => Promise<void>): Promise<boolean> {
    return this.runOnceAll(consumer, [event], async (tx, emit, fresh) => {
      if (fresh.length > 0) await work(tx, emit);
    });
  }

  /**
   * runOnce for several events in one transaction: `work` gets the events this consumer has not
   * processed before (all of them claimed by the commit). Returns whether any was fresh.
   */
  async runOnceAll<E extends EventEnvelope>(consumer: string, events: E[], work: (tx: EntityManager, emit: Emit, fresh: E[]) => Promise<void>): Promise<boolean> {
    return this.run(async (tx, emit) => {
      const claimed = await this.processed.claimAll(tx, consumer, events.map((event) => event.id));
      const fresh = events.filter((event) => claimed.delete(event.id));
      await work(tx, emit, fresh);
      return fresh.length > 0;
    });
  }
}
