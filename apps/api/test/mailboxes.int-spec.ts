import { randomBytes } from 'node:crypto';
import { SecretBox } from '@casework/config';
import { freePort, IntegrationBed, startService, waitForHealthy, type ManagedProcess } from '@casework/devkit';
import type { MailboxStatusDto } from '../src/mailboxes/dto/mailbox-status.dto.js';
import type { MailboxDto, MailboxListDto } from '../src/mailboxes/dto/mailbox.dto.js';

const TOKEN = 'mailboxes-int-test-token-0123456789';
const KEY = randomBytes(32).toString('base64');
const UNKNOWN_ID = '8c0a9b4e-3f57-4c1e-9d2a-6f0e1b2c3d4e';
const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
// Distinctive, so a grep of the logs cannot match anything else.
const PASSWORDS = ['Pw-first-' + randomBytes(8).toString('hex'), 'Pw-second-' + randomBytes(8).toString('hex'), 'Pw-changed-' + randomBytes(8).toString('hex')];

type ErrorBody = { statusCode: number; code?: string; message: string; fields?: Record<string, string[]> };

interface Api {
  base: string;
  process: ManagedProcess;
  /** Every line the process printed (recentOutput keeps only the last 200). */
  output: string[];
}

describe('mailboxes API (built api process)', () => {
  let bed: IntegrationBed;
  let api: Api;
  let keyless: Api;
  let first: MailboxDto;

  async function startApi(env: NodeJS.ProcessEnv): Promise<Api> {
    const port = await freePort();
    const output: string[] = [];
    const child = startService('api', { ...bed.baseEnv({ LOG_LEVEL: 'debug' }), PORT: String(port), API_BOOTSTRAP_TOKEN: TOKEN, ...env }, (line) => {
      output.push(line);
      if (process.env.CASEWORK_TEST_LOGS) process.stdout.write(`[api] ${line}\n`);
    });
    const base = `http://127.0.0.1:${port}/api/v1`;
    await waitForHealthy(child, `${base}/health`, 30_000);
    return { base, process: child, output };
  }

  async function call<T>(path: string, init: { method?: string; json?: unknown; on?: Api } = {}): Promise<{ status: number; body: T; text: string }> {
    const response = await fetch(`${(init.on ?? api).base}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${TOKEN}`, ...(init.json === undefined ? {} : { 'content-type': 'application/json' }) },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T, text };
  }

  const valid = (overrides: Record<string, unknown> = {}) => ({
    address: 'abuse@casework.test',
    imapHost: 'imap.example.org',
    imapPort: 993,
    imapUser: 'abuse',
    password: PASSWORDS[0],
    ...overrides,
  });

  async function badFields(path: string, method: string, json: unknown): Promise<string[]> {
    const { status, body } = await call<ErrorBody>(path, { method, json });
    expect([status, body.statusCode]).toEqual([400, 400]);
    expect(body.message).toBe(`Validation failed: ${Object.keys(body.fields ?? {}).join(', ')}`);
    return Object.keys(body.fields ?? {}).sort();
  }

  beforeAll(async () => {
    bed = await IntegrationBed.start();
    [api, keyless] = await Promise.all([startApi({ MAILBOX_SECRET_KEY: KEY }), startApi({})]);
  }, 90_000);

  afterAll(async () => {
    await Promise.allSettled([api?.process.kill(), keyless?.process.kill()]);
    await bed?.stop();
  }, 30_000);

  it('creates a mailbox with defaults, seals the password with MAILBOX_SECRET_KEY and never returns it', async () => {
    const created = await call<MailboxDto>('/mailboxes', { method: 'POST', json: valid() });
    expect(created.status).toBe(201);
    first = created.body;
    expect(first).toEqual({
      id: expect.any(String),
      address: 'abuse@casework.test',
      imapHost: 'imap.example.org',
      imapPort: 993,
      imapTls: true,
      imapUser: 'abuse',
      folder: 'INBOX',
      queue: { id: expect.any(String), slug: 'safety' },
      afterCommit: 'none',
      enabled: true,
      passwordStored: true,
      createdAt: ISO,
      updatedAt: ISO,
    });
    expect(created.text).not.toContain(PASSWORDS[0]);
    expect(created.text).not.toMatch(/password"/i);

    const [row] = await bed.ds.query('SELECT password_sealed FROM mailbox WHERE id = $1', [first.id]);
    expect(row.password_sealed).toMatch(/^v1:/);
    expect(row.password_sealed).not.toContain(PASSWORDS[0]);
    expect(SecretBox.fromSetting(KEY).open(row.password_sealed, first.id)).toBe(PASSWORDS[0]);
    // Bound to its row: the sealed value does not open as another mailbox's.
    expect(() => SecretBox.fromSetting(KEY).open(row.password_sealed, UNKNOWN_ID)).toThrow();

    const second = await call<MailboxDto>('/mailboxes', {
      method: 'POST',
      json: valid({ address: 'second@casework.test', imapTls: false, imapPort: 143, folder: 'Reports', queue: 'safety', afterCommit: 'move:Done', enabled: false, password: PASSWORDS[1] }),
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ imapPort: 143, imapTls: false, folder: 'Reports', afterCommit: 'move:Done', enabled: false, queue: { slug: 'safety' } });

    // The queue by id works as well as by slug.
    const byId = await call<MailboxDto>('/mailboxes', { method: 'POST', json: valid({ folder: 'ById', queue: first.queue!.id, afterCommit: 'seen', password: PASSWORDS[1] }) });
    expect([byId.status, byId.body.queue?.slug, byId.body.afterCommit]).toEqual([201, 'safety', 'seen']);

    const list = await call<MailboxListDto>('/mailboxes');
    expect(list.status).toBe(200);
    expect(list.body.items.map((m) => m.id)).toEqual([first.id, second.body.id, byId.body.id]);
    const one = await call<MailboxDto>(`/mailboxes/${first.id}`);
    expect(one.body).toEqual(first);
    for (const text of [list.text, one.text]) for (const password of PASSWORDS) expect(text).not.toContain(password);
  });

  it('names every bad field (400)', async () => {
    expect(await badFields('/mailboxes', 'POST', {})).toEqual(['address', 'imapHost', 'imapUser', 'password']);
    expect(
      await badFields('/mailboxes', 'POST', valid({ address: 'not-an-address', imapHost: 'bad host!', imapPort: 70000, imapTls: 'yes', password: '', afterCommit: 'delete', enabled: 'no', extra: 1 })),
    ).toEqual(['address', 'afterCommit', 'enabled', 'extra', 'imapHost', 'imapPort', 'imapTls', 'password']);
    expect(await badFields('/mailboxes', 'POST', valid({ folder: 'Inbox', afterCommit: 'move:Inbox' }))).toEqual(['afterCommit']);
    expect(await badFields('/mailboxes', 'POST', valid({ folder: 'Elsewhere', queue: 'no-such-queue' }))).toEqual(['queue']);
    expect(await badFields(`/mailboxes/${first.id}`, 'PATCH', { imapPort: 'x', afterCommit: 'move:' })).toEqual(['afterCommit', 'imapPort']);
    expect(await badFields(`/mailboxes/${first.id}`, 'PATCH', { afterCommit: 'move:INBOX' })).toEqual(['afterCommit']);
  });

  it('refuses a second mailbox for the same host, port, user and folder (409)', async () => {
    const { status, body } = await call<ErrorBody>('/mailboxes', { method: 'POST', json: valid({ imapHost: 'IMAP.Example.ORG', address: 'other@casework.test', password: PASSWORDS[1] }) });
    expect([status, body.code]).toEqual([409, 'MailboxConflict']);
    expect(body.message).toContain(first.id);

    // Moving another mailbox onto the same identity conflicts too.
    const other = (await call<MailboxListDto>('/mailboxes')).body.items.find((m) => m.folder === 'ById')!;
    const patched = await call<ErrorBody>(`/mailboxes/${other.id}`, { method: 'PATCH', json: { folder: 'INBOX', afterCommit: 'none' } });
    expect([patched.status, patched.body.code]).toEqual([409, 'MailboxConflict']);
  });

  it('changes only the given fields; a new password is sealed anew and still never returned', async () => {
    const [before] = await bed.ds.query('SELECT password_sealed FROM mailbox WHERE id = $1', [first.id]);
    const { status, body, text } = await call<MailboxDto>(`/mailboxes/${first.id}`, {
      method: 'PATCH',
      json: { folder: 'Abuse', afterCommit: 'seen', password: PASSWORDS[2], imapTls: false },
    });
    expect(status).toBe(200);
    expect(body).toEqual({ ...first, folder: 'Abuse', afterCommit: 'seen', imapTls: false, updatedAt: ISO });
    expect(Date.parse(body.updatedAt)).toBeGreaterThan(Date.parse(first.updatedAt));
    expect(text).not.toContain(PASSWORDS[2]);
    const [after] = await bed.ds.query('SELECT password_sealed FROM mailbox WHERE id = $1', [first.id]);
    expect(after.password_sealed).not.toBe(before.password_sealed);
    expect(SecretBox.fromSetting(KEY).open(after.password_sealed, first.id)).toBe(PASSWORDS[2]);

    const untouched = await call<MailboxDto>(`/mailboxes/${first.id}`, { method: 'PATCH', json: { address: 'abuse-team@casework.test' } });
    expect(untouched.body).toMatchObject({ address: 'abuse-team@casework.test', folder: 'Abuse', afterCommit: 'seen', passwordStored: true });
    const [kept] = await bed.ds.query('SELECT password_sealed FROM mailbox WHERE id = $1', [first.id]);
    expect(kept.password_sealed).toBe(after.password_sealed);
    first = untouched.body;
  });

  it('reports status: unheld without an ingest replica, disabled when disabled', async () => {
    const { status, body } = await call<MailboxStatusDto>(`/mailboxes/${first.id}/status`);
    expect(status).toBe(200);
    expect(body).toEqual({ state: 'unheld', holder: null, lagMessages: null, catchUpTotal: null, lastUid: null, lastError: null, lastErrorAt: null, leaseRenewedAt: null });
    await call(`/mailboxes/${first.id}`, { method: 'PATCH', json: { enabled: false } });
    expect((await call<MailboxStatusDto>(`/mailboxes/${first.id}/status`)).body.state).toBe('disabled');
    await call(`/mailboxes/${first.id}`, { method: 'PATCH', json: { enabled: true } });
  });

  it('answers 404 for unknown and malformed ids on every route', async () => {
    for (const id of [UNKNOWN_ID, 'not-a-uuid']) {
      for (const [method, path, json] of [
        ['GET', `/mailboxes/${id}`, undefined],
        ['PATCH', `/mailboxes/${id}`, { enabled: false }],
        ['DELETE', `/mailboxes/${id}`, undefined],
        ['GET', `/mailboxes/${id}/status`, undefined],
      ] as const) {
        const { status, body } = await call<ErrorBody>(path, { method, json });
        expect([method, path, status, body.code]).toEqual([method, path, 404, 'MailboxNotFound']);
      }
    }
  });

  it('deletes softly (404 afterwards, password forgotten) and re-creating revives the same mailbox', async () => {
    const deleted = await fetch(`${api.base}/mailboxes/${first.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(deleted.status).toBe(204);
    expect((await call<ErrorBody>(`/mailboxes/${first.id}`)).status).toBe(404);
    expect((await call<ErrorBody>(`/mailboxes/${first.id}/status`)).status).toBe(404);
    expect((await call<ErrorBody>(`/mailboxes/${first.id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await call<MailboxListDto>('/mailboxes')).body.items.map((m) => m.id)).not.toContain(first.id);
    const [row] = await bed.ds.query('SELECT enabled, deleted_at, password_sealed FROM mailbox WHERE id = $1', [first.id]);
    expect(row).toEqual({ enabled: false, deleted_at: expect.any(Date), password_sealed: null });

    const again = await call<MailboxDto>('/mailboxes', { method: 'POST', json: valid({ folder: 'Abuse', password: PASSWORDS[0] }) });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: first.id, folder: 'Abuse', afterCommit: 'none', enabled: true, passwordStored: true });
  });

  it('without MAILBOX_SECRET_KEY refuses to store a password (503) but still lists', async () => {
    const { status, body } = await call<ErrorBody>('/mailboxes', { method: 'POST', json: valid({ folder: 'NoKey' }), on: keyless });
    expect([status, body.code]).toEqual([503, 'MailboxSecretKeyMissing']);
    expect(body.message).toContain('MAILBOX_SECRET_KEY');
    const patched = await call<ErrorBody>(`/mailboxes/${first.id}`, { method: 'PATCH', json: { password: 'x' }, on: keyless });
    expect(patched.status).toBe(503);
    expect((await call<MailboxDto>(`/mailboxes/${first.id}`, { method: 'PATCH', json: { enabled: true }, on: keyless })).status).toBe(200);
    expect((await call<MailboxListDto>('/mailboxes', { on: keyless })).body.items.length).toBeGreaterThan(0);
  });

  it('requires the token', async () => {
    const response = await fetch(`${api.base}/mailboxes`);
    expect(response.status).toBe(401);
  });

  it('refuses to start with a malformed MAILBOX_SECRET_KEY, naming the setting but not its value', async () => {
    const badKey = 'Zm9vYmFy-secret-ish-but-not-32-bytes';
    const output: string[] = [];
    const child = startService('api', { ...bed.baseEnv(), PORT: String(await freePort()), API_BOOTSTRAP_TOKEN: TOKEN, MAILBOX_SECRET_KEY: badKey }, (line) => output.push(line));
    expect(await child.exited).toBe(78);
    const text = output.join('\n');
    expect(text).toContain('MAILBOX_SECRET_KEY');
    expect(text).not.toContain(badKey);
  });

  it('never wrote a password to its log', () => {
    const text = [...api.output, ...keyless.output].join('\n');
    expect(api.output.length).toBeGreaterThan(0);
    for (const password of PASSWORDS) expect(text).not.toContain(password);
  });
});
