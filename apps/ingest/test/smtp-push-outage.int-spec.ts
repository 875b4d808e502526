import { Subjects } from '@casework/contracts';
import { createTempDir, eventually, freePort, IntegrationBed, QUEUE_ADDRESS, removeDir, sha256, startPostgres, type PrivatePostgres, type Worker } from '@casework/devkit';
import { deliver, mail, MailClient } from './support/smtp-client.js';
import { outboxCount, rawRows } from './support/stored-mail.js';

/** A sending server's retries across a database outage: 4xx while down, stored once when back. */
describe('ingest SMTP push while Postgres is down (built process, private Postgres that the test stops, private NATS)', () => {
  let bed: IntegrationBed;
  let pgDir: string;
  let pgPort: number;
  let postgres: PrivatePostgres | null = null;
  let ingest: Worker;
  let smtpPort: number;

  const logs = () => bed.logs();

  beforeAll(async () => {
    pgDir = await createTempDir('smtp-push-pg');
    pgPort = await freePort();
    postgres = await startPostgres({ dir: pgDir, port: pgPort });
    bed = await IntegrationBed.start({ adminUrl: postgres.url });
    smtpPort = await freePort();
    ingest = await bed.startWorker('ingest', bed.baseEnv({ SMTP_LISTEN_PORT: String(smtpPort) }));
  }, 60_000);

  afterAll(async () => {
    await bed?.stop();
    await postgres?.stop();
    await removeDir(pgDir);
  }, 60_000);

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
      const [dataReply] = await session.data(source).catch((error: unknown) => {
        throw new Error(`DATA during the outage: ${String(error)}; ingest exit ${String(ingest.process.child.exitCode)}\n${logs()}`);
      });
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

    const copies = async () => (await rawRows(bed.ds)).filter((r) => r.sha256 === sha256(source));
    const stored = (await copies()).filter((r) => r.status !== 'duplicate');
    expect(stored).toHaveLength(1);
    const events = await eventually(async () => {
      const found = await bed.events(Subjects.MailReceived);
      expect(found).toHaveLength(eventsBefore + 1);
      return found;
    }, { describe: logs });
    expect(events.filter((e) => e.envelope.data.rawMessageId === stored[0].id)).toHaveLength(1);

    // The MTA never saw the 250 (say) and sends the same bytes again: recorded, not routed again.
    const outboxBefore = await outboxCount(bed.ds);
    const resend = await deliver(smtpPort, source, [QUEUE_ADDRESS], { from: 'dora@example.org' });
    expect(resend.data.map((r) => r.code)).toEqual([250]);
    const after = await copies();
    expect(after.filter((r) => r.status !== 'duplicate').map((r) => r.id)).toEqual([stored[0].id]);
    const duplicates = after.filter((r) => r.status === 'duplicate');
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]).toMatchObject({ duplicate_of: stored[0].id, source: 'smtp', envelope_from: 'dora@example.org' });
    expect(duplicates[0].raw).toHaveLength(0);
    expect(await outboxCount(bed.ds)).toBe(outboxBefore);
    expect(await bed.events(Subjects.MailReceived)).toHaveLength(eventsBefore + 1);
  }, 90_000);
});
