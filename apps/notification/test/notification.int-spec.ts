import { setTimeout as sleep } from 'node:timers/promises';
import { Subjects, type OutboundKind } from '@casework/contracts';
import { QueueRepository, TicketRepository } from '@casework/database';
import { envelope, eventually, IntegrationBed, OPS_EMAIL, startSmtpCatcher, type CaughtMail, type SmtpCatcher } from '@casework/devkit';

const REPLY_SENT = 'notification_casework_reply_sent';
const TICKET_OPENED = 'notification_casework_ticket_opened';
const FAST_MINUTES = 0.05; // 3 s

interface Ticket {
  id: string;
  number: string;
  subject: string;
  queueId: string;
}

interface ClockRow {
  id: string;
  policy_id: string | null;
  state: string;
  started_at: Date;
  due_at: Date;
  met_at: Date | null;
  breached_at: Date | null;
}

describe('notification (built processes: SLA clocks, breaches, ops mail)', () => {
  let bed: IntegrationBed;
  let smtp: SmtpCatcher;
  let defaultQueueId: string;
  let defaultPolicyId: string;
  let fastQueueId: string;
  let fastPolicyId: string;
  let requesterId: string;
  let seq = 0;
  const tickets = new TicketRepository();

  async function seedTicket(queueId: string): Promise<Ticket> {
    seq += 1;
    const subject = `SLA case ${seq}`;
    const opened = await tickets.open(bed.ds, { subject, queueId, requesterId, priority: 'normal' });
    return { ...opened, subject, queueId };
  }

  async function open(ticket: Ticket, occurredAt = new Date()) {
    const event = envelope(
      Subjects.TicketOpened,
      {
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        queueId: ticket.queueId,
        articleId: '00000000-0000-4000-8000-000000000000',
        priority: 'normal',
        requester: { email: 'rita@example.org', name: null },
        subject: ticket.subject,
        automation: { automated: false, reason: null },
      },
      occurredAt,
    );
    const ack = await bed.publish(event);
    return { event, seq: ack.seq };
  }

  async function replySent(ticket: Ticket, kind: OutboundKind, occurredAt = new Date()) {
    const event = envelope(
      Subjects.ReplySent,
      { outboundId: '00000000-0000-4000-8000-000000000001', ticketId: ticket.id, articleId: '00000000-0000-4000-8000-000000000002', kind, messageId: `${kind}-${ticket.number}@casework.test` },
      occurredAt,
    );
    const ack = await bed.publish(event);
    return { event, seq: ack.seq };
  }

  async function clockOf(ticket: Ticket): Promise<ClockRow | undefined> {
    const [row] = await bed.ds.query(
      `SELECT id, policy_id, state, started_at, due_at, met_at, breached_at FROM sla_clock WHERE ticket_id = $1 AND kind = 'first_response'`,
      [ticket.id],
    );
    return row;
  }

  async function waitForClock(ticket: Ticket, state?: string, timeoutMs = 10_000): Promise<ClockRow> {
    return eventually(
      async () => {
        const clock = await clockOf(ticket);
        expect(clock).toBeDefined();
        if (state) expect(clock!.state).toBe(state);
        return clock!;
      },
      { timeoutMs, describe: () => bed.logs() },
    );
  }

  const opsMailsFor = (ticket: Ticket): CaughtMail[] => smtp.messages.filter((m) => m.subject.endsWith(` on ticket ${ticket.number}`));

  beforeAll(async () => {
    [bed, smtp] = await Promise.all([IntegrationBed.start({ firstResponseMinutes: 60 }), startSmtpCatcher()]);
    const queues = new QueueRepository();
    defaultQueueId = (await queues.findDefault(bed.ds))!.id;
    fastQueueId = (await queues.upsert(bed.ds, { slug: 'fast', name: 'Fast', address: 'fast@casework.test', isDefault: false })).id;
    [{ id: defaultPolicyId }] = await bed.ds.query('SELECT id FROM sla_policy WHERE queue_id IS NULL AND priority IS NULL');
    [{ id: fastPolicyId }] = await bed.ds.query(
      `INSERT INTO sla_policy (name, queue_id, priority, first_response_minutes) VALUES ('Fast', $1, NULL, $2) RETURNING id`,
      [fastQueueId, FAST_MINUTES],
    );
    requesterId = await tickets.upsertContact(bed.ds, { email: 'rita@example.org', name: 'Rita' });
    const env = bed.baseEnv({
      SMTP_HOST: smtp.host,
      SMTP_PORT: String(smtp.port),
      SMTP_TLS: 'false',
      OPS_EMAIL,
      SLA_FIRST_RESPONSE_MINUTES: '60',
      SLA_SWEEP_MAX_SLEEP_MS: '250',
    });
    await bed.startWorker('notification', env);
  }, 30_000);

  afterAll(async () => {
    await bed?.stop();
    await smtp?.stop();
  }, 30_000);

  it('starts a running first-response clock due at occurredAt + policy minutes; an acknowledgement leaves it running, a reply meets it', async () => {
    const ticket = await seedTicket(defaultQueueId);
    const occurredAt = new Date(Date.now() - 42_123);
    const opened = await open(ticket, occurredAt);

    const clock = await waitForClock(ticket);
    expect(clock).toMatchObject({ state: 'running', policy_id: defaultPolicyId, met_at: null, breached_at: null });
    expect(clock.started_at.getTime()).toBe(occurredAt.getTime());
    expect(clock.due_at.getTime()).toBe(occurredAt.getTime() + 60 * 60_000);

    // A second ticket.opened for the ticket (a re-emit, later time) does not restart the clock.
    await bed.waitForConsumer(TICKET_OPENED, opened.seq);
    const reopened = await open(ticket, new Date());
    await bed.waitForConsumer(TICKET_OPENED, reopened.seq);
    expect((await clockOf(ticket))!.due_at.getTime()).toBe(clock.due_at.getTime());

    const ack = await replySent(ticket, 'acknowledgement');
    await bed.waitForConsumer(REPLY_SENT, ack.seq);
    expect(await clockOf(ticket)).toMatchObject({ state: 'running', met_at: null });

    const repliedAt = new Date(Date.now() - 1000);
    await replySent(ticket, 'reply', repliedAt);
    const met = await waitForClock(ticket, 'met');
    expect(met.met_at?.getTime()).toBe(repliedAt.getTime());
    expect(met.breached_at).toBeNull();
  });

  it('breaches an unanswered 3 s clock once, with one ops email and one sla.breached event; an answered one is met, an acknowledged one still breaches', async () => {
    const [unanswered, answered, acknowledged] = [await seedTicket(fastQueueId), await seedTicket(fastQueueId), await seedTicket(fastQueueId)];
    const occurredAt = new Date();
    for (const ticket of [unanswered, answered, acknowledged]) await open(ticket, occurredAt);
    for (const ticket of [unanswered, answered, acknowledged]) {
      const clock = await waitForClock(ticket);
      expect(clock).toMatchObject({ policy_id: fastPolicyId });
      expect(clock.due_at.getTime()).toBe(occurredAt.getTime() + 3000);
    }
    await replySent(answered, 'reply');
    const ack = await replySent(acknowledged, 'acknowledgement');
    await waitForClock(answered, 'met', 2000);
    await bed.waitForConsumer(REPLY_SENT, ack.seq);
    expect((await clockOf(acknowledged))!.state).toBe('running');

    const breached = await waitForClock(unanswered, 'breached', 8000);
    expect(breached.breached_at!.getTime()).toBeGreaterThanOrEqual(breached.due_at.getTime());
    // The scheduler sleeps until the next due time (capped at 250 ms): no long polling delay.
    expect(breached.breached_at!.getTime()).toBeLessThan(breached.due_at.getTime() + 3000);
    await waitForClock(acknowledged, 'breached', 3000);

    const mail = await smtp.waitFor((m) => m.subject.endsWith(` on ticket ${unanswered.number}`), 5000);
    expect(mail.subject).toBe(`SLA breached: first_response on ticket ${unanswered.number}`);
    expect(mail.envelopeTo).toEqual([OPS_EMAIL]);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.text).toContain(`("${unanswered.subject}") was due at ${breached.due_at.toISOString()}`);
    await smtp.waitFor((m) => m.subject.endsWith(` on ticket ${acknowledged.number}`), 5000);

    // Breach notices only: the clock's 80 % warning (at 2.4 s) may have queued a warning notice too.
    const notifications = await bed.ds.query(`SELECT clock_id, recipient, status, attempts, message_id FROM notification WHERE ticket_id = $1 AND reason = 'breach'`, [unanswered.id]);
    expect(notifications).toEqual([{ clock_id: breached.id, recipient: OPS_EMAIL, status: 'sent', attempts: 1, message_id: expect.any(String) }]);
    expect(mail.messageId).toBe(`<${notifications[0].message_id}>`);

    await eventually(async () => {
      const events = (await bed.events(Subjects.SlaBreached)).filter((e) => e.envelope.data.ticketId === unanswered.id);
      expect(events.map((e) => e.envelope.data)).toEqual([
        {
          clockId: breached.id,
          ticketId: unanswered.id,
          ticketNumber: unanswered.number,
          kind: 'first_response',
          dueAt: breached.due_at.toISOString(),
          breachedAt: breached.breached_at!.toISOString(),
        },
      ]);
    });

    // Several scheduler sweeps (every <= 250 ms) later nothing more was sent.
    await sleep(1000);
    expect(opsMailsFor(unanswered)).toHaveLength(1);
    expect(opsMailsFor(acknowledged)).toHaveLength(1);
    expect(opsMailsFor(answered)).toHaveLength(0);
    expect(await clockOf(answered)).toMatchObject({ state: 'met', breached_at: null });
    const [{ count }] = await bed.ds.query(`SELECT count(*)::int AS count FROM notification WHERE ticket_id = $1 AND reason = 'breach'`, [answered.id]);
    expect(count).toBe(0);
  }, 30_000);

  it('does not breach a ticket whose reply.sent was handled before its ticket.opened (consumers of different subjects are not ordered)', async () => {
    // After a notification outage both durable consumers work through their backlog in parallel,
    // so a specialist's reply.sent can be handled before the ticket's ticket.opened. The reply must
    // still count: the stakeholder was answered, and no ops alarm may fire.
    const ticket = await seedTicket(fastQueueId);
    const reply = await replySent(ticket, 'reply');
    // Wait until notification has taken the reply (handled it, or is retrying it) before the ticket.opened exists.
    const jsm = await bed.jsm();
    await eventually(async () => {
      const info = await jsm.consumers.info('CASEWORK', REPLY_SENT);
      expect(info.delivered.stream_seq).toBeGreaterThanOrEqual(reply.seq);
    });
    await open(ticket);
    const clock = await waitForClock(ticket);
    // Past due plus a margin for sweeps and a retried reply.
    await sleep(Math.max(0, clock.due_at.getTime() + 1500 - Date.now()));
    expect(await clockOf(ticket)).toMatchObject({ state: 'met', breached_at: null });
    expect(opsMailsFor(ticket)).toHaveLength(0);
  }, 20_000);
});
