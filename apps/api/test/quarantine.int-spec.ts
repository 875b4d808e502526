import { randomUUID } from 'node:crypto';
import { Subjects } from '@casework/contracts';
import { ManagedMailboxRepository, RawMessageRepository } from '@casework/database';
import { envelope, eventually, freePort, IntegrationBed, sha256, startService, waitForHealthy, type ManagedProcess, type Worker } from '@casework/devkit';
import type { QuarantinePageDto } from '../src/quarantine/dto/quarantined-message.dto.js';

const CONSUMER = 'routing_casework_mail_received';
const TOKEN = 'quarantine-int-test-token-0123456789';
const SMALL_LIMIT = 2000;
const UNKNOWN_ID = '8c0a9b4e-3f57-4c1e-9d2a-6f0e1b2c3d4e';
const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

type ErrorBody = { statusCode: number; code?: string; fields?: Record<string, string[]> };

function mail(subject: string, body: string): Buffer {
  const headers = ['From: rita@example.org', 'To: safety@casework.test', `Subject: ${subject}`, `Message-ID: <${randomUUID()}@example.org>`];
  return Buffer.from([...headers, '', body, ''].join('\r\n'));
}

describe('quarantine API (built api + routing processes)', () => {
  let bed: IntegrationBed;
  let api: ManagedProcess;
  let base: string;
  let routing: Worker;
  let mailboxId: string;
  let defaultQueueId: string;
  let uid = 0;
  const rawMessages = new RawMessageRepository();
  // A big, real report: over the small limit routing first runs with, fine under the default.
  const BIG = mail('Screenshots of the harassment', `Please look at these.\r\n${'evidence '.repeat(400)}`);
  let big: string;
  let noise: string;
  let ticketed: string;

  const call = async <T>(path: string, init: RequestInit & { token?: string | null } = {}): Promise<{ status: number; headers: Headers; body: T }> => {
    const { token = TOKEN, ...rest } = init;
    const response = await fetch(`${base}${path}`, { ...rest, headers: token === null ? {} : { authorization: `Bearer ${token}` } });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T };
  };

  async function route(source: Buffer, into = mailboxId): Promise<string> {
    uid += 1;
    const rawMessageId = await rawMessages.insert(bed.ds, { mailboxId: into, uidValidity: 1n, uid: BigInt(uid), sha256: sha256(source), messageId: `m${uid}@example.org`, raw: source });
    if (!rawMessageId) throw new Error('raw message not inserted');
    const ack = await bed.publish(envelope(Subjects.MailReceived, { rawMessageId, mailboxId: into }));
    await bed.waitForConsumer(CONSUMER, ack.seq, 20_000);
    return rawMessageId;
  }

  async function rawStatus(id: string): Promise<{ status: string; quarantine_reason: string | null }> {
    const [row] = await bed.ds.query('SELECT status, quarantine_reason FROM raw_message WHERE id = $1', [id]);
    return row;
  }

  const startRouting = (env: NodeJS.ProcessEnv = {}) => bed.startWorker('routing', bed.baseEnv(env));

  beforeAll(async () => {
    bed = await IntegrationBed.start();
    mailboxId = (
      await new ManagedMailboxRepository().upsertBootstrap(bed.ds, { address: 'safety@casework.test', imapHost: '127.0.0.1', imapPort: 143, imapUser: 'casework', folder: 'INBOX' })
    ).id;
    [{ id: defaultQueueId }] = await bed.ds.query('SELECT id FROM queue WHERE is_default');
    const port = await freePort();
    base = `http://127.0.0.1:${port}/api/v1`;
    api = startService('api', { ...bed.baseEnv({ LOG_LEVEL: 'warn' }), PORT: String(port), API_BOOTSTRAP_TOKEN: TOKEN }, !!process.env.CASEWORK_TEST_LOGS);
    [routing] = await Promise.all([startRouting({ MAIL_MAX_BYTES: String(SMALL_LIMIT) }), waitForHealthy(api, `${base}/health`, 30_000)]);

    big = await route(BIG);
    ticketed = await route(mail('A normal report', 'Routed fine.'));
    noise = await route(Buffer.from('22\n'));
  }, 90_000);

  afterAll(async () => {
    await api?.kill();
    await bed?.stop();
  }, 30_000);

  it('lists quarantined messages newest first, with their reasons and without their bytes', async () => {
    const { status, body } = await call<QuarantinePageDto>('/quarantine');
    expect(status).toBe(200);
    expect(body.nextCursor).toBeNull();
    expect(body.items).toEqual([
      {
        id: noise,
        mailboxId,
        queueId: defaultQueueId,
        reason: 'not an email message (no header lines such as From, To, Subject or Date)',
        messageId: 'm3@example.org',
        size: 3,
        receivedAt: ISO,
        quarantinedAt: ISO,
      },
      {
        id: big,
        mailboxId,
        queueId: defaultQueueId,
        reason: `message is ${(BIG.length / 1024).toFixed(1)} KB, over the 2 KB limit`,
        messageId: 'm1@example.org',
        size: BIG.length,
        receivedAt: ISO,
        quarantinedAt: ISO,
      },
    ]);
  });

  it('pages with an opaque cursor and names a bad one', async () => {
    const first = (await call<QuarantinePageDto>('/quarantine?limit=1')).body;
    expect(first.items.map((item) => item.id)).toEqual([noise]);
    const second = (await call<QuarantinePageDto>(`/quarantine?limit=1&cursor=${first.nextCursor}`)).body;
    expect(second).toEqual({ items: [expect.objectContaining({ id: big })], nextCursor: null });

    for (const query of ['cursor=bm9wZQ', 'limit=0', 'limit=101', 'extra=1']) {
      const { status, body } = await call<ErrorBody>(`/quarantine?${query}`);
      expect([status, Object.keys(body.fields ?? {})]).toEqual([400, [query.split('=')[0]]]);
    }
  });

  it('serves the raw bytes exactly as received, as an attachment download', async () => {
    const response = await fetch(`${base}/quarantine/${big}/raw`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="quarantined-${big}.eml"`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await response.arrayBuffer()).equals(BIG)).toBe(true);
  });

  it('answers 404 for ids that name no quarantined message, and 401 without a token', async () => {
    for (const id of [UNKNOWN_ID, 'not-a-uuid', ticketed]) {
      const { status, body } = await call<ErrorBody>(`/quarantine/${id}/raw`);
      expect([status, body.statusCode, body.code]).toEqual([404, 404, 'QuarantinedMessageNotFound']);
    }
    for (const id of [UNKNOWN_ID, 'not-a-uuid']) {
      const { status, body } = await call<ErrorBody>(`/quarantine/${id}/retry`, { method: 'POST' });
      expect([status, body.code]).toEqual([404, 'QuarantinedMessageNotFound']);
    }
    expect((await call('/quarantine', { token: null })).status).toBe(401);
    expect((await call(`/quarantine/${big}/raw`, { token: null })).status).toBe(401);
    expect((await call(`/quarantine/${big}/retry`, { method: 'POST', token: null })).status).toBe(401);
  });

  it('refuses to retry a message that is not quarantined (409)', async () => {
    const { status, body } = await call<ErrorBody>(`/quarantine/${ticketed}/retry`, { method: 'POST' });
    expect([status, body.statusCode, body.code]).toEqual([409, 409, 'MessageNotQuarantined']);
    expect(await rawStatus(ticketed)).toMatchObject({ status: 'ticketed' });
  });

  it('retries: status back to received and mail.received in one commit; a parse that fails again quarantines again', async () => {
    const { status, body } = await call<{ rawMessageId: string }>(`/quarantine/${noise}/retry`, { method: 'POST' });
    expect([status, body]).toEqual([202, { rawMessageId: noise }]);
    const outbox: { envelope: { data: unknown } }[] = await bed.ds.query(`SELECT envelope FROM outbox WHERE subject = $1`, [Subjects.MailReceived]);
    expect(outbox.map((row) => row.envelope.data)).toEqual([{ rawMessageId: noise, mailboxId }]);

    await eventually(
      async () => {
        const quarantined = (await bed.events(Subjects.MailQuarantined)).filter((e) => e.envelope.data.rawMessageId === noise);
        expect(quarantined).toHaveLength(2);
      },
      { timeoutMs: 20_000, describe: () => bed.logs() },
    );
    expect(await rawStatus(noise)).toEqual({ status: 'quarantined', quarantine_reason: 'not an email message (no header lines such as From, To, Subject or Date)' });
  });

  it('turns the big message into a ticket once routing runs with a bigger limit', async () => {
    await bed.stopWorker(routing);
    routing = await startRouting();

    const { status } = await call(`/quarantine/${big}/retry`, { method: 'POST' });
    expect(status).toBe(202);
    await eventually(async () => expect(await rawStatus(big)).toEqual({ status: 'ticketed', quarantine_reason: null }), {
      timeoutMs: 20_000,
      describe: () => bed.logs(),
    });
    const [ticket] = await bed.ds.query('SELECT t.subject FROM article a JOIN ticket t ON t.id = a.ticket_id WHERE a.raw_message_id = $1', [big]);
    expect(ticket.subject).toBe('Screenshots of the harassment');

    expect((await call<QuarantinePageDto>('/quarantine')).body.items.map((item) => item.id)).toEqual([noise]);
    expect((await call<ErrorBody>(`/quarantine/${big}/retry`, { method: 'POST' })).status).toBe(409);
    expect((await call<ErrorBody>(`/quarantine/${big}/raw`)).status).toBe(404);
  });

  it("follows its mailbox queue's rule: a restricted queue's mail is hidden from an ungranted admin, and a granted download is audited", async () => {
    const json = (method: string, body: unknown) => ({ method, body: JSON.stringify(body), headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' } });
    const queue = (await (await fetch(`${base}/queues`, json('POST', { slug: 'cp-mail', name: 'Child protection', address: 'cp-mail@casework.test', restricted: true }))).json()) as { id: string };
    const [{ id: restrictedMailbox }] = await bed.ds.query(
      `INSERT INTO mailbox (address, imap_host, imap_port, imap_user, folder, queue_id, enabled) VALUES ('cp-mail@casework.test', '127.0.0.1', 143, 'cp', 'INBOX', $1, false) RETURNING id`,
      [queue.id],
    );
    const secret = await route(Buffer.from('no headers here either\n'), restrictedMailbox);
    await eventually(async () => expect(await rawStatus(secret)).toMatchObject({ status: 'quarantined' }), { timeoutMs: 20_000, describe: () => bed.logs() });

    const listed = async () => (await call<QuarantinePageDto>('/quarantine')).body.items.map((item) => item.id);
    expect(await listed()).not.toContain(secret);
    expect((await call<ErrorBody>(`/quarantine/${secret}/raw`)).body.code).toBe('QuarantinedMessageNotFound');
    expect((await call<ErrorBody>(`/quarantine/${secret}/retry`, { method: 'POST' })).body.code).toBe('QuarantinedMessageNotFound');

    const me = (await call<{ id: string }>('/me')).body;
    expect((await fetch(`${base}/queues/${queue.id}/access`, json('PUT', { grants: [{ userId: me.id, level: 'read' }] }))).status).toBe(200);
    expect(await listed()).toContain(secret);
    const download = await call<string>(`/quarantine/${secret}/raw`);
    expect(download.status).toBe(200);
    const reads: { action: string; subject: string; queue_id: string }[] = await bed.ds.query(`SELECT action, subject, queue_id FROM audit_event WHERE action = 'raw.read'`);
    expect(reads).toEqual([{ action: 'raw.read', subject: `raw_message:${secret}`, queue_id: queue.id }]);
    // An open queue's raw mail is no restricted read.
    expect((await call(`/quarantine/${noise}/raw`)).status).toBe(200);
    expect(await bed.ds.query(`SELECT 1 FROM audit_event WHERE action = 'raw.read'`)).toHaveLength(1);
  });

  it('documents the routes', async () => {
    const docs = base.replace(/\/v1$/, '/docs-json');
    const { paths } = (await (await fetch(docs)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/api/v1/quarantine', '/api/v1/quarantine/{id}/raw', '/api/v1/quarantine/{id}/retry']));
  });
});
