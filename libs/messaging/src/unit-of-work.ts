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
    return this.run(async (tx, emit) => {
      if (!(await this.processed.claim(tx, consumer, event.id))) return false;
      await work(tx, emit);
      return true;
    });
  }
}
