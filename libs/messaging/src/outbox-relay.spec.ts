import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Subjects, type EventEnvelope } from '@casework/contracts';
import type { JetStreamPublisher } from './jetstream-publisher.js';
import { OutboxRelay } from './outbox-relay.js';

function envelope(): EventEnvelope {
  return { id: randomUUID(), subject: Subjects.MailReceived, version: 1, occurredAt: new Date().toISOString(), data: { rawMessageId: randomUUID(), mailboxId: randomUUID() } } as EventEnvelope;
}

/** A database whose outbox holds `pending` unpublished rows; it records what was marked published. */
function fakeDatabase(pending: EventEnvelope[]) {
  const marked: string[] = [];
  const query = async (sql: string, params: unknown[]) => {
    if (sql.includes('SELECT envelope FROM outbox')) return pending.map((e) => ({ envelope: e }));
    if (sql.startsWith('UPDATE outbox SET published_at')) marked.push(...(params[0] as string[]));
    return [];
  };
  const dataSource = { query, transaction: (work: (tx: unknown) => Promise<unknown>) => work({ query }) } as unknown as DataSource;
  return { dataSource, marked };
}

describe('OutboxRelay fast path', () => {
  const logger = { info: () => undefined, warn: () => undefined };

  it('after a failed publish, leaves the next commits to the sweep instead of waiting on NATS each time', async () => {
    let calls = 0;
    let failing = true;
    const publisher = {
      publish: async () => {
        calls++;
        if (failing) throw new Error('timeout');
      },
    } as unknown as JetStreamPublisher;
    const pending = [envelope()];
    const { dataSource, marked } = fakeDatabase(pending);
    const relay = new OutboxRelay(dataSource, publisher, logger);

    await relay.publishCommitted([envelope()]);
    expect(calls).toBe(1);
    // Paused: the commit returns at once, its row stays for the sweep.
    await relay.publishCommitted([envelope()]);
    await relay.publishCommitted([envelope()]);
    expect(calls).toBe(1);
    expect(marked).toEqual([]);

    // NATS is back: the sweep publishes what was left, and commits publish their own events again.
    failing = false;
    expect(await relay.sweep()).toBe(1);
    expect(marked).toEqual([pending[0].id]);
    const next = envelope();
    await relay.publishCommitted([next]);
    expect(calls).toBe(3);
    expect(marked).toContain(next.id);
  });

  it('keeps publishing on the fast path while publishes succeed', async () => {
    let calls = 0;
    const publisher = { publish: async () => void calls++ } as unknown as JetStreamPublisher;
    const { dataSource, marked } = fakeDatabase([]);
    const relay = new OutboxRelay(dataSource, publisher, logger);
    const events = [envelope(), envelope(), envelope()];
    for (const event of events) await relay.publishCommitted([event]);
    expect(calls).toBe(3);
    expect(marked).toEqual(events.map((e) => e.id));
  });

  it('coalesces the published marks of concurrent commits into few statements, each commit waiting for its own', async () => {
    const publisher = { publish: async () => undefined } as unknown as JetStreamPublisher;
    const statements: string[][] = [];
    let release: () => void = () => undefined;
    const query = async (sql: string, params: unknown[]) => {
      if (!sql.startsWith('UPDATE outbox SET published_at')) return [];
      statements.push(params[0] as string[]);
      // The first mark is slow: everything committed meanwhile must wait for one more statement.
      if (statements.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return [];
    };
    const relay = new OutboxRelay({ query } as unknown as DataSource, publisher, logger);
    const events = Array.from({ length: 20 }, envelope);
    const first = relay.publishCommitted([events[0]]);
    await new Promise((resolve) => setImmediate(resolve));
    const rest = Promise.all(events.slice(1).map((event) => relay.publishCommitted([event])));
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await Promise.all([first, rest]);
    await relay.stop();
    expect(statements).toHaveLength(2);
    expect(statements.flat().sort()).toEqual(events.map((e) => e.id).sort());
  });
});
