import { Subjects } from '@casework/contracts';
import { ManagedMailboxRepository, RawMessageRepository } from '@casework/database';
import { envelope, eventually, IntegrationBed, sha256 } from '@casework/devkit';

function mail(headers: string[], body: string): Buffer {
  return Buffer.from([...headers, '', body, ''].join('\r\n'));
}

const report = (n: number) =>
  mail([`From: reporter${n}@example.org`, 'To: safety@casework.test', `Subject: Report ${n}`, `Message-ID: <report-${n}@example.org>`], `Report number ${n}.`);

/**
 * A backlog of mail.received events waiting when routing starts: it is routed in batches, in
 * order, a reply in the burst threads onto the ticket its original opened earlier in the same
 * burst, and bad input in a batch is quarantined without holding back the rest.
 */
describe('routing a burst (built process; events waiting in JetStream before it starts)', () => {
  let bed: IntegrationBed;
  let mailboxId: string;
  const rawMessages = new RawMessageRepository();
  let uid = 0;

  async function deliver(source: Buffer): Promise<string> {
    uid += 1;
    const rawMessageId = await rawMessages.insert(bed.ds, { mailboxId, uidValidity: 1n, uid: BigInt(uid), sha256: sha256(source), messageId: null, raw: source });
    if (!rawMessageId) throw new Error('raw message not inserted');
    await bed.publish(envelope(Subjects.MailReceived, { rawMessageId, mailboxId }));
    return rawMessageId;
  }

  beforeAll(async () => {
    bed = await IntegrationBed.start();
    mailboxId = (
      await new ManagedMailboxRepository().upsertBootstrap(bed.ds, { address: 'safety@casework.test', imapHost: '127.0.0.1', imapPort: 143, imapUser: 'casework', folder: 'INBOX' })
    ).id;
  }, 30_000);

  afterAll(async () => {
    await bed?.stop();
  }, 30_000);

  it('routes 120 waiting events in few transactions, in order, threading a reply to a mail of the same burst', async () => {
    // A first start creates the stream and routing's durable consumer; the burst waits in it.
    await bed.stopWorker(await bed.startWorker('routing', bed.baseEnv()));
    const ids: string[] = [];
    for (let n = 1; n <= 60; n++) ids.push(await deliver(report(n)));
    const reply = await deliver(
      mail(['From: reporter3@example.org', 'To: safety@casework.test', 'Subject: Re: Report 3', 'Message-ID: <reply-3@example.org>', 'In-Reply-To: <report-3@example.org>'], 'More on report 3.'),
    );
    const garbage = await deliver(Buffer.from(' \r\n'));
    for (let n = 61; n <= 118; n++) ids.push(await deliver(report(n)));

    await bed.startWorker('routing', bed.baseEnv({ ROUTING_BATCH_SIZE: '50' }));
    await eventually(
      async () => {
        const [{ waiting }] = await bed.ds.query(`SELECT count(*)::int AS waiting FROM raw_message WHERE status = 'received'`);
        expect(waiting).toBe(0);
      },
      { timeoutMs: 30_000, describe: () => bed.logs() },
    );

    const tickets: { raw_message_id: string; ticket_id: string; number: string; xmin: string }[] = await bed.ds.query(
      `SELECT a.raw_message_id, t.id AS ticket_id, t.number, t.xmin::text AS xmin
         FROM article a JOIN ticket t ON t.id = a.ticket_id WHERE a.raw_message_id = ANY($1::uuid[])`,
      [ids],
    );
    const byRaw = new Map(tickets.map((row) => [row.raw_message_id, row]));
    expect(byRaw.size).toBe(118);
    // Ticket numbers follow the order the mail arrived in.
    const numbers = ids.map((id) => byRaw.get(id)!.number);
    expect([...numbers].sort()).toEqual(numbers);
    // Batched: far fewer transactions than tickets.
    expect(new Set(tickets.map((row) => row.xmin)).size).toBeLessThanOrEqual(10);

    const [replyArticle] = await bed.ds.query('SELECT ticket_id FROM article WHERE raw_message_id = $1', [reply]);
    expect(replyArticle.ticket_id).toBe(byRaw.get(ids[2])!.ticket_id);
    const [garbageRow] = await bed.ds.query('SELECT status, quarantine_reason FROM raw_message WHERE id = $1', [garbage]);
    expect(garbageRow).toEqual({ status: 'quarantined', quarantine_reason: 'message is empty (no bytes, or whitespace only)' });

    const opened = await eventually(async () => {
      const events = await bed.events(Subjects.TicketOpened);
      expect(events).toHaveLength(118);
      return events;
    });
    expect(opened.map((e) => e.envelope.data.ticketId)).toEqual(ids.map((id) => byRaw.get(id)!.ticket_id));
    await eventually(async () => expect(await bed.events(Subjects.TicketFollowup)).toHaveLength(1));
  }, 60_000);
});
