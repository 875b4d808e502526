import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseMail as parseInProcess } from '@casework/mail';

/*
 * MailParserPool runs its worker file from dist/ (a .ts source cannot be a worker under Jest),
 * so this suite drives the BUILT library: `npm run build` first. Errors are checked by
 * `name`/`reason`, the dist module's MailParseError being another class than the source's.
 */
type MailLib = typeof import('@casework/mail');
const DIST_MAIL = resolve(process.cwd(), 'dist/libs/mail/src/index.js');
const TEST_WORKER = pathToFileURL(resolve(process.cwd(), 'dist/apps/routing/test/support/test-parse.worker.js'));

const crlf = (text: string): Buffer => Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8');
const simple = (subject: string): Buffer => crlf(`From: rita@example.org\nTo: safety@casework.test\nSubject: ${subject}\n\nHello.\n`);
const hang = (ms: number): Buffer => crlf(`X-Casework-Test-Hang: ${ms}\nFrom: slow@example.org\nSubject: slow\n\nbody\n`);

const WITH_ATTACHMENT = crlf(`From: "Rita Reporter" <Rita@Example.ORG>
To: safety@casework.test
Subject: =?utf-8?q?Beweis_f=C3=BCr_den_Fall?=
Date: Tue, 02 Jan 2024 10:00:00 +0000
Message-ID: <pool-1@example.org>
References: <a@x.example> <b@y.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b"

--b
Content-Type: text/html; charset=utf-8

<p>See <b>attached</b>.</p><script>alert(1)</script>
--b
Content-Type: image/png; name="shot.png"
Content-Disposition: attachment; filename="shot.png"
Content-Transfer-Encoding: base64

iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==
--b--
`);

async function rejection(promise: Promise<unknown>): Promise<Error & { reason?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { reason?: string };
  }
  throw new Error('expected a rejection');
}

describe('MailParserPool (built library, real worker threads)', () => {
  let lib: MailLib;
  const pools: { close(): Promise<void> }[] = [];
  const pool = (options: ConstructorParameters<MailLib['MailParserPool']>[0] = {}) => {
    const created = new lib.MailParserPool(options);
    pools.push(created);
    return created;
  };

  beforeAll(async () => {
    lib = (await import(DIST_MAIL)) as MailLib;
  });

  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.close()));
  });

  it('returns what parseMail returns in-process: headers Map, Date, decoded subject, sanitised html, attachment Buffers', async () => {
    const parsed = await pool().parse(WITH_ATTACHMENT);
    const expected = await parseInProcess(WITH_ATTACHMENT);
    expect(parsed).toEqual(expected);
    expect(parsed.subject).toBe('Beweis für den Fall');
    expect(parsed.headers).toBeInstanceOf(Map);
    expect(parsed.headers.get('message-id')).toBe('<pool-1@example.org>');
    expect(parsed.date?.toISOString()).toBe('2024-01-02T10:00:00.000Z');
    expect(parsed.html).not.toContain('<script');
    expect(Buffer.isBuffer(parsed.attachments[0].content)).toBe(true);
    expect(parsed.attachments[0]).toMatchObject({ filename: 'shot.png', contentType: 'image/png', size: 70 });
  });

  it("passes parseMail's own rejections through with their reasons", async () => {
    const parser = pool();
    expect(await rejection(parser.parse(Buffer.from(' \r\n')))).toMatchObject({ name: 'MailParseError', reason: 'empty' });
    expect(await rejection(parser.parse(Buffer.from([0, 1, 2, 10, 10])))).toMatchObject({ name: 'MailParseError', reason: 'not-a-message' });
  });

  it('refuses a message over maxBytes before any worker sees it', async () => {
    const parser = pool({ maxBytes: 100, workerUrl: new URL('file:///nonexistent/worker.js') });
    const error = await rejection(parser.parse(Buffer.alloc(101, 'a')));
    expect(error).toMatchObject({ name: 'MailParseError', reason: 'too-large', message: 'message is 101 bytes, over the 100-byte limit' });
  });

  it('stops a parse past its time budget, keeps the event loop free meanwhile, and parses the next message', async () => {
    const parser = pool({ workers: 2, timeoutMs: 400, workerUrl: TEST_WORKER });
    await parser.parse(simple('warm-up'));
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const started = Date.now();
    const [stuck, next] = await Promise.allSettled([parser.parse(hang(60_000)), parser.parse(simple('after the hang'))]);
    clearInterval(ticker);

    expect(stuck.status === 'rejected' && stuck.reason).toMatchObject({ name: 'MailParseError', reason: 'timeout', message: 'parser timed out after 400 ms' });
    expect(next.status === 'fulfilled' && next.value.subject).toBe('after the hang');
    expect(Date.now() - started).toBeLessThan(5000);
    // The 60 s busy loop ran in a worker: this thread kept turning.
    expect(ticks).toBeGreaterThan(5);
    // The spinning worker was replaced: the pool keeps parsing.
    expect((await parser.parse(simple('later'))).subject).toBe('later');
  });

  it('queues behind a single hung worker and runs the queue once it is replaced', async () => {
    const parser = pool({ workers: 1, timeoutMs: 300, workerUrl: TEST_WORKER });
    const results = await Promise.allSettled([parser.parse(simple('one')), parser.parse(hang(60_000)), parser.parse(simple('three'))]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value.subject : (r.reason as { reason: string }).reason))).toEqual(['one', 'timeout', 'three']);
  });

  it('gives each of the messages queued at one worker its own budget, counted from when the worker takes it', async () => {
    const parser = pool({ workers: 1, timeoutMs: 700, pipelineDepth: 8, workerUrl: TEST_WORKER });
    const started = Date.now();
    const parsed = await Promise.all([parser.parse(hang(400)), parser.parse(hang(400)), parser.parse(hang(400))]);
    expect(parsed.map((mail) => mail.subject)).toEqual(['slow', 'slow', 'slow']);
    // All three were handed over at once and parsed one after another, none blamed for the others' time.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1200);
  });

  it('blames only the message a worker died on: the ones queued behind it at that worker are parsed by its replacement', async () => {
    const parser = pool({ workers: 1, pipelineDepth: 8, workerUrl: TEST_WORKER });
    const results = await Promise.allSettled([
      parser.parse(simple('before')),
      parser.parse(crlf('X-Casework-Test-Crash: exit\nFrom: a@b.example\n\nx\n')),
      parser.parse(simple('queued 1')),
      parser.parse(simple('queued 2')),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value.subject : (r.reason as { reason: string }).reason))).toEqual(['before', 'parser-crashed', 'queued 1', 'queued 2']);
  });

  it('reports a worker that dies mid-parse as parser-crashed and replaces it', async () => {
    const parser = pool({ workers: 1, workerUrl: TEST_WORKER });
    const exited = await rejection(parser.parse(crlf('X-Casework-Test-Crash: exit\nFrom: a@b.example\n\nx\n')));
    expect(exited).toMatchObject({ name: 'MailParseError', reason: 'parser-crashed', message: 'parser crashed: worker exited with code 3' });
    const threw = await rejection(parser.parse(crlf('X-Casework-Test-Crash: throw\nFrom: a@b.example\n\nx\n')));
    expect(threw).toMatchObject({ name: 'MailParseError', reason: 'parser-crashed', message: 'parser crashed: test parser blew up' });
    expect((await parser.parse(simple('survivor'))).subject).toBe('survivor');
  });

  it('parses more messages than it has workers, each result back to its caller', async () => {
    const parser = pool({ workers: 2 });
    const subjects = Array.from({ length: 9 }, (_, i) => `mail ${i}`);
    const parsed = await Promise.all(subjects.map((subject) => parser.parse(simple(subject))));
    expect(parsed.map((mail) => mail.subject)).toEqual(subjects);
  });

  it('fails with a plain Error (retry, do not quarantine) when no worker can start', async () => {
    const parser = pool({ workerUrl: new URL('file:///nonexistent/worker.js') });
    const error = await rejection(parser.parse(simple('x')));
    expect(error.name).toBe('Error');
    expect(error.reason).toBeUndefined();
    expect(error.message).toMatch(/^mail parser worker could not start: /);
  });

  it('rejects queued and running parses with a plain Error on close, and every parse after it', async () => {
    const parser = pool({ workers: 1, workerUrl: TEST_WORKER });
    const running = rejection(parser.parse(hang(60_000)));
    const queued = rejection(parser.parse(simple('queued')));
    await new Promise((done) => setTimeout(done, 50));
    await parser.close();
    for (const error of await Promise.all([running, queued, rejection(parser.parse(simple('late')))])) {
      expect(error).toMatchObject({ name: 'Error', message: 'mail parser pool is closed' });
    }
  });
});
