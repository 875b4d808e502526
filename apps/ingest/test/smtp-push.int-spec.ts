import { Subjects } from '@casework/contracts';
import { QueueRepository } from '@casework/database';
import { eventually, freePort, IntegrationBed, QUEUE_ADDRESS, sha256, type Worker } from '@casework/devkit';
import { deliver, mail, MailClient } from './support/smtp-client.js';
import { outboxCount, rawRows } from './support/stored-mail.js';

/** What ingest answers an SMTP or LMTP sender, and what it stores; the outage is smtp-push-outage.int-spec.ts. */
describe('ingest SMTP/LMTP push (built process, private NATS)', () => {
  let bed: IntegrationBed;
  let ingest: Worker;
  let smtpPort: number;
  const MAX_BYTES = 4096;

  const logs = () => bed.logs();

  beforeAll(async () => {
    bed = await IntegrationBed.start();
    smtpPort = await freePort();
    // SMTP only: no IMAP_* at all.
    ingest = await bed.startWorker('ingest', bed.baseEnv({ SMTP_LISTEN_PORT: String(smtpPort), SMTP_MAX_BYTES: String(MAX_BYTES) }));
  }, 60_000);

  afterAll(async () => {
    await bed?.stop();
  }, 60_000);

  it('answers 250 only after the raw message (source smtp) and its event have committed', async () => {
    const source = mail(
      ['From: Rita Reporter <rita@example.org>', 'To: safety@casework.test', 'Subject: Pushed report', 'Message-ID: <push-1@example.org>'],
      'Pushed over SMTP.\r\n.A line starting with a dot survives dot-stuffing.',
    );
    const outboxBefore = await outboxCount(bed.ds);
    const result = await deliver(smtpPort, source, ['Safety@Casework.TEST']);
    // Checked at once: the 250 must not have been sent before the commit.
    const rows = await rawRows(bed.ds);
    const outboxAfter = await outboxCount(bed.ds);

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
    const rowsBefore = await rawRows(bed.ds);
    const outboxBefore = await outboxCount(bed.ds);
    const source = mail(['From: x@example.org', 'To: nobody@casework.test', 'Subject: Wrong door'], 'Nobody reads this.');

    const result = await deliver(smtpPort, source, ['nobody@casework.test']);
    expect(result.rcpt).toEqual([{ code: 550, text: '5.1.1 <nobody@casework.test>: no such mailbox here' }]);
    expect(result.data).toEqual([]);
    expect(await rawRows(bed.ds)).toHaveLength(rowsBefore.length);
    expect(await outboxCount(bed.ds)).toBe(outboxBefore);

    // A known recipient next to an unknown one: only the known one receives it.
    const mixed = mail(['From: x@example.org', 'To: nobody@casework.test, safety@casework.test', 'Subject: Two doors'], 'One of them is ours.');
    const both = await deliver(smtpPort, mixed, ['nobody@casework.test', QUEUE_ADDRESS]);
    expect(both.rcpt.map((r) => r.code)).toEqual([550, 250]);
    expect(both.data.map((r) => r.code)).toEqual([250]);
    const added = (await rawRows(bed.ds)).slice(rowsBefore.length);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ sha256: sha256(mixed), envelope_to: [QUEUE_ADDRESS], status: 'received' });
  });

  it("accepts mail for a queue's further address (any letter case), in that queue", async () => {
    const queue = await new QueueRepository().create(bed.ds, { slug: 'reports', name: 'Reports', address: 'reports@casework.test', restricted: false, addresses: ['report-abuse@casework.test'] });
    const source = mail(['From: x@example.org', 'To: Report-Abuse@Casework.test', 'Subject: Further address'], 'For the reports queue.');
    const result = await deliver(smtpPort, source, ['Report-Abuse@Casework.test']);
    expect([result.rcpt.map((r) => r.code), result.data.map((r) => r.code)]).toEqual([[250], [250]]);
    const [row] = (await rawRows(bed.ds)).filter((r) => r.sha256 === sha256(source));
    const [mailbox] = await bed.ds.query('SELECT queue_id FROM mailbox WHERE id = $1', [row.mailbox_id]);
    expect(mailbox.queue_id).toBe(queue!.id);
  });

  it('rejects a message over SMTP_MAX_BYTES with 552 and stores nothing', async () => {
    const rowsBefore = (await rawRows(bed.ds)).length;
    const outboxBefore = await outboxCount(bed.ds);
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

    expect(await rawRows(bed.ds)).toHaveLength(rowsBefore);
    expect(await outboxCount(bed.ds)).toBe(outboxBefore);
    // The session stays usable after a refused message.
    const small = mail(['From: small@example.org', 'To: safety@casework.test', 'Subject: Small', 'Message-ID: <small-3@example.org>'], 'Fits.');
    expect((await deliver(smtpPort, small, [QUEUE_ADDRESS])).data.map((r) => r.code)).toEqual([250]);
  });

  it('speaks LMTP with SMTP_LMTP=true: one reply per recipient, one raw message per receiving mailbox', async () => {
    await new QueueRepository().upsert(bed.ds, { slug: 'abuse', name: 'Abuse', address: 'abuse@casework.test', isDefault: false });
    const lmtpPort = await freePort();
    const lmtp = await bed.startWorker('ingest', bed.baseEnv({ SMTP_LISTEN_PORT: String(lmtpPort), SMTP_LMTP: 'true' }));
    try {
      const rowsBefore = (await rawRows(bed.ds)).length;
      const eventsBefore = (await bed.events(Subjects.MailReceived)).length;
      const source = mail(['From: lena@example.org', 'To: safety@casework.test, abuse@casework.test', 'Subject: Both teams', 'Message-ID: <lmtp-5@example.org>'], 'For two queues.');

      const result = await deliver(lmtpPort, source, [QUEUE_ADDRESS, 'nobody@casework.test', 'abuse@casework.test'], { from: 'lena@example.org', lmtp: true });
      expect(result.rcpt.map((r) => r.code)).toEqual([250, 550, 250]);
      expect(result.data.map((r) => r.code)).toEqual([250, 250]);

      const added = (await rawRows(bed.ds)).slice(rowsBefore);
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
