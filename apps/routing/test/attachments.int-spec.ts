import { randomBytes } from 'node:crypto';
import { Subjects } from '@casework/contracts';
import { ManagedMailboxRepository, RawMessageRepository } from '@casework/database';
import { envelope, IntegrationBed, sha256 } from '@casework/devkit';
import { multipart } from '../../../test/support/multipart-mail.js';

const CONSUMER = 'routing_casework_mail_received';
const ATTACHMENT_MAX_BYTES = 4096;

interface AttachmentRow {
  id: string;
  position: number;
  filename: string;
  declared_content_type: string;
  sniffed_content_type: string | null;
  size: string;
  sha256: string;
  blob_sha256: string | null;
  content_id: string | null;
  inline: boolean;
  omitted_reason: string | null;
}

describe('routing stores attachments (built process)', () => {
  let bed: IntegrationBed;
  let mailboxId: string;
  let uid = 0;
  const rawMessages = new RawMessageRepository();

  async function route(source: Buffer): Promise<{ rawMessageId: string; event: ReturnType<typeof envelope<typeof Subjects.MailReceived>> }> {
    uid += 1;
    const rawMessageId = await rawMessages.insert(bed.ds, { mailboxId, uidValidity: 1n, uid: BigInt(uid), sha256: sha256(source), messageId: null, raw: source });
    if (!rawMessageId) throw new Error('raw message not inserted');
    const event = envelope(Subjects.MailReceived, { rawMessageId, mailboxId });
    const ack = await bed.publish(event);
    await bed.waitForConsumer(CONSUMER, ack.seq, 20_000);
    const [{ status }] = await bed.ds.query('SELECT status FROM raw_message WHERE id = $1', [rawMessageId]);
    if (status !== 'ticketed') throw new Error(`raw message ${rawMessageId} is ${status}\n${bed.logs()}`);
    return { rawMessageId, event };
  }

  async function attachmentsOf(rawMessageId: string): Promise<AttachmentRow[]> {
    return bed.ds.query(
      `SELECT a.id, a.position, a.filename, a.declared_content_type, a.sniffed_content_type, a.size, a.sha256, a.blob_sha256, a.content_id,
              a.inline, a.omitted_reason
         FROM attachment a JOIN article ar ON ar.id = a.article_id WHERE ar.raw_message_id = $1 ORDER BY a.position`,
      [rawMessageId],
    );
  }

  const count = async (table: 'blob' | 'attachment'): Promise<number> => (await bed.ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  beforeAll(async () => {
    bed = await IntegrationBed.start();
    mailboxId = (
      await new ManagedMailboxRepository().upsertBootstrap(bed.ds, { address: 'safety@casework.test', imapHost: '127.0.0.1', imapPort: 143, imapUser: 'casework', folder: 'INBOX' })
    ).id;
    await bed.startWorker('routing', bed.baseEnv({ ATTACHMENT_MAX_BYTES: String(ATTACHMENT_MAX_BYTES) }));
  }, 60_000);

  afterAll(async () => {
    await bed?.stop();
  }, 30_000);

  const screenshot = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(1500)]);
  const log = Buffer.from('2026-06-01 10:00:00 user=troll action=post thread=42\n'.repeat(20));

  it('stores identical attachments of two mails once by SHA-256, each with its own row', async () => {
    const first = await route(
      multipart('Harassment, with screenshots', [
        { filename: 'screenshot.png', contentType: 'image/png', content: screenshot },
        { filename: 'server.log', contentType: 'text/plain', content: log },
      ]),
    );
    const second = await route(multipart('Same screenshot, another report', [{ filename: 'copy of screenshot.png', contentType: 'image/png', content: screenshot }]));

    expect(await count('blob')).toBe(2);
    expect(await count('attachment')).toBe(3);
    const blobs: { sha256: string; size: string; content: Buffer }[] = await bed.ds.query('SELECT sha256, size, content FROM blob ORDER BY size');
    expect(blobs.map((b) => [b.sha256, Number(b.size), sha256(b.content)])).toEqual([
      [sha256(log), log.length, sha256(log)],
      [sha256(screenshot), screenshot.length, sha256(screenshot)],
    ]);

    const [png, text] = await attachmentsOf(first.rawMessageId);
    expect(png).toMatchObject({
      position: 0,
      filename: 'screenshot.png',
      declared_content_type: 'image/png',
      sniffed_content_type: 'image/png',
      size: String(screenshot.length),
      sha256: sha256(screenshot),
      blob_sha256: sha256(screenshot),
      inline: false,
      omitted_reason: null,
    });
    expect(text).toMatchObject({ position: 1, filename: 'server.log', declared_content_type: 'text/plain', sniffed_content_type: 'text/plain', blob_sha256: sha256(log) });
    const [copy] = await attachmentsOf(second.rawMessageId);
    expect(copy).toMatchObject({ filename: 'copy of screenshot.png', blob_sha256: sha256(screenshot) });
    expect(copy.id).not.toBe(png.id);

    // A redelivered event adds nothing.
    const again = await bed.publish(first.event, `${first.event.id}-again`);
    await bed.waitForConsumer(CONSUMER, again.seq);
    expect([await count('blob'), await count('attachment')]).toEqual([2, 3]);
  });

  it('records an attachment over ATTACHMENT_MAX_BYTES with its metadata and hash but no blob', async () => {
    const big = randomBytes(ATTACHMENT_MAX_BYTES + 1);
    const { rawMessageId } = await route(multipart('A big one', [{ filename: 'capture.bin', contentType: 'application/octet-stream', content: big }]));
    const [row] = await attachmentsOf(rawMessageId);
    expect(row).toMatchObject({
      filename: 'capture.bin',
      size: String(big.length),
      sha256: sha256(big),
      blob_sha256: null,
      omitted_reason: `over the ${ATTACHMENT_MAX_BYTES}-byte attachment limit`,
    });
    expect(await bed.ds.query('SELECT 1 FROM blob WHERE sha256 = $1', [sha256(big)])).toEqual([]);
    // The raw message, kept as evidence, still holds the bytes.
    const [raw] = await bed.ds.query('SELECT raw FROM raw_message WHERE id = $1', [rawMessageId]);
    expect((raw.raw as Buffer).includes(big.toString('base64').slice(0, 76))).toBe(true);
  });

  it('records the sniffed type next to a lying declared one, and sanitises hostile filenames', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'), Buffer.alloc(48), Buffer.from('PE\x00\x00')]);
    const { rawMessageId } = await route(
      multipart('Look at this cute cat', [
        { filename: 'cat.png', contentType: 'image/png', content: exe },
        { filename: '../../invoice\u202Efdp.exe', contentType: 'application/pdf', content: exe },
        { filename: 'inline.png', contentType: 'image/png', content: screenshot, contentId: 'img-1@reporter.example' },
      ]),
    );
    const [cat, invoice, inline] = await attachmentsOf(rawMessageId);
    expect(cat).toMatchObject({ filename: 'cat.png', declared_content_type: 'image/png', sniffed_content_type: 'application/x-msdownload', blob_sha256: sha256(exe) });
    expect(invoice).toMatchObject({ filename: '_.._invoicefdp.exe', declared_content_type: 'application/pdf', sniffed_content_type: 'application/x-msdownload' });
    expect(inline).toMatchObject({ filename: 'inline.png', content_id: 'img-1@reporter.example', blob_sha256: sha256(screenshot) });
    // The exe is stored once for both rows; the screenshot blob is shared with the first test.
    expect(await count('blob')).toBe(3);
  });
});
