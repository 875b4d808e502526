import { connect } from '@nats-io/transport-node';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { createDatabase, databaseExists, DEFAULT_ADMIN_URL } from './create-database.js';
import { requireBinary } from './require-binary.js';
import { pollUntil } from './poll-until.js';
import { spawnService } from './spawn-service.js';
import { startDovecot, type PrivateDovecot } from './start-dovecot.js';
import { startNats } from './start-nats.js';
import { startPostgres } from './start-postgres.js';
import { startSmtpCatcher } from './start-smtp-catcher.js';

const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? DEFAULT_ADMIN_URL;

function imapClient(server: PrivateDovecot, extra: { disableAutoIdle?: boolean } = {}): ImapFlow {
  return new ImapFlow({
    host: server.host,
    port: server.port,
    secure: false,
    auth: { user: server.user, pass: server.password },
    logger: false,
    ...extra,
  });
}

function rawMessage(subject: string): string {
  return [
    'From: Reporter <reporter@example.org>',
    'To: Casework <casework@example.org>',
    `Subject: ${subject}`,
    `Message-ID: <${subject.replaceAll(' ', '-')}@example.org>`,
    '',
    `Body of ${subject}`,
    '',
  ].join('\r\n');
}

describe('devkit private servers', () => {
  describe('dovecot', () => {
    let server: PrivateDovecot;

    beforeAll(async () => {
      const started = Date.now();
      server = await startDovecot();
      // Startup speed matters: every integration suite pays it.
      expect(Date.now() - started).toBeLessThan(5000);
    }, 30000);

    afterAll(async () => {
      await server?.stop();
    });

    it('stores an APPENDed message and returns it', async () => {
      const client = imapClient(server);
      await client.connect();
      try {
        await client.append('INBOX', rawMessage('appended one'));
        const lock = await client.getMailboxLock('INBOX');
        try {
          const message = await client.fetchOne('*', { envelope: true, source: true });
          expect(message && message.envelope?.subject).toBe('appended one');
          expect(message && message.source?.toString()).toContain('Body of appended one');
        } finally {
          lock.release();
        }
      } finally {
        await client.logout();
      }
    });

    it('notifies an IDLE session of a message APPENDed by another connection', async () => {
      const watcher = imapClient(server, { disableAutoIdle: true });
      const writer = imapClient(server);
      await watcher.connect();
      await writer.connect();
      try {
        const before = (await watcher.mailboxOpen('INBOX')).exists;
        const notified = new Promise<number>((resolve) => watcher.on('exists', (data) => resolve(data.count)));
        void watcher.idle();
        // Give IDLE a moment to be accepted before the change happens.
        await new Promise((resolve) => setTimeout(resolve, 200));
        await writer.append('INBOX', rawMessage('seen while idling'));
        await expect(notified).resolves.toBe(before + 1);
      } finally {
        await writer.logout();
        await watcher.logout();
      }
    });
  });

  it('starts nats with JetStream and survives a restart', async () => {
    const nats = await startNats();
    try {
      let nc = await connect({ servers: nats.url });
      const info = nc.info;
      expect(info?.jetstream).toBe(true);
      await nc.close();
      await nats.restart();
      nc = await connect({ servers: nats.url });
      await nc.flush();
      await nc.close();
    } finally {
      await nats.stop();
    }
  });

  it('catches mail sent over SMTP', async () => {
    const catcher = await startSmtpCatcher();
    try {
      const transport = nodemailer.createTransport({ host: catcher.host, port: catcher.port, secure: false, ignoreTLS: true });
      const waiting = catcher.waitFor((m) => m.subject === 'Hello catcher');
      await transport.sendMail({
        from: 'app@casework.test',
        to: 'someone@example.org',
        subject: 'Hello catcher',
        text: 'caught text',
        headers: { 'X-Casework-Ticket': 'CW-1' },
      });
      const mail = await waiting;
      expect(mail.envelopeFrom).toBe('app@casework.test');
      expect(mail.envelopeTo).toEqual(['someone@example.org']);
      expect(mail.text.trim()).toBe('caught text');
      expect(mail.headers.get('x-casework-ticket')).toBe('CW-1');
      expect(mail.messageId).toMatch(/^<.+>$/);
      await expect(catcher.waitFor((m) => m.subject === 'never sent', 100)).rejects.toThrow(/no caught mail matched/);
    } finally {
      await catcher.stop();
    }
  });

  it('creates, uses and drops a database', async () => {
    const db = await createDatabase({ adminUrl });
    const client = new pg.Client({ connectionString: db.url });
    // drop() terminates this session; pg reports that as an 'error' event.
    const terminated = new Promise<Error>((resolve) => client.on('error', resolve));
    await client.connect();
    const result = await client.query<{ one: number }>('select 1 as one');
    expect(result.rows[0]?.one).toBe(1);
    // drop() must cope with connections still open.
    await db.drop();
    await expect(terminated).resolves.toMatchObject({ code: '57P01' });
    await client.end().catch(() => undefined);
    await expect(databaseExists(adminUrl, db.name)).resolves.toBe(false);
  });

  it('explains how to start PostgreSQL when none is reachable', async () => {
    await expect(createDatabase({ adminUrl: 'postgres://postgres:secret@127.0.0.1:1/postgres' })).rejects.toThrow(
      /PostgreSQL is not reachable at postgres:\/\/postgres@127\.0\.0\.1:1\/postgres: start it with/,
    );
  });

  it('starts, restarts and stops a private postgres', async () => {
    const server = await startPostgres();
    try {
      const query = async (): Promise<number> => {
        const client = new pg.Client({ connectionString: server.url });
        await client.connect();
        try {
          return (await client.query<{ one: number }>('select 1 as one')).rows[0]?.one ?? 0;
        } finally {
          await client.end();
        }
      };
      expect(await query()).toBe(1);
      await server.restart();
      expect(await query()).toBe(1);
    } finally {
      await server.stop();
    }
  }, 60000);

  it('fails with an install hint for a missing binary', () => {
    expect(() => requireBinary('definitely-not-installed-binary', 'install it somehow')).toThrow(
      'definitely-not-installed-binary not found: install it somehow',
    );
  });

  it('keeps recent output of a managed process and kills it', async () => {
    const proc = spawnService({
      name: 'echo',
      command: process.execPath,
      args: ['-e', 'console.log("hello"); console.error("oops"); setInterval(() => {}, 1000)'],
      env: process.env,
    });
    await pollUntil(async () => {
      if (!proc.recentOutput().includes('oops')) throw new Error('no output yet');
    }, { timeoutMs: 10000, what: 'output of the managed process' });
    await proc.kill();
    await expect(proc.exited).resolves.toBeNull();
    expect(proc.recentOutput()).toContain('hello');
    expect(proc.recentOutput()).toContain('oops');
  });
});
