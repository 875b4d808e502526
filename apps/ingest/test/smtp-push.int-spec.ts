import { connect as connectTcp, type Socket } from 'node:net';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Subjects } from '@casework/contracts';
import { createDataSource, QueueRepository, runMigrations, seedDefaults } from '@casework/database';
import { createDatabase, createTempDir, eventually, freePort, IntegrationBed, QUEUE_ADDRESS, removeDir, sha256, startNats, startPostgres, type PrivatePostgres, type Worker } from '@casework/devkit';

interface Reply {
  code: number;
  text: string;
}

/**
 * A deliberately small SMTP/LMTP client over a raw socket: every reply is visible (nodemailer
 * hides per-recipient and multi-reply details), and a session can be paused between commands.
 */
class MailClient {
  private buffer = '';
  private readonly replies: Reply[] = [];
  private waiting: (() => void) | null = null;
  private closed = false;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.parse();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiting?.();
    });
    socket.on('error', () => undefined);
  }

  static async open(port: number, hello: 'EHLO' | 'LHLO' = 'EHLO'): Promise<MailClient> {
    const socket = connectTcp({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const client = new MailClient(socket);
    expect((await client.reply()).code).toBe(220);
    expect((await client.command(`${hello} client.test`)).code).toBe(250);
    return client;
  }

  async reply(): Promise<Reply> {
    const deadline = Date.now() + 15_000;
    while (this.replies.length === 0) {
      if (this.closed) throw new Error('connection closed while waiting for a reply');
      if (Date.now() > deadline) throw new Error('no SMTP reply within 15 s');
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
        setTimeout(resolve, 100);
      });
      this.waiting = null;
    }
    return this.replies.shift()!;
  }

  async command(line: string): Promise<Reply> {
    this.socket.write(`${line}\r\n`);
    return this.reply();
  }

  /** DATA with dot-stuffing; `replies` is the number of recipients under LMTP. */
  async data(message: Buffer, replies = 1): Promise<Reply[]> {
    const go = await this.command('DATA');
    if (go.code !== 354) return [go];
    const stuffed = message.toString('latin1').replace(/(^|\r\n)\./g, '$1..');
    this.socket.write(Buffer.from(`${stuffed}${stuffed.endsWith('\r\n') ? '' : '\r\n'}.\r\n`, 'latin1'));
    const result: Reply[] = [];
    for (let i = 0; i < replies; i++) result.push(await this.reply());
    return result;
  }

  async quit(): Promise<void> {
    if (!this.closed) await this.command('QUIT').catch(() => undefined);
    this.socket.destroy();
  }

  private parse(): void {
    let lines: string[] = [];
    for (;;) {
      const end = this.buffer.indexOf('\r\n');
      if (end < 0) break;
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      lines.push(line.slice(4));
      if (line[3] !== '-') {
        this.replies.push({ code: Number(line.slice(0, 3)), text: lines.join('\n') });
        lines = [];
      }
    }
    this.waiting?.();
  }
}

interface Delivery {
  mail: Reply;
  rcpt: Reply[];
  data: Reply[];
}

/** One complete transaction: MAIL, every RCPT, DATA (only when a recipient was accepted). */
async function deliver(port: number, message: Buffer, to: string[], options: { from?: string; lmtp?: boolean; mailParams?: string } = {}): Promise<Delivery> {
  const client = await MailClient.open(port, options.lmtp ? 'LHLO' : 'EHLO');
  try {
    const mail = await client.command(`MAIL FROM:<${options.from ?? 'rita@example.org'}>${options.mailParams ?? ''}`);
    if (mail.code !== 250) return { mail, rcpt: [], data: [] };
    const rcpt: Reply[] = [];
    for (const address of to) rcpt.push(await client.command(`RCPT TO:<${address}>`));
    const accepted = rcpt.filter((r) => r.code === 250).length;
    const data = accepted > 0 ? await client.data(message, options.lmtp ? accepted : 1) : [];
    return { mail, rcpt, data };
  } finally {
    await client.quit();
  }
}

function mail(lines: string[], body: string): Buffer {
  return Buffer.from([...lines, '', body, ''].join('\r\n'));
}

interface RawRow {
  id: string;
  mailbox_id: string;
  source: string;
  uid_validity: string | null;
  uid: string | null;
  envelope_from: string | null;
  envelope_to: string[] | null;
  sha256: string;
  message_id: string | null;
  size: number;
  raw: Buffer;
  status: string;
  duplicate_of: string | null;
}

describe('ingest SMTP/LMTP push (built process, private Postgres that the test stops, private NATS)', () => {
  const bed = new IntegrationBed();
  let pgDir: string;
  let pgPort: number;
  let postgres: PrivatePostgres | null = null;
  let ingest: Worker;
  let smtpPort: number;
  const MAX_BYTES = 4096;

  const logs = () => bed.logs();

  async function rawRows(): Promise<RawRow[]> {
    return bed.ds.query(
      `SELECT id, mailbox_id, source, uid_validity, uid, envelope_from, envelope_to, sha256, message_id, size, raw, status, duplicate_of
       FROM raw_message ORDER BY received_at, id`,
    );
  }

  async function outboxCount(): Promise<number> {
    const [{ count }] = await bed.ds.query('SELECT count(*)::int AS count FROM outbox');
    return count;
  }

  beforeAll(async () => {
    pgDir = await createTempDir('smtp-push-pg');
    pgPort = await freePort();
    const [pg, nats] = await Promise.all([startPostgres({ dir: pgDir, port: pgPort }), startNats()]);
    postgres = pg;
    bed.nats = nats;
    bed.db = await createDatabase({ adminUrl: pg.url });
    await runMigrations(bed.db.url);
    bed.ds = createDataSource({ url: bed.db.url, poolSize: 4, applicationName: 'casework-int-test' });
    await bed.ds.initialize();
    await seedDefaults(bed.ds, { queueAddress: QUEUE_ADDRESS, firstResponseMinutes: 60 });
    bed.nc = await connect({ servers: nats.url, name: 'casework-int-test' });
    bed.js = jetstream(bed.nc, { timeout: 5000 });

    smtpPort = await freePort();
    // SMTP only: no IMAP_* at all.
    ingest = await bed.startWorker('ingest', bed.baseEnv({ SMTP_LISTEN_PORT: String(smtpPort), SMTP_MAX_BYTES: String(MAX_BYTES) }));
  }, 60_000);

  afterAll(async () => {
    await bed.stop();
    await postgres?.stop();
    await removeDir(pgDir);
  }, 60_000);

  it('answers 250 only after the raw message (source smtp) and its event have committed', async () => {
    const source = mail(
      ['From: Rita Reporter <rita@example.org>', 'To: safety@casework.test', 'Subject: Pushed report', 'Message-ID: <push-1@example.org>'],
      'Pushed over SMTP.\r\n.A line starting with a dot survives dot-stuffing.',
    );
    const outboxBefore = await outboxCount();
    const result = await deliver(smtpPort, source, ['Safety@Casework.TEST']);
    // Checked at once: the 250 must not have been sent before the commit.
    const rows = await rawRows();
    const outboxAfter = await outboxCount();

    expect(result.rcpt.map((r) => r.code)).toEqual([250]);
    expect(result.data).toEqual([{ code: 250, text: expect.stringMatching(/^2\.0\.0 stored as /) }]);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({
      source: 'smtp',
      uid_validity: null,
      uid: null,
      envelope_from: 'rita@example.org',
      envelope_to: ['Safety@Casework.TEST'],
      sha256: sha256(source),
      message_id: 'push-1@example.org',
      size: source.length,
      status: 'received',
      duplicate_of: null,
    });
    expect(Buffer.compare(row.raw, source)).toBe(0);
    expect(result.data[0].text).toContain(row.id);
    expect(outboxAfter).toBe(outboxBefore + 1);

    // The queue address got its own SMTP mailbox row in the default queue.
    const [mailbox] = await bed.ds.query('SELECT id, address, transport, queue_id FROM mailbox WHERE id = $1', [row.mailbox_id]);
    const [queue] = await bed.ds.query('SELECT id FROM queue WHERE is_default');
    expect(mailbox).toEqual({ id: row.mailbox_id, address: QUEUE_ADDRESS, transport: 'smtp', queue_id: queue.id });

    const events = await eventually(async () => {
      const found = await bed.events(Subjects.MailReceived);
      expect(found).toHaveLength(1);
      return found;
    }, { describe: logs });
    expect(events[0].envelope.data).toEqual({ rawMessageId: row.id, mailboxId: row.mailbox_id });
  });

  it('rejects an unknown recipient with 550 at RCPT and stores nothing for it', async () => {
    const rowsBefore = await rawRows();
    const outboxBefore = await outboxCount();
    const source = mail(['From: x@example.org', 'To: nobody@casework.test', 'Subject: Wrong door'], 'Nobody reads this.');

    const result = await deliver(smtpPort, source, ['nobody@casework.test']);
    expect(result.rcpt).toEqual([{ code: 550, text: '5.1.1 <nobody@casework.test>: no such mailbox here' }]);
    expect(result.data).toEqual([]);
    expect(await rawRows()).toHaveLength(rowsBefore.length);
    expect(await outboxCount()).toBe(outboxBefore);

    // A known recipient next to an unknown one: only the known one receives it.
    const mixed = mail(['From: x@example.org', 'To: nobody@casework.test, safety@casework.test', 'Subject: Two doors'], 'One of them is ours.');
    const both = await deliver(smtpPort, mixed, ['nobody@casework.test', QUEUE_ADDRESS]);
    expect(both.rcpt.map((r) => r.code)).toEqual([550, 250]);
    expect(both.data.map((r) => r.code)).toEqual([250]);
    const added = (await rawRows()).slice(rowsBefore.length);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ sha256: sha256(mixed), envelope_to: [QUEUE_ADDRESS], status: 'received' });
  });

  it('rejects a message over SMTP_MAX_BYTES with 552 and stores nothing', async () => {
    const rowsBefore = (await rawRows()).length;
    const outboxBefore = await outboxCount();
    const big = mail(['From: big@example.org', 'To: safety@casework.test', 'Subject: Too big'], 'x'.repeat(76).concat('\r\n').repeat(100));
    expect(big.length).toBeGreaterThan(MAX_BYTES);

    const ehlo = await MailClient.open(smtpPort);
    const capabilities = await ehlo.command('EHLO client.test');
    await ehlo.quit();
    expect(capabilities.text).toContain(`SIZE ${MAX_BYTES}`);

    // Undeclared size: refused after DATA.
    const result = await deliver(smtpPort, big, [QUEUE_ADDRESS]);
    expect(result.data).toEqual([{ code: 552, text: `5.3.4 message exceeds the maximum size of ${MAX_BYTES} bytes` }]);
    // Declared size: refused at MAIL FROM.
    const declared = await deliver(smtpPort, big, [QUEUE_ADDRESS], { mailParams: ` SIZE=${big.length}` });
    expect(declared.mail.code).toBe(552);

    expect(await rawRows()).toHaveLength(rowsBefore);
    expect(await outboxCount()).toBe(outboxBefore);
    // The session stays usable after a refused message.
    const small = mail(['From: small@example.org', 'To: safety@casework.test', 'Subject: Small', 'Message-ID: <small-3@example.org>'], 'Fits.');
    expect((await deliver(smtpPort, small, [QUEUE_ADDRESS])).data.map((r) => r.code)).toEqual([250]);
  });

  it('answers 4xx while Postgres is down; once it is back the retried message is stored exactly once, a resend is a duplicate', async () => {
    const source = mail(
      ['From: Dora Down <dora@example.org>', 'To: safety@casework.test', 'Subject: Sent during the outage', 'Message-ID: <outage-4@example.org>'],
      'The sending server keeps this queued until Casework accepts it.',
    );
    const eventsBefore = (await bed.events(Subjects.MailReceived)).length;

    // A session that got its recipient accepted, then loses the database before DATA.
    const session = await MailClient.open(smtpPort);
    expect((await session.command('MAIL FROM:<dora@example.org>')).code).toBe(250);
    expect((await session.command(`RCPT TO:<${QUEUE_ADDRESS}>`)).code).toBe(250);

    await postgres!.stop();
    postgres = null;
    try {
      const [dataReply] = await session.data(source);
      expect(dataReply).toEqual({ code: 451, text: '4.3.0 temporary failure, try again later' });
      await session.quit();

      // A new session cannot even have its recipient checked: 451 at RCPT.
      const whileDown = await deliver(smtpPort, source, [QUEUE_ADDRESS], { from: 'dora@example.org' });
      expect(whileDown.rcpt).toEqual([{ code: 451, text: '4.3.0 temporary failure, try again later' }]);
      expect(whileDown.data).toEqual([]);
      expect(ingest.process.child.exitCode).toBeNull();
    } finally {
      postgres = await startPostgres({ dir: pgDir, port: pgPort });
    }

    // The sending server retries as an MTA does: 4xx means later, 5xx would bounce the mail.
    const accepted = await eventually(
      async () => {
        const attempt = await deliver(smtpPort, source, [QUEUE_ADDRESS], { from: 'dora@example.org' });
        const codes = [...attempt.rcpt, ...attempt.data].map((r) => r.code);
        if (codes.some((code) => code >= 500)) return attempt; // fails below, with the reply
        expect(attempt.data.map((r) => r.code)).toEqual([250]);
        return attempt;
      },
      { timeoutMs: 20_000, intervalMs: 500, describe: logs },
    );
    expect(accepted.rcpt.map((r) => r.code)).toEqual([250]);
    expect(accepted.data.map((r) => r.code)).toEqual([250]);

    const copies = async () => (await rawRows()).filter((r) => r.sha256 === sha256(source));
    const stored = (await copies()).filter((r) => r.status !== 'duplicate');
    expect(stored).toHaveLength(1);
    const events = await eventually(async () => {
      const found = await bed.events(Subjects.MailReceived);
      expect(found).toHaveLength(eventsBefore + 1);
      return found;
    }, { describe: logs });
    expect(events.filter((e) => e.envelope.data.rawMessageId === stored[0].id)).toHaveLength(1);

    // The MTA never saw the 250 (say) and sends the same bytes again: recorded, not routed again.
    const outboxBefore = await outboxCount();
    const resend = await deliver(smtpPort, source, [QUEUE_ADDRESS], { from: 'dora@example.org' });
    expect(resend.data.map((r) => r.code)).toEqual([250]);
    const after = await copies();
    expect(after.filter((r) => r.status !== 'duplicate').map((r) => r.id)).toEqual([stored[0].id]);
    const duplicates = after.filter((r) => r.status === 'duplicate');
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]).toMatchObject({ duplicate_of: stored[0].id, source: 'smtp', envelope_from: 'dora@example.org' });
    expect(duplicates[0].raw).toHaveLength(0);
    expect(await outboxCount()).toBe(outboxBefore);
    expect(await bed.events(Subjects.MailReceived)).toHaveLength(eventsBefore + 1);
  }, 90_000);

  it('speaks LMTP with SMTP_LMTP=true: one reply per recipient, one raw message per receiving mailbox', async () => {
    await new QueueRepository().upsert(bed.ds, { slug: 'abuse', name: 'Abuse', address: 'abuse@casework.test', isDefault: false });
    const lmtpPort = await freePort();
    const lmtp = await bed.startWorker('ingest', bed.baseEnv({ SMTP_LISTEN_PORT: String(lmtpPort), SMTP_LMTP: 'true' }));
    try {
      const rowsBefore = (await rawRows()).length;
      const eventsBefore = (await bed.events(Subjects.MailReceived)).length;
      const source = mail(['From: lena@example.org', 'To: safety@casework.test, abuse@casework.test', 'Subject: Both teams', 'Message-ID: <lmtp-5@example.org>'], 'For two queues.');

      const result = await deliver(lmtpPort, source, [QUEUE_ADDRESS, 'nobody@casework.test', 'abuse@casework.test'], { from: 'lena@example.org', lmtp: true });
      expect(result.rcpt.map((r) => r.code)).toEqual([250, 550, 250]);
      expect(result.data.map((r) => r.code)).toEqual([250, 250]);

      const added = (await rawRows()).slice(rowsBefore);
      expect(added).toHaveLength(2);
      const mailboxes: { id: string; address: string; queue_slug: string }[] = await bed.ds.query(
        'SELECT m.id, m.address, q.slug AS queue_slug FROM mailbox m JOIN queue q ON q.id = m.queue_id WHERE m.id = ANY($1) ORDER BY q.slug',
        [added.map((r) => r.mailbox_id)],
      );
      expect(mailboxes.map((m) => [m.address, m.queue_slug])).toEqual([
        ['abuse@casework.test', 'abuse'],
        [QUEUE_ADDRESS, 'safety'],
      ]);
      for (const row of added) expect(row).toMatchObject({ source: 'smtp', sha256: sha256(source), status: 'received' });
      expect(added.map((r) => r.envelope_to).sort()).toEqual([[QUEUE_ADDRESS], ['abuse@casework.test']].sort());
      await eventually(async () => expect(await bed.events(Subjects.MailReceived)).toHaveLength(eventsBefore + 2), { describe: logs });
    } finally {
      await bed.stopWorker(lmtp);
    }
  });

  it('stops gracefully on SIGTERM, closing the listener', async () => {
    const started = Date.now();
    await bed.stopWorker(ingest);
    // Well inside the 10 s after which the kill would have escalated to SIGKILL.
    expect(Date.now() - started).toBeLessThan(8000);
    expect(ingest.process.child.signalCode ?? ingest.process.child.exitCode).not.toBe('SIGKILL');
    await expect(MailClient.open(smtpPort)).rejects.toThrow();
  });
});
