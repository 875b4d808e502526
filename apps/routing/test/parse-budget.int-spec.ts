import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { Subjects } from '@casework/contracts';
import { ManagedMailboxRepository, RawMessageRepository } from '@casework/database';
import { envelope, eventually, IntegrationBed, sha256 } from '@casework/devkit';

const CONSUMER = 'routing_casework_mail_received';
const MAX_BYTES = 2000;
const TIMEOUT_MS = 1000;
// The real parser, except for mails whose first line asks it to hang or crash (see the file).
const TEST_WORKER = resolve(process.cwd(), 'dist/apps/routing/test/support/test-parse.worker.js');

function mail(subject: string, body = 'Hello.', firstLine?: string): Buffer {
  const headers = ['From: rita@example.org', 'To: safety@casework.test', `Subject: ${subject}`, `Message-ID: <${randomUUID()}@example.org>`];
  return Buffer.from([...(firstLine ? [firstLine] : []), ...headers, '', body, ''].join('\r\n'));
}

describe('routing under a parse budget (built process, parser in worker threads)', () => {
  let bed: IntegrationBed;
  let mailboxId: string;
  let uid = 0;
  const rawMessages = new RawMessageRepository();

  async function deliver(source: Buffer): Promise<{ rawMessageId: string; seq: number }> {
    uid += 1;
    const rawMessageId = await rawMessages.insert(bed.ds, { mailboxId, uidValidity: 1n, uid: BigInt(uid), sha256: sha256(source), messageId: null, raw: source });
    if (!rawMessageId) throw new Error('raw message not inserted');
    const ack = await bed.publish(envelope(Subjects.MailReceived, { rawMessageId, mailboxId }));
    return { rawMessageId, seq: ack.seq };
  }

  async function route(source: Buffer): Promise<string> {
    const { rawMessageId, seq } = await deliver(source);
    await bed.waitForConsumer(CONSUMER, seq, 20_000);
    return rawMessageId;
  }

  async function rawStatus(id: string): Promise<{ status: string; quarantine_reason: string | null }> {
    const [row] = await bed.ds.query('SELECT status, quarantine_reason FROM raw_message WHERE id = $1', [id]);
    return row;
  }

  async function ticketSubject(rawMessageId: string): Promise<string | undefined> {
    const [row] = await bed.ds.query('SELECT t.subject FROM article a JOIN ticket t ON t.id = a.ticket_id WHERE a.raw_message_id = $1', [rawMessageId]);
    return row?.subject;
  }

  beforeAll(async () => {
    bed = await IntegrationBed.start();
    mailboxId = (
      await new ManagedMailboxRepository().upsertBootstrap(bed.ds, { address: 'safety@casework.test', imapHost: '127.0.0.1', imapPort: 143, imapUser: 'casework', folder: 'INBOX' })
    ).id;
    await bed.startWorker(
      'routing',
      bed.baseEnv({ MAIL_MAX_BYTES: String(MAX_BYTES), MAIL_PARSE_TIMEOUT_MS: String(TIMEOUT_MS), MAIL_PARSER_WORKERS: '2', MAIL_PARSER_TEST_WORKER: TEST_WORKER }),
    );
  }, 60_000);

  afterAll(async () => {
    await bed?.stop();
  }, 30_000);

  it('quarantines a message over MAIL_MAX_BYTES with a readable reason; the next message becomes a ticket', async () => {
    const big = await route(mail('Huge', 'x'.repeat(3000)));
    const next = await route(mail('Right after the big one'));

    expect(await rawStatus(big)).toEqual({ status: 'quarantined', quarantine_reason: 'message is 3.1 KB, over the 2 KB limit' });
    expect(await rawStatus(next)).toEqual({ status: 'ticketed', quarantine_reason: null });
    expect(await ticketSubject(next)).toBe('Right after the big one');
    expect(await ticketSubject(big)).toBeUndefined();
  });

  it('quarantines a parse that outruns MAIL_PARSE_TIMEOUT_MS; the message behind it still routes promptly', async () => {
    const hung = await deliver(mail('Pathological', 'x', 'X-Casework-Test-Hang: 120000'));
    const started = Date.now();
    const next = await deliver(mail('Behind the pathological one'));
    await bed.waitForConsumer(CONSUMER, next.seq, 20_000);
    const elapsed = Date.now() - started;

    expect(await rawStatus(hung.rawMessageId)).toEqual({ status: 'quarantined', quarantine_reason: `parser timed out after ${TIMEOUT_MS} ms` });
    expect(await rawStatus(next.rawMessageId)).toMatchObject({ status: 'ticketed' });
    expect(await ticketSubject(next.rawMessageId)).toBe('Behind the pathological one');
    // Handled one at a time: the hung parse costs its budget, not the two minutes it wanted.
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 5000);
  });

  it('quarantines a message whose parser dies, and keeps routing', async () => {
    const exited = await route(mail('Crashes the parser', 'x', 'X-Casework-Test-Crash: exit'));
    const threw = await route(mail('Throws in the parser', 'x', 'X-Casework-Test-Crash: throw'));
    const next = await route(mail('After the crashes'));

    expect(await rawStatus(exited)).toEqual({ status: 'quarantined', quarantine_reason: 'parser crashed: worker exited with code 3' });
    expect(await rawStatus(threw)).toEqual({ status: 'quarantined', quarantine_reason: 'parser crashed: test parser blew up' });
    expect(await rawStatus(next)).toMatchObject({ status: 'ticketed' });
  });

  it('words the reasons for input that is no mail at all, and announces every quarantine with mail.quarantined', async () => {
    const empty = await route(Buffer.from(' \r\n'));
    const noise = await route(Buffer.from('22\n'));
    const binary = await route(Buffer.from([0x00, 0x01, 0x02, 0xff, 0x0a, 0x32, 0x32, 0x0a]));

    expect((await rawStatus(empty)).quarantine_reason).toBe('message is empty (no bytes, or whitespace only)');
    expect((await rawStatus(noise)).quarantine_reason).toBe('not an email message (no header lines such as From, To, Subject or Date)');
    expect((await rawStatus(binary)).quarantine_reason).toBe('not an email message (binary data where the header lines should be)');

    await eventually(async () => {
      const events = await bed.events(Subjects.MailQuarantined);
      const reasons = new Map(events.map((e) => [e.envelope.data.rawMessageId, e.envelope.data.reason]));
      expect(reasons.size).toBe(7);
      for (const id of [empty, noise, binary]) expect(reasons.get(id)).toBe((await rawStatus(id)).quarantine_reason);
    });
  });
});
