import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import { seedCase, type SeededCase } from '../../../test/support/seed-case.js';
import { ApiFixture, TOKEN } from './api-fixture.js';

const CLI = resolve(process.cwd(), 'dist/scripts/cli.js');
const API = resolve(process.cwd(), 'dist/apps/api/src/main.js');
const run = promisify(execFile);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every entry of a zip, in order, with its bytes (test-sized zips only). */
async function entriesOf(path: string): Promise<[string, Buffer][]> {
  const zip = await promisify<string, yauzl.Options, yauzl.ZipFile>(yauzl.open)(path, { lazyEntries: true });
  const out: [string, Buffer][] = [];
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    out.push([entry.fileName, Buffer.concat(chunks)]);
  }
  zip.close();
  return out;
}

async function writeZip(path: string, entries: [string, Buffer][]): Promise<void> {
  const zip = new ZipFile();
  for (const [name, bytes] of entries) zip.addBuffer(bytes, name);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
}

async function verify(path: string, publicKey: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, 'export:verify', path, '--public-key', publicKey]);
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

// Bytes routing would never rewrite: 8-bit, bare LF and CRLF mixed, no final line break.
const MAILS = [
  { raw: Buffer.from('From: Rita <reporter@example.org>\r\nSubject: Threat\r\n\r\nHe said he would find me.\r\n'), attachments: [{ filename: 'screenshot.png', content: randomBytes(70_000) }] },
  {
    raw: Buffer.concat([Buffer.from('From: reporter@example.org\nSubject: =?utf-8?q?Caf=C3=A9?=\nContent-Type: text/plain; charset=latin1\n\n'), Buffer.from([0xe9, 0x74, 0xe9, 0x0d, 0x0a, 0x2e, 0x0a, 0x66])]),
    attachments: [
      { filename: '../../etc/passwd', content: Buffer.from('root:x:0:0') },
      { filename: '../../etc/passwd', content: Buffer.from('second with the same name') },
    ],
  },
  { raw: Buffer.from('From: reporter@example.org\r\nSubject: More\r\n\r\nAnd again.\r\n') },
];
const SENT = [Buffer.from('DKIM-Signature: v=1; a=rsa-sha256; d=casework.test; b=abc\r\nFrom: safety@casework.test\r\nSubject: Re: Threat\r\n\r\nThank you.\r\n')];

describe('case export (built process)', () => {
  const app = new ApiFixture();
  let dir: string;
  let seeded: SeededCase;
  let publicKey: string;
  let zipPath: string;

  beforeAll(async () => {
    await app.start();
    dir = await mkdtemp(join(tmpdir(), 'casework-export-'));
    seeded = await seedCase(app.ds, { subject: 'Threat', mails: MAILS, sent: SENT });
    const { body } = await app.call<{ publicKey: string; keyId: string; algorithm: string }>('/exports/public-key');
    expect(body.algorithm).toBe('Ed25519');
    publicKey = body.publicKey;
  }, 90_000);

  afterAll(async () => {
    await app.stop();
    await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('records an export (202), then streams a zip holding every mail byte for byte, verified by the CLI', async () => {
    const created = await app.call<Record<string, unknown> & { id: string }>(`/tickets/${seeded.ticketId}/exports`, { method: 'POST' });
    expect(created.status).toBe(202);
    expect(created.body).toEqual({
      id: expect.any(String),
      ticketId: seeded.ticketId,
      status: 'ready',
      requestedBy: { id: await app.bootstrapUserId(), email: 'bootstrap@casework.local' },
      createdAt: expect.any(String),
      downloadUrl: `/api/v1/exports/${created.body.id}`,
      keyId: expect.stringMatching(/^[0-9a-f]{16}$/),
    });

    const response = await app.request(`/exports/${created.body.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="casework-\d+-[0-9a-f]{8}\.zip"/);
    zipPath = join(dir, 'case.zip');
    await writeFile(zipPath, Buffer.from(await response.arrayBuffer()));

    const entries = await entriesOf(zipPath);
    const names = entries.map(([name]) => name);
    expect(names).toEqual([
      ...seeded.raws.map((raw, i) => `messages/00${i + 1}-${sha256(raw)}.eml`),
      'outbound/001.eml',
      'attachments/001-00-screenshot.png',
      'attachments/002-00-etc_passwd',
      'attachments/002-01-etc_passwd',
      'ticket.json',
      'audit.jsonl',
      'MANIFEST.sha256',
      'manifest.sig',
    ]);
    const bytes = new Map(entries);
    seeded.raws.forEach((raw, i) => expect(bytes.get(`messages/00${i + 1}-${sha256(raw)}.eml`)!.equals(raw)).toBe(true));
    expect(bytes.get('outbound/001.eml')!.equals(SENT[0]!)).toBe(true);
    expect(bytes.get('attachments/001-00-screenshot.png')!.equals(MAILS[0]!.attachments![0]!.content)).toBe(true);
    expect(bytes.get('attachments/002-01-etc_passwd')!.toString()).toBe('second with the same name');
    // sha256sum -c format, every entry but the manifest and its signature.
    expect(bytes.get('MANIFEST.sha256')!.toString()).toBe(
      entries
        .slice(0, -2)
        .map(([name, content]) => `${sha256(content)}  ${name}\n`)
        .join(''),
    );

    const ticket = JSON.parse(bytes.get('ticket.json')!.toString()) as { export: { id: string }; ticket: { id: string }; articles: { direction: string; exportFiles: unknown }[]; history: unknown[]; slaClocks: unknown[] };
    expect(ticket.export.id).toBe(created.body.id);
    expect(ticket.ticket.id).toBe(seeded.ticketId);
    expect(ticket.articles.map((a) => a.direction)).toEqual(['inbound', 'inbound', 'inbound', 'outbound', 'outbound', 'note']);
    expect(ticket.articles[1]!.exportFiles).toEqual({ message: `messages/002-${sha256(seeded.raws[1]!)}.eml`, attachments: ['attachments/002-00-etc_passwd', 'attachments/002-01-etc_passwd'] });
    // The queued reply kept no bytes: listed in ticket.json, no outbound file.
    expect(ticket.articles[4]!.exportFiles).toEqual({ attachments: [] });
    const audit = bytes.get('audit.jsonl')!.toString().trim().split('\n').map((line) => JSON.parse(line) as { action: string; ticketIds: string[] });
    expect(audit.map((event) => event.action)).toContain('export.created');
    for (const event of audit) expect(event.ticketIds).toContain(seeded.ticketId);

    const verified = await verify(zipPath, publicKey);
    expect(verified).toEqual({ code: 0, out: expect.stringContaining('OK, 9 files match') });
    expect(verified.out).toContain(`key ${created.body.keyId}`);

    const events = await app.ds.query(`SELECT action, subject, ticket_ids::text[] AS "ticketIds" FROM audit_event WHERE action LIKE 'export.%' ORDER BY seq`);
    expect(events).toEqual([
      { action: 'export.created', subject: `export:${created.body.id}`, ticketIds: [seeded.ticketId] },
      { action: 'export.downloaded', subject: `export:${created.body.id}`, ticketIds: [seeded.ticketId] },
    ]);
  });

  it('export:verify fails naming a tampered file, an added file, and a key it does not trust', async () => {
    const entries = await entriesOf(zipPath);
    const tampered = join(dir, 'tampered.zip');
    const [name, content] = entries[1]!;
    const changed = Buffer.from(content);
    changed[changed.length - 1] ^= 1;
    await writeZip(tampered, entries.map(([n, c]) => [n, n === name ? changed : c]));
    const bad = await verify(tampered, publicKey);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(`${name}: SHA-256 mismatch`);

    const added = join(dir, 'added.zip');
    await writeZip(added, [...entries, ['attachments/999-00-planted.txt', Buffer.from('x')]]);
    const extra = await verify(added, publicKey);
    expect(extra.code).toBe(1);
    expect(extra.out).toContain('attachments/999-00-planted.txt: in the zip but not in the manifest');

    const otherKey = (await import('@casework/config')).ExportSigner.parse(Buffer.alloc(32, 9).toString('base64'))!.publicKeyRaw.toString('base64');
    const untrusted = await verify(zipPath, otherKey);
    expect(untrusted.code).toBe(1);
    expect(untrusted.out).toContain('manifest.sig: the signature does not verify');
    expect((await verify(zipPath, 'garbage')).code).toBe(2);
  });

  it('hides an export of a ticket the caller cannot see (404), and lets only content readers download', async () => {
    const { body: created } = await app.call<{ id: string }>(`/tickets/${seeded.ticketId}/exports`, { method: 'POST' });
    const { body: queue } = await app.call<{ id: string }>('/queues', { method: 'POST', json: { slug: 'cp', name: 'Child protection', address: 'cp@casework.test', restricted: true } });
    await app.ds.query(`UPDATE ticket SET queue_id = $2 WHERE id = $1`, [seeded.ticketId, queue.id]);
    const { body: user } = await app.call<{ id: string }>('/users', { method: 'POST', json: { email: 'outsider@export.test', name: 'Outsider', role: 'specialist' } });
    const { body: token } = await app.call<{ token: string }>(`/users/${user.id}/tokens`, { method: 'POST', json: { name: 'export' } });

    const post = await app.call<{ code: string }>(`/tickets/${seeded.ticketId}/exports`, { method: 'POST', token: token.token });
    expect([post.status, post.body.code]).toEqual([404, 'TicketNotFound']);
    const get = await app.call<{ code: string }>(`/exports/${created.id}`, { token: token.token });
    expect([get.status, get.body.code]).toEqual([404, 'ExportNotFound']);
    expect((await app.call<{ code: string }>('/exports/00000000-0000-4000-8000-000000000000')).body.code).toBe('ExportNotFound');

    // A grant opens it; the download of a restricted ticket is also a restricted read.
    await app.call(`/queues/${queue.id}/access`, { method: 'PUT', json: { grants: [{ userId: user.id, level: 'read' }] } });
    const allowed = await app.request(`/exports/${created.id}`, { token: token.token });
    expect(allowed.status).toBe(200);
    await allowed.arrayBuffer();
  });
});

describe('case export without EXPORT_SIGNING_KEY (built process)', () => {
  const app = new ApiFixture();

  beforeAll(() => app.start({ EXPORT_SIGNING_KEY: '' }), 90_000);
  afterAll(() => app.stop(), 60_000);

  it('keeps the API up and answers exports with 503 naming the setting', async () => {
    expect((await app.request('/health', { token: null })).status).toBe(200);
    const seeded = await seedCase(app.ds, { subject: 'No key', mails: [MAILS[2]!] });
    for (const [path, method] of [[`/tickets/${seeded.ticketId}/exports`, 'POST'], ['/exports/public-key', 'GET']]) {
      const answer = await app.call<{ code: string; message: string }>(path, { method });
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({ code: 'ExportSigningKeyMissing', message: expect.stringContaining('EXPORT_SIGNING_KEY') });
    }
  });

  it('refuses to start with a malformed key, naming the setting and not the value', async () => {
    const failure = await run(process.execPath, [API], { env: { ...process.env, API_BOOTSTRAP_TOKEN: TOKEN, DATABASE_URL: app.db.url, EXPORT_SIGNING_KEY: 'not-a-key-at-all' } }).catch((error: unknown) => error as { code: number; stderr: string });
    expect(failure).toMatchObject({ code: 78, stderr: expect.stringContaining('EXPORT_SIGNING_KEY: must be an Ed25519 private key') });
    expect((failure as { stderr: string }).stderr).not.toContain('not-a-key-at-all');
  });
});
