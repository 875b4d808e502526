import { randomBytes } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import { createDataSource, seedDefaults } from '@casework/database';
import { SERVICE_NAMES, startOnFreePort, startService, type ServiceName } from './casework-services.js';
import type { TestDatabase } from './create-database.js';
import { freePort } from './free-port.js';
import type { ManagedProcess } from './spawn-service.js';
import { startDovecot, type PrivateDovecot } from './start-dovecot.js';
import { startNats, type PrivateNats } from './start-nats.js';
import { startNatsCluster, type PrivateNatsCluster } from './start-nats-cluster.js';
import { startPostgres, type PrivatePostgres } from './start-postgres.js';
import { startSmtpCatcher, type SmtpCatcher, type StartSmtpCatcherOptions } from './start-smtp-catcher.js';
import { createMigratedDatabase } from './template-database.js';

export interface SuiteOptions {
  /** First-response target of the seeded default policy. */
  firstResponseMinutes?: number;
  queueAddress?: string;
  opsEmail?: string;
  logLevel?: string;
  printLogs?: boolean;
  /** Receives every output line of every service (instead of printing it), e.g. to keep full logs in files. */
  logLine?: (service: ServiceName, line: string) => void;
  /**
   * Run the database on a private PostgreSQL cluster (initdb + postgres in a temp dir) instead
   * of the shared server, so a test can restart it (`suite.postgres.restart()`).
   */
  privatePostgres?: boolean;
  /** Extra environment for every service, e.g. routing's RECONCILE_GRACE_MS. */
  env?: Record<string, string>;
  /** false: the SMTP catcher keeps raw bytes and envelopes only (benchmarks); default true. */
  parseCaughtMail?: boolean;
  /** The SMTP catcher hands every mail Casework sends on to this server (see StartSmtpCatcherOptions.relay). */
  smtpRelay?: StartSmtpCatcherOptions['relay'];
  /** Services started by start() (default: all five); the others can be started later with startService(). */
  services?: readonly ServiceName[];
  /** A private JetStream cluster of this many nodes (the stream at 3 replicas, or fewer nodes' worth) instead of one nats-server. */
  natsCluster?: number;
  /** Processes of each service started (default 1); replica 1 is `services`, the others `replicas` (`routing#2`). */
  replicas?: number;
}

/** The key of one replica of a service: `routing` for the first, `routing#2` after it. */
export function replicaKey(name: ServiceName, replica: number): string {
  return replica === 1 ? name : `${name}#${replica}`;
}

/**
 * The whole suite on private real servers: a fresh database, a private nats-server,
 * Dovecot and SMTP catcher, and the five services as separate processes.
 */
export class CaseworkSuite {
  readonly services = new Map<ServiceName, ManagedProcess>();
  /** Replicas beyond the first, by replicaKey. */
  readonly replicas = new Map<string, ManagedProcess>();
  /** The HTTP port each replica serves (the api its API, the others /health and /metrics), by replicaKey. */
  readonly httpPorts = new Map<string, number>();
  /** With `natsCluster`: the cluster (`nats` then stands for all of it: its url lists every member, restart restarts each in turn). */
  natsCluster: PrivateNatsCluster | undefined;
  readonly token = 'suite-token-' + Math.random().toString(36).slice(2).padEnd(12, '0');

  private constructor(
    readonly database: TestDatabase,
    readonly nats: PrivateNats,
    readonly dovecot: PrivateDovecot,
    readonly smtp: SmtpCatcher,
    /** Moves only if another process took it between its choice and the api's start. */
    public apiPort: number,
    readonly env: NodeJS.ProcessEnv,
    private readonly serviceOutput: boolean | ((service: ServiceName, line: string) => void),
    /** The private cluster holding `database`, with `privatePostgres`; undefined on the shared server. */
    readonly postgres: PrivatePostgres | undefined,
  ) {}

  static async start(options: SuiteOptions = {}): Promise<CaseworkSuite> {
    const queueAddress = options.queueAddress ?? 'safety@casework.test';
    // What is up so far, stopped again (last first) when a later step fails.
    const started: { stop(): Promise<void> }[] = [];
    const track = async <T extends { stop(): Promise<void> }>(server: Promise<T>): Promise<T> => {
      const value = await server;
      started.push(value);
      return value;
    };
    let postgres: PrivatePostgres | undefined;
    let database: TestDatabase, nats: PrivateNats, dovecot: PrivateDovecot, smtp: SmtpCatcher, apiPort: number;
    try {
      if (options.privatePostgres) postgres = await track(startPostgres());
      database = await createMigratedDatabase(postgres?.url);
      // A private cluster takes its databases with it; on the shared server the database is dropped.
      if (!postgres) started.push({ stop: () => database.drop() });
      const dataSource = createDataSource({ url: database.url, poolSize: 2 });
      await dataSource.initialize();
      try {
        await seedDefaults(dataSource, { queueAddress, firstResponseMinutes: options.firstResponseMinutes ?? 60 });
      } finally {
        await dataSource.destroy();
      }
      const servers = [track(options.natsCluster ? startNatsCluster(options.natsCluster).then(clusterAsNats) : startNats()), track(startDovecot()), track(startSmtpCatcher({ parse: options.parseCaughtMail, relay: options.smtpRelay }))] as const;
      // Settled all before looking at any, so none of them is left running untracked.
      await Promise.allSettled(servers);
      [nats, dovecot, smtp] = await Promise.all(servers);
      apiPort = await freePort();
    } catch (error) {
      for (const server of started.reverse()) await server.stop().catch(() => undefined);
      throw error;
    }
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      DATABASE_URL: database.url,
      NATS_URL: nats.url,
      IMAP_HOST: dovecot.host,
      IMAP_PORT: String(dovecot.port),
      IMAP_TLS: 'false',
      IMAP_USER: dovecot.user,
      IMAP_PASSWORD: dovecot.password,
      IMAP_MAILBOX: 'INBOX',
      SMTP_HOST: smtp.host,
      SMTP_PORT: String(smtp.port),
      SMTP_TLS: 'false',
      MAIL_FROM: queueAddress,
      OPS_EMAIL: options.opsEmail ?? 'ops@casework.test',
      SLA_FIRST_RESPONSE_MINUTES: String(options.firstResponseMinutes ?? 60),
      SLA_SWEEP_MAX_SLEEP_MS: '250',
      PORT: String(apiPort),
      LOG_LEVEL: options.logLevel ?? 'info',
      NATS_STREAM_REPLICAS: String(Math.min(3, options.natsCluster ?? 1)),
      MAILBOX_SECRET_KEY: randomBytes(32).toString('base64'),
      ...options.env,
    };
    const suite = new CaseworkSuite(database, nats, dovecot, smtp, apiPort, { ...env, API_BOOTSTRAP_TOKEN: '' }, options.logLine ?? options.printLogs ?? false, postgres);
    suite.env.API_BOOTSTRAP_TOKEN = suite.token;
    suite.natsCluster = (nats as ClusterAsNats).cluster;
    try {
      await Promise.all((options.services ?? SERVICE_NAMES).map((name) => suite.startService(name)));
      for (let replica = 2; replica <= (options.replicas ?? 1); replica++) {
        await Promise.all((options.services ?? SERVICE_NAMES).map((name) => suite.startService(name, replica)));
      }
    } catch (error) {
      await suite.stop();
      throw error;
    }
    return suite;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.apiPort}/api/v1`;
  }

  /** (Re)starts one service (replica 1: the one `services` names) and waits for its /health. */
  async startService(name: ServiceName, replica = 1): Promise<ManagedProcess> {
    const output = this.serviceOutput;
    // The first api serves the suite's API URL; other replicas and services their own port.
    const servesSuiteApi = name === 'api' && replica === 1;
    const { service } = await startOnFreePort(
      (port) => {
        if (servesSuiteApi) {
          this.apiPort = port;
          this.env.PORT = String(port);
        }
        const env = name === 'api' ? { ...this.env, PORT: String(port) } : { ...this.env, HTTP_PORT: String(port) };
        const started = startService(name, env, typeof output === 'function' ? (line) => output(name, line) : output);
        if (replica === 1) this.services.set(name, started);
        else this.replicas.set(replicaKey(name, replica), started);
        this.httpPorts.set(replicaKey(name, replica), port);
        return started;
      },
      (port) => (name === 'api' ? `http://127.0.0.1:${port}/api/v1/health` : `http://127.0.0.1:${port}/health`),
      servesSuiteApi ? this.apiPort : undefined,
    );
    return service;
  }

  /** One replica's process (replica 1: `services`). */
  replica(name: ServiceName, replica: number): ManagedProcess | undefined {
    return replica === 1 ? this.services.get(name) : this.replicas.get(replicaKey(name, replica));
  }

  /** A connected IMAP client on the suite's mailbox, as a stakeholder's mail server would be. */
  async imap(): Promise<ImapFlow> {
    const client = new ImapFlow({
      host: this.dovecot.host,
      port: this.dovecot.port,
      secure: false,
      auth: { user: this.dovecot.user, pass: this.dovecot.password },
      logger: false,
    });
    await client.connect();
    return client;
  }

  /** Delivers one raw message into the watched mailbox. */
  async append(raw: string | Buffer): Promise<void> {
    const client = await this.imap();
    try {
      await client.append('INBOX', raw);
    } finally {
      await client.logout();
    }
  }

  /** Authenticated JSON call to the API. */
  async api<T = unknown>(path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
    const response = await fetch(this.apiUrl + path, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** Output of every service, for a failing test's message. */
  logs(): string {
    return [...this.services.values(), ...this.replicas.values()].map((s) => `--- ${s.name}\n${s.recentOutput()}`).join('\n');
  }

  async stop(): Promise<void> {
    await Promise.allSettled([...this.services.values(), ...this.replicas.values()].map((s) => s.kill()));
    await Promise.allSettled([this.nats.stop(), this.dovecot.stop(), this.smtp.stop()]);
    // A private cluster is removed with its data dir; no need to drop the database first.
    if (this.postgres) await this.postgres.stop().catch(() => undefined);
    else await this.database.drop().catch(() => undefined);
  }
}

type ClusterAsNats = PrivateNats & { cluster?: PrivateNatsCluster };

/** A cluster in the shape of one server: its URL lists every member; a restart restarts each member in turn. */
function clusterAsNats(cluster: PrivateNatsCluster): ClusterAsNats {
  return {
    cluster,
    url: cluster.url,
    port: cluster.nodes[0].port,
    stop: () => cluster.stop(),
    async restart() {
      for (const node of cluster.nodes) {
        await node.kill('SIGTERM');
        await node.start();
      }
    },
  };
}
