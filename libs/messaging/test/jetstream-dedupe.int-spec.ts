import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager, RetentionPolicy, StorageType, type JetStreamManager } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import { STREAM_NAME, Subjects, type EventEnvelope } from '@casework/contracts';
import { createDataSource } from '@casework/database';
import { createMigratedDatabase, envelope, eventually, startNats, type PrivateNats, type TestDatabase } from '@casework/devkit';
// The Nest-free files of @casework/messaging, imported directly (its index re-exports Nest modules).
import { JetStreamPublisher } from '../src/jetstream-publisher.js';
import { connectNats, ensureStream } from '../src/nats-connection.js';
import { OutboxRelay } from '../src/outbox-relay.js';
import { UnitOfWork } from '../src/unit-of-work.js';

const FIVE_MINUTES_NS = nanos(5 * 60 * 1000);
const FOURTEEN_DAYS_NS = nanos(14 * 24 * 3600 * 1000);

describe('messaging: CASEWORK stream, JetStream dedupe and the transactional outbox', () => {
  let nats: PrivateNats;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    [nats, db] = await Promise.all([startNats(), createMigratedDatabase()]);
    ds = createDataSource({ url: db.url, poolSize: 4, applicationName: 'casework-messaging-test' });
    await ds.initialize();
    nc = await connectNats(nats.url, 'casework-messaging-test');
    jsm = await jetstreamManager(nc);
  }, 30_000);

  afterAll(async () => {
    await nc?.close().catch(() => undefined);
    if (ds?.isInitialized) await ds.destroy();
    await nats?.stop();
    await db?.drop();
  }, 30_000);

  /** Messages of one subject in the stream, by server-side per-subject count. */
  async function countOf(subject: string): Promise<number> {
    const info = await jsm.streams.info(STREAM_NAME, { subjects_filter: subject });
    return info.state.subjects?.[subject] ?? 0;
  }

  async function lastMessageOf(subject: string) {
    return jsm.streams.getMessage(STREAM_NAME, { last_by_subj: subject });
  }

  describe('ensureStream', () => {
    it('creates CASEWORK with the subjects, storage and duplicate window the code relies on', async () => {
      await expect(jsm.streams.info(STREAM_NAME)).rejects.toThrow(/not found/i);
      await ensureStream(nc);
      const { config } = await jsm.streams.info(STREAM_NAME);
      expect(config.subjects).toEqual(['casework.>']);
      expect(config.storage).toBe(StorageType.File);
      expect(config.retention).toBe(RetentionPolicy.Limits);
      expect(config.duplicate_window).toBe(FIVE_MINUTES_NS);
      expect(config.max_age).toBe(FOURTEEN_DAYS_NS);
    });

    it('is idempotent and brings a drifted stream back to the configuration, keeping its messages', async () => {
      const subject = Subjects.TicketStatusChanged;
      await new JetStreamPublisher(nc).publish(envelope(subject, { ticketId: randomUUID(), from: 'open', to: 'pending' }));
      const before = await countOf(subject);
      const current = (await jsm.streams.info(STREAM_NAME)).config;
      await jsm.streams.update(STREAM_NAME, { ...current, duplicate_window: nanos(1000) });
      expect((await jsm.streams.info(STREAM_NAME)).config.duplicate_window).toBe(nanos(1000));

      await ensureStream(nc);
      await ensureStream(nc);

      const info = await jsm.streams.info(STREAM_NAME);
      expect(info.config.duplicate_window).toBe(FIVE_MINUTES_NS);
      expect(await countOf(subject)).toBe(before);
    });
  });

  describe('JetStreamPublisher', () => {
    beforeAll(async () => ensureStream(nc));

    it('stores an envelope published twice under the same id once, with Nats-Msg-Id = event id', async () => {
      const publisher = new JetStreamPublisher(nc);
      const event = envelope(Subjects.MailReceived, { rawMessageId: randomUUID(), mailboxId: randomUUID() });
      const before = await countOf(Subjects.MailReceived);

      await publisher.publish(event);
      await publisher.publish(event);

      expect(await countOf(Subjects.MailReceived)).toBe(before + 1);
      const stored = await lastMessageOf(Subjects.MailReceived);
      expect(stored?.header.get('Nats-Msg-Id')).toBe(event.id);
      expect(stored?.json<EventEnvelope>()).toEqual(event);

      // What the publisher cannot show (it returns void): the broker reports the repeat as a duplicate of the same sequence.
      const js = jetstream(nc);
      const again = await js.publish(event.subject, JSON.stringify(event), { msgID: event.id });
      expect(again.duplicate).toBe(true);
      expect(again.seq).toBe(stored?.seq);
    });

    it('keeps envelopes with distinct ids apart, even with identical payloads', async () => {
      const publisher = new JetStreamPublisher(nc);
      const data = { rawMessageId: randomUUID(), reason: 'empty' };
      const before = await countOf(Subjects.MailQuarantined);
      const first = envelope(Subjects.MailQuarantined, data);
      const second = envelope(Subjects.MailQuarantined, data);
      await publisher.publish(first);
      await publisher.publish(second);
      await publisher.publish(first);
      expect(await countOf(Subjects.MailQuarantined)).toBe(before + 2);
    });

    it('still deduplicates after a nats-server restart (file storage keeps the dedupe state)', async () => {
      const publisher = new JetStreamPublisher(nc);
      const event = envelope(Subjects.SlaBreached, {
        clockId: randomUUID(),
        ticketId: randomUUID(),
        kind: 'first_response',
        dueAt: new Date().toISOString(),
        breachedAt: new Date().toISOString(),
      });
      await publisher.publish(event);
      const before = await countOf(Subjects.SlaBreached);

      await nats.restart();
      // connectNats reconnects forever; publishing works again once JetStream is back.
      await eventually(() => publisher.publish(event), { timeoutMs: 15_000, intervalMs: 200 });
      await publisher.publish(event);

      expect(await countOf(Subjects.SlaBreached)).toBe(before);
    }, 30_000);
  });

  describe('UnitOfWork and OutboxRelay', () => {
    const warnings: string[] = [];
    const logger = { info: () => undefined, warn: (_obj: object, msg: string) => void warnings.push(msg) };
    let relay: OutboxRelay;
    let unitOfWork: UnitOfWork;

    beforeAll(async () => {
      await ensureStream(nc);
      relay = new OutboxRelay(ds, new JetStreamPublisher(nc), logger);
      unitOfWork = new UnitOfWork(ds, relay);
    });

    afterAll(async () => {
      await relay?.stop();
    });

    async function outboxRow(id: string): Promise<{ subject: string; published_at: Date | null } | undefined> {
      const [row] = await ds.query('SELECT subject, published_at FROM outbox WHERE id = $1', [id]);
      return row;
    }

    it('commits the state change and its event together, then publishes the event under its id', async () => {
      const slug = `uow-${randomUUID().slice(0, 8)}`;
      const before = await countOf(Subjects.TicketStatusChanged);
      const emitted = await unitOfWork.run(async (tx, emit) => {
        await tx.query(`INSERT INTO queue (slug, name, address) VALUES ($1, 'UoW', 'uow@casework.test')`, [slug]);
        return emit(Subjects.TicketStatusChanged, { ticketId: randomUUID(), from: 'open', to: 'resolved' });
      });

      expect(await ds.query('SELECT 1 FROM queue WHERE slug = $1', [slug])).toHaveLength(1);
      const row = await outboxRow(emitted.id);
      expect(row?.subject).toBe(Subjects.TicketStatusChanged);
      expect(row?.published_at).toBeInstanceOf(Date);
      expect(await countOf(Subjects.TicketStatusChanged)).toBe(before + 1);
      const stored = await lastMessageOf(Subjects.TicketStatusChanged);
      expect(stored?.header.get('Nats-Msg-Id')).toBe(emitted.id);
      expect(stored?.json<EventEnvelope>()).toEqual(emitted);
    });

    it('publishes nothing when the work rolls back', async () => {
      const slug = `rollback-${randomUUID().slice(0, 8)}`;
      const before = await countOf(Subjects.TicketStatusChanged);
      let emittedId = '';
      await expect(
        unitOfWork.run(async (tx, emit) => {
          await tx.query(`INSERT INTO queue (slug, name, address) VALUES ($1, 'Rollback', 'rb@casework.test')`, [slug]);
          emittedId = (await emit(Subjects.TicketStatusChanged, { ticketId: randomUUID(), from: 'open', to: 'closed' })).id;
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');

      expect(emittedId).not.toBe('');
      expect(await outboxRow(emittedId)).toBeUndefined();
      expect(await ds.query('SELECT 1 FROM queue WHERE slug = $1', [slug])).toHaveLength(0);
      expect(await countOf(Subjects.TicketStatusChanged)).toBe(before);
    });

    it('runOnce does the work once per consumer and event id', async () => {
      const event = envelope(Subjects.MailReceived, { rawMessageId: randomUUID(), mailboxId: randomUUID() });
      let runs = 0;
      const work = async () => void (runs += 1);
      expect(await unitOfWork.runOnce('test-consumer', event, work)).toBe(true);
      expect(await unitOfWork.runOnce('test-consumer', event, work)).toBe(false);
      expect(await unitOfWork.runOnce('other-consumer', event, work)).toBe(true);
      expect(runs).toBe(2);
    });

    it('leaves an event whose publish failed to the sweep, which publishes it exactly once', async () => {
      const failing = { publish: async () => Promise.reject(new Error('nats unreachable')) } as unknown as JetStreamPublisher;
      const brokenRelay = new OutboxRelay(ds, failing, logger);
      const emitted = await new UnitOfWork(ds, brokenRelay).run((_tx, emit) =>
        emit(Subjects.ReplyRequested, { outboundId: randomUUID(), ticketId: randomUUID() }),
      );
      expect(warnings).toContain('publish failed; the outbox sweep will retry');
      expect((await outboxRow(emitted.id))?.published_at).toBeNull();
      const before = await countOf(Subjects.ReplyRequested);

      // Within the grace period the sweep leaves the row to the writer's fast path.
      const graceful = new OutboxRelay(ds, new JetStreamPublisher(nc), logger, { sweepIntervalMs: 100, sweepGraceMs: 60_000, batchSize: 10 });
      expect(await graceful.sweep()).toBe(0);

      // The background sweep (as started in every service) publishes it.
      const sweeper = new OutboxRelay(ds, new JetStreamPublisher(nc), logger, { sweepIntervalMs: 100, sweepGraceMs: 0, batchSize: 10 });
      sweeper.start();
      try {
        await eventually(async () => {
          expect((await outboxRow(emitted.id))?.published_at).toBeInstanceOf(Date);
        });
      } finally {
        await sweeper.stop();
      }
      expect(await sweeper.sweep()).toBe(0);
      expect(await countOf(Subjects.ReplyRequested)).toBe(before + 1);
      const stored = await lastMessageOf(Subjects.ReplyRequested);
      expect(stored?.json<EventEnvelope>()).toEqual(emitted);

      // A re-publish (e.g. marking it published failed) is absorbed by the broker.
      await new JetStreamPublisher(nc).publish(emitted);
      expect(await countOf(Subjects.ReplyRequested)).toBe(before + 1);
    });
  });
});
