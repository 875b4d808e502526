import type { NatsConnection } from '@nats-io/transport-node';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { Subjects, type EventEnvelope } from '@casework/contracts';
import { createDataSource, DeadLetterRepository, type DeadLetterRecord } from '@casework/database';
import { createMigratedDatabase, envelope, eventually, startNats, type PrivateNats, type TestDatabase } from '@casework/devkit';
import { JetStreamPublisher } from '../src/jetstream-publisher.js';
import { JetStreamServer } from '../src/jetstream.server.js';
import { connectNats, ensureStream } from '../src/nats-connection.js';

const MAX_DELIVER = 3;

describe('messaging: a poison event ends in the dead letters while the events behind it flow', () => {
  let nats: PrivateNats;
  let db: TestDatabase;
  let ds: DataSource;
  let nc: NatsConnection;
  let server: JetStreamServer;
  const deadLetters = new DeadLetterRepository();
  const handled: string[] = [];
  let poisonAttempts = 0;

  const opened = (ticketId: string) =>
    envelope(Subjects.TicketOpened, {
      ticketId,
      ticketNumber: 'CW-1',
      queueId: 'q',
      articleId: 'a',
      priority: 'normal',
      requester: { email: 'a@example.org', name: null },
      subject: 's',
      automation: { automated: false, reason: null },
    });

  beforeAll(async () => {
    [nats, db] = await Promise.all([startNats(), createMigratedDatabase()]);
    ds = createDataSource({ url: db.url, poolSize: 2, applicationName: 'casework-dead-letter-test' });
    await ds.initialize();
    nc = await connectNats(nats.url, 'casework-dead-letter-test');
    await ensureStream(nc);
    server = new JetStreamServer({
      natsUrl: nats.url,
      serviceName: 'deadlettertest',
      logger: pino({ level: 'silent' }),
      maxDeliver: MAX_DELIVER,
      deadLetters: (letter) => deadLetters.record(ds, letter),
    });
    server.addHandler(
      Subjects.TicketOpened,
      async (event: EventEnvelope<typeof Subjects.TicketOpened>) => {
        if (event.data.ticketId === 'poison') {
          poisonAttempts++;
          throw new Error('this event always fails');
        }
        handled.push(event.data.ticketId);
      },
      true,
    );
    await new Promise<void>((resolve, reject) => void server.listen((error?: unknown) => (error ? reject(error) : resolve())));
  }, 30_000);

  afterAll(async () => {
    await server?.close();
    await nc?.close().catch(() => undefined);
    if (ds?.isInitialized) await ds.destroy();
    await nats?.stop();
    await db?.drop();
  }, 30_000);

  it(`retries a failing event ${MAX_DELIVER} times, records it once and stops; the events behind it are handled meanwhile`, async () => {
    const publisher = new JetStreamPublisher(nc);
    const poison = opened('poison');
    await publisher.publish(poison);
    for (const id of ['t1', 't2', 't3']) await publisher.publish(opened(id));

    await eventually(() => expect(handled).toEqual(['t1', 't2', 't3']), { timeoutMs: 5_000 });
    expect(poisonAttempts).toBeLessThan(MAX_DELIVER);

    const [letter] = await eventually(
      async () => {
        const letters = await deadLetters.list(ds, { limit: 10 });
        expect(letters).toHaveLength(1);
        return letters;
      },
      { timeoutMs: 20_000 },
    );
    expect(letter).toMatchObject<Partial<DeadLetterRecord>>({
      consumer: 'deadlettertest_casework_ticket_opened',
      subject: Subjects.TicketOpened,
      eventId: poison.id,
      deliveries: MAX_DELIVER,
      envelope: poison,
      rawPayload: null,
    });
    expect(letter!.error).toContain('this event always fails');
    // Terminated: no further delivery costs CPU.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(poisonAttempts).toBe(MAX_DELIVER);
  }, 40_000);

  it('dead-letters an envelope of an unknown version or that is not JSON at once, without calling the handler', async () => {
    const before = handled.length;
    const js = (await import('@nats-io/jetstream')).jetstream(nc);
    const future = { ...opened('from-the-future'), version: 2 };
    await js.publish(Subjects.TicketOpened, JSON.stringify(future), { msgID: future.id });
    await js.publish(Subjects.TicketOpened, 'not json at all', { msgID: 'garbage-1' });
    await new JetStreamPublisher(nc).publish(opened('t4'));

    await eventually(
      async () => {
        const letters = await deadLetters.list(ds, { limit: 10 });
        expect(letters.map((l) => [l.error, l.deliveries])).toEqual([
          ['not JSON', 1],
          ['unknown envelope version 2', 1],
          [expect.stringContaining('always fails'), MAX_DELIVER],
        ]);
        expect(letters[0]!.rawPayload).toBe('not json at all');
      },
      { timeoutMs: 10_000 },
    );
    await eventually(() => expect(handled.slice(before)).toEqual(['t4']));
  }, 20_000);
});
