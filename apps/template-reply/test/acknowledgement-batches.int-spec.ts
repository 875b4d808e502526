import { randomUUID } from 'node:crypto';
import { Subjects, type EventEnvelope, type TicketOpenedV1 } from '@casework/contracts';
import { QueueRepository, TicketRepository } from '@casework/database';
import { envelope, eventually, IntegrationBed, QUEUE_ADDRESS, startSmtpCatcher, type CaughtMail, type SmtpCatcher, type Worker } from '@casework/devkit';

const TICKET_OPENED = 'template-reply_casework_ticket_opened';

interface SeededTicket {
  id: string;
  number: string;
  subject: string;
  queueId: string;
  articleId: string | null;
  /** Null: the ticket has no inbound article (nothing to thread on). */
  inboundMessageId: string | null;
  /** The first id of the inbound article's References. */
  root: string;
  requester: { email: string; name: string | null };
}

/**
 * ticket.opened under load: a burst is acknowledged in a few transactions (group commit), each
 * requester still gets exactly one correctly threaded acknowledgement, and one bad event of a
 * batch fails alone.
 */
describe('template-reply acknowledges a burst of ticket.opened in batches (built process, SMTP catcher)', () => {
  let bed: IntegrationBed;
  let smtp: SmtpCatcher;
  let worker: Worker;
  const tickets = new TicketRepository();
  let run = 0;

  const workerEnv = () => bed.baseEnv({ SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_TLS: 'false' });

  /** Tickets as routing writes them (in one transaction, to seed fast): with an inbound article unless `withoutInbound`. */
  async function seedTickets(count: number, options: { withoutInbound?: number[] } = {}): Promise<SeededTicket[]> {
    run += 1;
    return bed.ds.transaction(async (tx) => {
      const queue = (await new QueueRepository().findDefault(tx))!;
      const requesters = Array.from({ length: count }, (_, i) => ({ email: `burst${run}-${i}@example.org`, name: i % 2 === 0 ? `Reporter ${run}-${i}` : null }));
      const requesterIds = await tickets.upsertContacts(tx, requesters);
      const subjects = requesters.map((_, i) => `Burst ${run} report ${i}`);
      const opened = await tickets.openMany(
        tx,
        requesterIds.map((requesterId, i) => ({ subject: subjects[i], queueId: queue.id, requesterId, priority: 'normal' as const })),
      );
      const threaded = opened.map((_, i) => !options.withoutInbound?.includes(i));
      const messageIds = opened.map((_, i) => (threaded[i] ? `inbound-${run}-${i}-${randomUUID()}@reporter.example` : null));
      const roots = opened.map((_, i) => `root-${run}-${i}@reporter.example`);
      const withInbound = opened.flatMap((ticket, i) => (threaded[i] ? [i] : []));
      const articleIds = await tickets.addArticles(
        tx,
        withInbound.map((i) => ({
          ticketId: opened[i].id,
          direction: 'inbound' as const,
          from: requesters[i],
          to: [{ email: QUEUE_ADDRESS, name: null }],
          cc: [],
          subject: subjects[i],
          text: 'Please help.',
          html: null,
          messageId: messageIds[i],
          inReplyTo: null,
          references: [roots[i]],
          automated: false,
        })),
      );
      return opened.map((ticket, i) => ({
        ...ticket,
        subject: subjects[i],
        queueId: queue.id,
        articleId: threaded[i] ? articleIds[withInbound.indexOf(i)] : null,
        inboundMessageId: messageIds[i],
        root: roots[i],
        requester: requesters[i],
      }));
    });
  }

  function ticketOpened(ticket: SeededTicket, automation: TicketOpenedV1['automation'] = { automated: false, reason: null }) {
    return envelope(Subjects.TicketOpened, {
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      queueId: ticket.queueId,
      articleId: ticket.articleId ?? randomUUID(),
      priority: 'normal',
      requester: ticket.requester,
      subject: ticket.subject,
      automation,
    });
  }

  /**
   * Publishes while the service is down, then starts it: the whole burst is waiting when its
   * consumer starts, as after a backlog. Returns the last stream sequence.
   */
  async function publishBurst(messages: { envelope: EventEnvelope; msgId?: string }[]): Promise<number> {
    await bed.stopWorker(worker);
    let last = 0;
    for (const message of messages) last = (await bed.publish(message.envelope, message.msgId)).seq;
    worker = await bed.startWorker('template-reply', workerEnv());
    return last;
  }

  const mailsTo = (ticket: SeededTicket): CaughtMail[] => smtp.messages.filter((m) => m.envelopeTo.includes(ticket.requester.email));

  /** Transactions that claimed these events: processed_event rows keep the id of the transaction that inserted them. */
  async function claimingTransactions(eventIds: string[]): Promise<{ claimed: number; transactions: number }> {
    const [row] = await bed.ds.query(
      `SELECT count(*)::int AS claimed, count(DISTINCT xmin::text)::int AS transactions
         FROM processed_event WHERE consumer = 'template-reply' AND event_id = ANY($1::uuid[])`,
      [eventIds],
    );
    return row;
  }

  beforeAll(async () => {
    [bed, smtp] = await Promise.all([IntegrationBed.start(), startSmtpCatcher()]);
    // The first start creates the stream and the durable consumer the bursts wait in.
    worker = await bed.startWorker('template-reply', workerEnv());
  }, 60_000);

  afterAll(async () => {
    await bed?.stop();
    await smtp?.stop();
  }, 30_000);

  it('sends each requester exactly one threaded acknowledgement, in far fewer transactions than events', async () => {
    const burst = await seedTickets(61, { withoutInbound: [7, 30] });
    const [automatedTicket] = burst.splice(60, 1);
    const opened = burst.map((ticket) => ticketOpened(ticket));
    const messages: { envelope: EventEnvelope; msgId?: string }[] = opened.map((e) => ({ envelope: e }));
    // A second event for one ticket (a re-emit), a redelivered event, and automated mail, all in the burst.
    messages.splice(20, 0, { envelope: ticketOpened(burst[3]) });
    messages.splice(40, 0, { envelope: opened[5], msgId: `${opened[5].id}-again` });
    messages.push({ envelope: ticketOpened(automatedTicket, { automated: true, reason: 'Auto-Submitted: auto-replied' }) });
    const lastSeq = await publishBurst(messages);
    // Acked once the acknowledgements are queued; they are sent in the background: wait for both.
    await bed.waitForConsumer(TICKET_OPENED, lastSeq, 30_000);
    const rows: { ticket_id: string; id: string; message_id: string; status: string; attempts: number; kind: string }[] = await eventually(
      async () => {
        const found: { ticket_id: string; id: string; message_id: string; status: string; attempts: number; kind: string }[] = await bed.ds.query(
          `SELECT ticket_id, id, message_id, status, attempts, kind FROM outbound_message WHERE ticket_id = ANY($1::uuid[])`,
          [[...burst, automatedTicket].map((t) => t.id)],
        );
        expect(found.filter((row) => row.status === 'sent')).toHaveLength(burst.length);
        return found;
      },
      { timeoutMs: 20_000, describe: () => bed.logs() },
    );
    expect(rows).toHaveLength(burst.length);
    await eventually(async () => expect(smtp.messages.length).toBeGreaterThanOrEqual(burst.length), { timeoutMs: 10_000 });
    const rowOf = new Map(rows.map((row) => [row.ticket_id, row]));
    for (const ticket of burst) {
      const mails = mailsTo(ticket);
      expect(mails.map((m) => m.subject)).toEqual([`We received your message: ${ticket.subject} [#${ticket.number}]`]);
      const [mail] = mails;
      const row = rowOf.get(ticket.id)!;
      expect(row).toMatchObject({ kind: 'acknowledgement', status: 'sent', attempts: 1 });
      expect(mail.messageId).toBe(`<${row.message_id}>`);
      expect(mail.envelopeFrom).toBe(QUEUE_ADDRESS);
      expect(mail.headers.get('auto-submitted')).toBe('auto-replied');
      expect(mail.text).toContain(ticket.requester.name ? `Hello ${ticket.requester.name},` : 'Hello,');
      expect(mail.text).toContain(`it is now ticket ${ticket.number}.`);
      if (ticket.inboundMessageId) {
        expect(mail.headers.get('in-reply-to')).toBe(`<${ticket.inboundMessageId}>`);
        expect(mail.headers.get('references')?.replace(/\s+/g, ' ')).toBe(`<${ticket.root}> <${ticket.inboundMessageId}>`);
      } else {
        expect(mail.headers.has('in-reply-to')).toBe(false);
        expect(mail.headers.has('references')).toBe(false);
      }
    }
    expect(mailsTo(automatedTicket)).toEqual([]);

    const articles: { ticket_id: string; outbound_id: string; automated: boolean }[] = await bed.ds.query(
      `SELECT ticket_id, outbound_id, automated FROM article WHERE direction = 'outbound' AND ticket_id = ANY($1::uuid[])`,
      [burst.map((t) => t.id)],
    );
    expect(articles).toHaveLength(burst.length);
    for (const article of articles) expect(article).toMatchObject({ outbound_id: rowOf.get(article.ticket_id)!.id, automated: true });
    await eventually(async () => {
      const sent = (await bed.events(Subjects.ReplySent)).filter((e) => rowOf.has(e.envelope.data.ticketId));
      expect(sent.map((e) => e.envelope.data.outboundId).sort()).toEqual(rows.map((r) => r.id).sort());
    });

    // One transaction per event before batching; now a few per burst (a lone first event, then full batches).
    const distinctEventIds = [...new Set(messages.map((m) => m.envelope.id))].filter((id) => id !== messages.at(-1)!.envelope.id);
    const { claimed, transactions } = await claimingTransactions(distinctEventIds);
    expect(claimed).toBe(distinctEventIds.length);
    expect(transactions).toBeLessThanOrEqual(Math.ceil(distinctEventIds.length / 10));
    // The sends, too: each outbound article was written by the transaction that recorded its batch sent.
    const [{ sendTransactions }] = await bed.ds.query(
      `SELECT count(DISTINCT xmin::text)::int AS "sendTransactions" FROM article WHERE direction = 'outbound' AND ticket_id = ANY($1::uuid[])`,
      [burst.map((t) => t.id)],
    );
    expect(sendTransactions).toBeLessThanOrEqual(Math.ceil(burst.length / 10));
  }, 60_000);

  it('fails an event whose ticket is missing alone: the rest of its batch are acknowledged', async () => {
    const good = await seedTickets(20);
    const missing = envelope(Subjects.TicketOpened, { ...ticketOpened(good[0]).data, ticketId: randomUUID(), ticketNumber: '999999' });
    const messages = good.map((ticket) => ({ envelope: ticketOpened(ticket) as EventEnvelope }));
    messages.splice(10, 0, { envelope: missing });
    await publishBurst(messages);

    await eventually(
      async () => {
        for (const ticket of good) expect(mailsTo(ticket)).toHaveLength(1);
      },
      { timeoutMs: 20_000, describe: () => bed.logs() },
    );
    const goodIds = messages.map((m) => m.envelope.id).filter((id) => id !== missing.id);
    expect((await claimingTransactions(goodIds)).claimed).toBe(goodIds.length);
    // Not claimed: JetStream redelivers it (and the service keeps failing it) while the others are done.
    expect((await claimingTransactions([missing.id])).claimed).toBe(0);
    await eventually(() => {
      const logs = worker.process.recentOutput();
      expect(logs).toContain('acknowledging a batch failed: acknowledging its events one by one');
      expect(logs).toContain(`ticket ${missing.data.ticketId} not found`);
    });
    const [{ count }] = await bed.ds.query(`SELECT count(*)::int AS count FROM outbound_message WHERE ticket_id = $1`, [missing.data.ticketId]);
    expect(count).toBe(0);
    for (const ticket of good) expect(mailsTo(ticket)).toHaveLength(1);
  }, 60_000);
});
