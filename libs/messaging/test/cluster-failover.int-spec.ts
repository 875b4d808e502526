import { setTimeout as sleep } from 'node:timers/promises';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { STREAM_NAME, Subjects, type EventEnvelope } from '@casework/contracts';
import { createDataSource } from '@casework/database';
import { createMigratedDatabase, eventually, startNatsCluster, type PrivateNatsCluster, type TestDatabase } from '@casework/devkit';
import { JetStreamPublisher } from '../src/jetstream-publisher.js';
import { JetStreamServer } from '../src/jetstream.server.js';
import { connectNats, ensureStream } from '../src/nats-connection.js';
import { OutboxRelay } from '../src/outbox-relay.js';
import { UnitOfWork } from '../src/unit-of-work.js';

const EVENTS = 600;

/**
 * A three-node JetStream cluster, the stream at three replicas: events written through the
 * outbox while the stream's leader is SIGKILLed (and later started again) all reach a durable
 * consumer — the relay re-publishes with the same Nats-Msg-Id, the pull consumer carries on
 * under the new leader. Redeliveries are allowed (consumers deduplicate); a lost event is not.
 */
describe('messaging on a clustered JetStream: a leader change loses no event', () => {
  let cluster: PrivateNatsCluster;
  let db: TestDatabase;
  let ds: DataSource;
  let nc: NatsConnection;
  let relay: OutboxRelay;
  let server: JetStreamServer;
  const received = new Map<string, number>();
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    [cluster, db] = await Promise.all([startNatsCluster(3), createMigratedDatabase()]);
    ds = createDataSource({ url: db.url, poolSize: 4, applicationName: 'casework-cluster-test' });
    await ds.initialize();
    nc = await connectNats(cluster.url, 'casework-cluster-test');
    await ensureStream(nc, 3);
    relay = new OutboxRelay(ds, new JetStreamPublisher(nc), logger, { sweepIntervalMs: 250, sweepGraceMs: 500, batchSize: 200 });
    relay.start();
    server = new JetStreamServer({ natsUrl: cluster.url, streamReplicas: 3, serviceName: 'clustertest', logger, ackWaitMs: 5_000 });
    server.addHandler(
      Subjects.TicketStatusChanged,
      async (event: EventEnvelope<typeof Subjects.TicketStatusChanged>) => {
        received.set(event.data.ticketId, (received.get(event.data.ticketId) ?? 0) + 1);
      },
      true,
    );
    await new Promise<void>((resolve, reject) => void server.listen((error?: unknown) => (error ? reject(error) : resolve())));
  }, 90_000);

  afterAll(async () => {
    await server?.close();
    await relay?.stop();
    await nc?.close().catch(() => undefined);
    if (ds?.isInitialized) await ds.destroy();
    await cluster?.stop();
    await db?.drop();
  }, 60_000);

  it('keeps three replicas, and a second service asking for one lowers nothing', async () => {
    const jsm = await jetstreamManager(nc);
    expect((await jsm.streams.info(STREAM_NAME)).config.num_replicas).toBe(3);
    const lowered: number[] = [];
    await ensureStream(nc, 1, (current) => lowered.push(current));
    expect(lowered).toEqual([3]);
    expect((await jsm.streams.info(STREAM_NAME)).config.num_replicas).toBe(3);
  });

  it(`delivers all ${EVENTS} events written while the stream leader is killed and restarted`, async () => {
    const unitOfWork = new UnitOfWork(ds, relay);
    const ids = Array.from({ length: EVENTS }, (_, i) => `t${i}`);
    let written = 0;
    const writing = (async () => {
      for (const ticketId of ids) {
        await unitOfWork.run((_tx, emit) => emit(Subjects.TicketStatusChanged, { ticketId, from: 'open', to: 'pending' }));
        written += 1;
        await sleep(5);
      }
    })();

    await eventually(() => expect(received.size).toBeGreaterThan(EVENTS / 6), { timeoutMs: 30_000 });
    const leader = await cluster.streamLeader(STREAM_NAME);
    await leader.kill('SIGKILL');
    // The kill lands mid-run: events are still being written.
    expect(written).toBeLessThan(EVENTS);
    const next = await cluster.streamLeader(STREAM_NAME);
    expect(next.name).not.toBe(leader.name);
    await writing;
    await leader.start();

    await eventually(() => expect(received.size).toBe(EVENTS), { timeoutMs: 90_000, intervalMs: 250 });
    expect(ids.filter((id) => !received.has(id))).toEqual([]);
    // Every row of the outbox was published in the end (the sweep took what the fast path could not).
    await eventually(async () => expect((await ds.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`))[0].n).toBe(0), { timeoutMs: 30_000 });
  }, 180_000);
});
