import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager, type PubAck } from '@nats-io/jetstream';
import { connect, nanos, type NatsConnection } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import { STREAM_NAME, type EventEnvelope, type EventSubject } from '@casework/contracts';
import { createDataSource, seedDefaults } from '@casework/database';
import { startOnFreePort, startService, type ServiceName } from './casework-services.js';
import type { TestDatabase } from './create-database.js';
import { eventually } from './eventually.js';
import type { ManagedProcess } from './spawn-service.js';
import { startNats, type PrivateNats } from './start-nats.js';
import { createMigratedDatabase } from './template-database.js';

/**
 * Shared plumbing of the service integration tests (ingest, routing, template-reply,
 * notification, api): a private migrated+seeded database, a private nats-server, the
 * compiled services as child processes, and raw JetStream access to publish and read events.
 *
 * Deliberately free of jest globals: tsconfig.build.json compiles it with the sources.
 */

export const QUEUE_ADDRESS = 'safety@casework.test';
export const OPS_EMAIL = 'ops@casework.test';

export interface StreamEvent<S extends EventSubject = EventSubject> {
  seq: number;
  subject: string;
  /** The `Nats-Msg-Id` header the publisher set. */
  msgId: string | null;
  envelope: EventEnvelope<S>;
}

export interface Worker {
  name: ServiceName;
  process: ManagedProcess;
  httpPort: number;
}

export interface BedOptions {
  firstResponseMinutes?: number;
  queueAddress?: string;
  /** A private cluster's admin URL (e.g. one the test stops), else the shared test server. */
  adminUrl?: string;
}

/** One test file's private world. */
export class IntegrationBed {
  db!: TestDatabase;
  ds!: DataSource;
  nats!: PrivateNats;
  nc!: NatsConnection;
  js!: JetStreamClient;
  readonly workers: Worker[] = [];

  static async start(options: BedOptions = {}): Promise<IntegrationBed> {
    const bed = new IntegrationBed();
    try {
      const [db, nats] = await Promise.all([createMigratedDatabase(options.adminUrl), startNats()]);
      bed.db = db;
      bed.nats = nats;
      bed.ds = createDataSource({ url: db.url, poolSize: 4, applicationName: 'casework-int-test' });
      await bed.ds.initialize();
      await seedDefaults(bed.ds, { queueAddress: options.queueAddress ?? QUEUE_ADDRESS, firstResponseMinutes: options.firstResponseMinutes ?? 60 });
      bed.nc = await connect({ servers: nats.url, name: 'casework-int-test' });
      bed.js = jetstream(bed.nc, { timeout: 5000 });
    } catch (error) {
      await bed.stop();
      throw error;
    }
    return bed;
  }

  /** The environment every service gets, as casework-suite.ts builds it. */
  baseEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      DATABASE_URL: this.db.url,
      NATS_URL: this.nats.url,
      MAIL_FROM: QUEUE_ADDRESS,
      LOG_LEVEL: 'info',
      ...extra,
    };
  }

  /** Starts a compiled service (dist/) and waits for its /health: its consumers then exist. */
  async startWorker(name: ServiceName, env: NodeJS.ProcessEnv): Promise<Worker> {
    let worker: Worker | undefined;
    await startOnFreePort(
      (httpPort) => {
        const child = startService(name, { ...env, HTTP_PORT: String(httpPort) }, !!process.env.CASEWORK_TEST_LOGS);
        // Tracked at once: a start that fails is still stopped with the bed.
        worker = { name, process: child, httpPort };
        this.workers.push(worker);
        return child;
      },
      (httpPort) => `http://127.0.0.1:${httpPort}/health`,
    );
    return worker!;
  }

  async stopWorker(worker: Worker, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await worker.process.kill(signal);
    const index = this.workers.indexOf(worker);
    if (index >= 0) this.workers.splice(index, 1);
  }

  /** Recent output of every running service, appended to failure messages. */
  logs(): string {
    return this.workers.map((w) => `--- ${w.name} (pid ${w.process.pid})\n${w.process.recentOutput()}`).join('\n');
  }

  async jsm(): Promise<JetStreamManager> {
    return jetstreamManager(this.nc, { timeout: 5000 });
  }

  /** Publishes an envelope as the services do: `Nats-Msg-Id` = event id unless overridden. */
  async publish(envelope: EventEnvelope, msgID: string = envelope.id): Promise<PubAck> {
    return this.js.publish(envelope.subject, JSON.stringify(envelope), { msgID });
  }

  /**
   * Every message of `subject` currently in the CASEWORK stream, oldest first, read with an
   * ephemeral pull consumer (single `filter_subject`: the apt nats-server 2.9 lacks the
   * `filter_subjects` that ordered consumers of @nats-io/jetstream 3 send).
   */
  async events<S extends EventSubject>(subject: S): Promise<StreamEvent<S>[]> {
    const jsm = await this.jsm();
    let count: number;
    try {
      const info = await jsm.streams.info(STREAM_NAME, { subjects_filter: subject });
      count = info.state.subjects?.[subject] ?? 0;
    } catch (error) {
      if (error instanceof Error && /not found/i.test(error.message)) return [];
      throw error;
    }
    if (count === 0) return [];
    const { name } = await jsm.consumers.add(STREAM_NAME, {
      filter_subject: subject,
      ack_policy: AckPolicy.None,
      deliver_policy: DeliverPolicy.All,
      inactive_threshold: nanos(30_000),
    });
    const consumer = await this.js.consumers.get(STREAM_NAME, name);
    const events: StreamEvent<S>[] = [];
    try {
      while (events.length < count) {
        const message = await consumer.next({ expires: 2000 });
        if (!message) break;
        events.push({ seq: message.seq, subject: message.subject, msgId: message.headers?.get('Nats-Msg-Id') ?? null, envelope: message.json<EventEnvelope<S>>() });
      }
    } finally {
      await consumer.delete().catch(() => undefined);
    }
    if (events.length < count) throw new Error(`read ${events.length} of ${count} ${subject} messages`);
    return events;
  }

  /**
   * Waits until a service's durable consumer acked everything up to `streamSeq`: the handler
   * has committed (the transport acks after the handler resolved), so negative assertions hold.
   */
  async waitForConsumer(durable: string, streamSeq: number, timeoutMs = 10_000): Promise<void> {
    const jsm = await this.jsm();
    await eventually(
      async () => {
        const info = await jsm.consumers.info(STREAM_NAME, durable);
        if (info.ack_floor.stream_seq < streamSeq || info.num_ack_pending > 0) {
          throw new Error(
            `consumer ${durable} acked up to stream seq ${info.ack_floor.stream_seq} (want ${streamSeq}), ` +
              `${info.num_ack_pending} unacked, ${info.num_redelivered} redelivered`,
          );
        }
      },
      { timeoutMs, describe: () => this.logs() },
    );
  }

  async stop(): Promise<void> {
    await Promise.allSettled(this.workers.splice(0).map((w) => w.process.kill()));
    await this.nc?.close().catch(() => undefined);
    if (this.ds?.isInitialized) await this.ds.destroy().catch(() => undefined);
    await this.nats?.stop().catch(() => undefined);
    await this.db?.drop().catch(() => undefined);
  }
}
