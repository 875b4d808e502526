import { resolve } from 'node:path';
import { awaitStartup, createMigratedDatabase, freePort, spawnService, startNats, waitForPort, type ManagedProcess, type PrivateNats, type TestDatabase } from '@casework/devkit';
import { createDataSource, QueueRepository, seedDefaults, TicketRepository } from '@casework/database';
import type { DataSource } from 'typeorm';

export const TOKEN = 'api-int-test-token-0123456789';
/** The api's EXPORT_SIGNING_KEY in tests (a base64 Ed25519 seed); a test that wants none passes `EXPORT_SIGNING_KEY: ''`. */
export const TEST_EXPORT_SIGNING_KEY = Buffer.alloc(32, 7).toString('base64');
const ENTRY = resolve(process.cwd(), 'dist/apps/api/src/main.js');

/** `token: null` sends no Authorization header; `json` is sent as the JSON body. */
export type RequestOptions = RequestInit & { token?: string | null; json?: unknown };

export interface SeededTicket {
  id: string;
  number: string;
  inboundMessageId: string;
}

/** A migrated, seeded database, a private NATS and the built api process talking to both. */
export class ApiFixture {
  db!: TestDatabase;
  nats!: PrivateNats;
  ds!: DataSource;
  api!: ManagedProcess;
  base = '';
  private readonly tickets = new TicketRepository();

  /**
   * `env`: settings of the api process beyond the fixture's own (e.g. a tiny DATABASE_POOL_SIZE);
   * `adminUrl`: the Postgres server to create the database on (default: the shared test server).
   */
  async start(env: NodeJS.ProcessEnv = {}, { adminUrl }: { adminUrl?: string } = {}): Promise<void> {
    this.db = await createMigratedDatabase(adminUrl);
    this.ds = createDataSource({ url: this.db.url, poolSize: 2, applicationName: 'casework-api-test' });
    await this.ds.initialize();
    await seedDefaults(this.ds, { queueAddress: 'safety@casework.test', firstResponseMinutes: 60 });
    this.nats = await startNats();
    const port = await freePort();
    this.base = `http://127.0.0.1:${port}/api/v1`;
    this.api = spawnService({
      name: 'api',
      command: process.execPath,
      args: [ENTRY],
      env: { DATABASE_URL: this.db.url, NATS_URL: this.nats.url, PORT: String(port), API_BOOTSTRAP_TOKEN: TOKEN, LOG_LEVEL: 'warn', EXPORT_SIGNING_KEY: TEST_EXPORT_SIGNING_KEY, ...env },
    });
    await awaitStartup(this.api, (signal) => waitForPort(port, '127.0.0.1', 20000, signal));
  }

  async stop(): Promise<void> {
    await this.api?.kill();
    await this.ds?.destroy().catch(() => undefined);
    await this.nats?.stop();
    await this.db?.drop();
  }

  /** A ticket with an inbound HTML article (carrying a script) and a later outbound one. */
  async seedTicket(subject: string, minutesAgo: number): Promise<SeededTicket> {
    const inboundMessageId = `${subject.replace(/\W+/g, '-')}-${minutesAgo}@reporter.example`;
    const ticket = await this.ds.transaction(async (tx) => {
      const queue = await new QueueRepository().findDefault(tx);
      const requester = { email: 'reporter@example.org', name: 'Rita Reporter' };
      const requesterId = await this.tickets.upsertContact(tx, requester);
      const opened = await this.tickets.open(tx, { subject, queueId: queue!.id, requesterId, priority: 'normal' });
      const base = { ticketId: opened.id, cc: [], inReplyTo: null, references: [], automated: false };
      await this.tickets.addArticle(tx, {
        ...base,
        direction: 'inbound',
        from: requester,
        to: [{ email: 'safety@casework.test', name: null }],
        subject,
        text: 'First message',
        html: '<p>First <b>message</b></p><script>alert("xss")</script>',
        messageId: inboundMessageId,
      });
      await this.tickets.addArticle(tx, {
        ...base,
        direction: 'outbound',
        from: { email: 'safety@casework.test', name: null },
        to: [requester],
        subject: `Re: ${subject}`,
        text: 'Second message',
        html: null,
        messageId: `ack-${inboundMessageId}`,
      });
      return opened;
    });
    // Distinct whole-minute creation times keep the newest-first order of the test deterministic.
    await this.ds.query(`UPDATE ticket SET created_at = now() - make_interval(mins => $2) WHERE id = $1`, [ticket.id, minutesAgo]);
    return { ...ticket, inboundMessageId };
  }

  /** A breached first-response clock, as the notification service would leave it. */
  async seedBreach(ticketId: string): Promise<void> {
    await this.ds.query(
      `INSERT INTO sla_clock (ticket_id, kind, started_at, due_at, state, breached_at)
       VALUES ($1, 'first_response', now() - interval '2 hours', now() - interval '1 hour', 'breached', now() - interval '59 minutes')`,
      [ticketId],
    );
  }

  /** The built-in admin the bootstrap token acts as (the seed creates it). */
  async bootstrapUserId(): Promise<string> {
    const [row] = await this.ds.query(`SELECT id FROM app_user WHERE email = 'bootstrap@casework.local'`);
    return row.id;
  }

  /** The response's status and its JSON body, typed by the caller. */
  async call<T>(path: string, init: RequestOptions = {}): Promise<{ status: number; body: T }> {
    const response = await this.request(path, init);
    return { status: response.status, body: (await response.json()) as T };
  }

  request(path: string, init: RequestOptions = {}): Promise<Response> {
    const { token = TOKEN, json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (token !== null) headers.set('authorization', `Bearer ${token}`);
    if (json !== undefined) headers.set('content-type', 'application/json');
    return fetch(path.startsWith('http') ? path : `${this.base}${path}`, {
      ...rest,
      headers,
      body: json !== undefined ? JSON.stringify(json) : rest.body,
    });
  }
}
