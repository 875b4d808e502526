import { setTimeout as sleep } from 'node:timers/promises';
import { Subjects, type EventEnvelope, type EventSubject } from '@casework/contracts';
import { QueueRepository, TicketRepository } from '@casework/database';
import { envelope, eventually, IntegrationBed, OPS_EMAIL, startSmtpCatcher, type SmtpCatcher } from '@casework/devkit';

const MIN = 60_000;
const DURABLE: Partial<Record<EventSubject, string>> = {
  [Subjects.TicketOpened]: 'notification_casework_ticket_opened',
  [Subjects.ReplySent]: 'notification_casework_reply_sent',
  [Subjects.TicketFollowup]: 'notification_casework_ticket_followup',
  [Subjects.TicketStatusChanged]: 'notification_casework_ticket_status_changed',
  [Subjects.TicketPriorityChanged]: 'notification_casework_ticket_priority_changed',
  [Subjects.TicketSplit]: 'notification_casework_ticket_split',
};

interface Ticket {
  id: string;
  number: string;
  subject: string;
  queueId: string;
}

interface ClockRow {
  id: string;
  kind: string;
  state: string;
  started_at: Date;
  due_at: Date | null;
  warn_at: Date | null;
  warned_at: Date | null;
  met_at: Date | null;
  breached_at: Date | null;
  pauses: { from: string; to: string | null }[];
}

/** The clock lifecycle through the built notification process: next response, resolution, pauses, warnings. */
describe('SLA lifecycle (built notification process)', () => {
  let bed: IntegrationBed;
  let smtp: SmtpCatcher;
  let cycleQueueId: string;
  let warnQueueId: string;
  let requesterId: string;
  let seq = 0;
  const tickets = new TicketRepository();

  async function seedTicket(queueId: string): Promise<Ticket> {
    seq += 1;
    const subject = `Lifecycle case ${seq}`;
    const opened = await tickets.open(bed.ds, { subject, queueId, requesterId, priority: 'normal' });
    return { ...opened, subject, queueId };
  }

  /** Publishes and waits until notification has handled it: consumers of different subjects are not ordered. */
  async function handled<S extends EventSubject>(event: EventEnvelope<S>): Promise<void> {
    const ack = await bed.publish(event);
    await bed.waitForConsumer(DURABLE[event.subject]!, ack.seq);
  }

  const opened = (ticket: Ticket, at: Date) =>
    handled(
      envelope(
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
        at,
      ),
    );
  const replied = (ticket: Ticket, at: Date, kind: 'reply' | 'acknowledgement' = 'reply') =>
    handled(
      envelope(
        Subjects.ReplySent,
        { outboundId: '00000000-0000-4000-8000-000000000001', ticketId: ticket.id, articleId: '00000000-0000-4000-8000-000000000002', kind, messageId: `${kind}-${at.getTime()}@casework.test` },
        at,
      ),
    );
  const followup = (ticket: Ticket, at: Date, automated = false, flagged: 'unknown_sender' | null = null) =>
    handled(
      envelope(
        Subjects.TicketFollowup,
        {
          ticketId: ticket.id,
          ticketNumber: ticket.number,
          articleId: '00000000-0000-4000-8000-000000000003',
          matchedBy: 'in-reply-to',
          automation: { automated, reason: automated ? 'auto-submitted' : null },
          flagged,
        },
        at,
      ),
    );
  const status = (ticket: Ticket, from: string, to: string, at: Date) => handled(envelope(Subjects.TicketStatusChanged, { ticketId: ticket.id, from, to }, at));

  async function clocks(ticket: Ticket, kind?: string): Promise<ClockRow[]> {
    return bed.ds.query(
      `SELECT id, kind, state, started_at, due_at, warn_at, warned_at, met_at, breached_at, pauses FROM sla_clock
        WHERE ticket_id = $1 AND ($2::text IS NULL OR kind = $2) ORDER BY started_at, kind`,
      [ticket.id, kind ?? null],
    );
  }
  const one = async (ticket: Ticket, kind: string, state?: string): Promise<ClockRow> => {
    const rows = (await clocks(ticket, kind)).filter((c) => !state || c.state === state);
    expect(rows).toHaveLength(1);
    return rows[0];
  };

  beforeAll(async () => {
    [bed, smtp] = await Promise.all([IntegrationBed.start({ firstResponseMinutes: 60 }), startSmtpCatcher()]);
    const queues = new QueueRepository();
    cycleQueueId = (await queues.upsert(bed.ds, { slug: 'cycle', name: 'Cycle', address: 'cycle@casework.test', isDefault: false })).id;
    warnQueueId = (await queues.upsert(bed.ds, { slug: 'warn', name: 'Warn', address: 'warn@casework.test', isDefault: false })).id;
    await bed.ds.query(
      `INSERT INTO sla_policy (name, queue_id, priority, first_response_minutes, next_response_minutes, resolution_minutes, warn_at_percent)
       VALUES ('Cycle', $1, NULL, 60, 30, 600, 80), ('Warn', $2, NULL, 0.2, NULL, NULL, 25), ('Cycle high', $1, 'high', 20, NULL, NULL, 80)`,
      [cycleQueueId, warnQueueId],
    );
    requesterId = await tickets.upsertContact(bed.ds, { email: 'rita@example.org', name: 'Rita' });
    await bed.startWorker(
      'notification',
      bed.baseEnv({ SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_TLS: 'false', OPS_EMAIL, SLA_SWEEP_MAX_SLEEP_MS: '250' }),
    );
  }, 30_000);

  afterAll(async () => {
    await bed?.stop();
    await smtp?.stop();
  }, 30_000);

  it('runs first response, next response cycles and resolution; pending pauses them; resolving meets resolution and reopening resumes it', async () => {
    const ticket = await seedTicket(cycleQueueId);
    const t0 = Date.now() - 10 * MIN;
    const at = (minutes: number) => new Date(t0 + minutes * MIN);

    await opened(ticket, at(0));
    expect((await one(ticket, 'first_response')).due_at?.getTime()).toBe(at(60).getTime());
    const resolution = await one(ticket, 'resolution');
    expect(resolution).toMatchObject({ state: 'running', warned_at: null });
    expect(resolution.due_at?.getTime()).toBe(at(600).getTime());
    expect(resolution.warn_at?.getTime()).toBe(at(480).getTime());

    // A follow-up before any reply owes nothing new: the first response is still running.
    await followup(ticket, at(1));
    expect(await clocks(ticket, 'next_response')).toHaveLength(0);

    // The acknowledgement is not a reply; the specialist's reply meets the first response.
    await replied(ticket, at(1.5), 'acknowledgement');
    expect((await one(ticket, 'first_response')).state).toBe('running');
    await replied(ticket, at(2));
    expect((await one(ticket, 'first_response')).met_at?.getTime()).toBe(at(2).getTime());

    // An auto-reply does not start the next response; the stakeholder's own follow-up does, once.
    await followup(ticket, at(2.5), true);
    expect(await clocks(ticket, 'next_response')).toHaveLength(0);
    // Nor does a stranger's flagged follow-up: it is not the requester's.
    await followup(ticket, at(2.7), false, 'unknown_sender');
    expect(await clocks(ticket, 'next_response')).toHaveLength(0);
    await followup(ticket, at(3));
    await followup(ticket, at(3.5));
    const next = await one(ticket, 'next_response');
    expect(next.due_at?.getTime()).toBe(at(33).getTime());

    // Pending pauses every running clock: no due or warning time while paused.
    await status(ticket, 'open', 'pending', at(4));
    for (const clock of (await clocks(ticket)).filter((c) => c.state === 'running')) {
      expect(clock).toMatchObject({ due_at: null, warn_at: null, pauses: [{ from: at(4).toISOString(), to: null }] });
    }
    // Back to open resumes them, the 2 paused minutes added.
    await status(ticket, 'pending', 'open', at(6));
    expect((await one(ticket, 'next_response', 'running')).due_at?.getTime()).toBe(at(35).getTime());
    expect((await one(ticket, 'resolution')).due_at?.getTime()).toBe(at(602).getTime());

    // The next reply meets it; the next follow-up starts a new cycle (history kept).
    await replied(ticket, at(7));
    expect((await one(ticket, 'next_response')).state).toBe('met');
    await followup(ticket, at(8));
    const cycles = await clocks(ticket, 'next_response');
    expect(cycles.map((c) => c.state)).toEqual(['met', 'running']);
    expect(cycles[1].due_at?.getTime()).toBe(at(38).getTime());

    // Resolving meets the resolution clock (and pauses the response clock); reopening resumes both.
    await status(ticket, 'open', 'resolved', at(9));
    expect(await one(ticket, 'resolution')).toMatchObject({ state: 'met', met_at: at(9), due_at: null });
    expect((await one(ticket, 'next_response', 'running')).due_at).toBeNull();
    await status(ticket, 'resolved', 'open', at(9.5));
    const reopened = await one(ticket, 'resolution');
    expect(reopened).toMatchObject({ state: 'running', met_at: null });
    expect(reopened.due_at?.getTime()).toBe(at(602.5).getTime());
    expect((await one(ticket, 'next_response', 'running')).due_at?.getTime()).toBe(at(38.5).getTime());
    expect((await clocks(ticket)).every((c) => c.breached_at === null)).toBe(true);
  }, 60_000);

  it('warns once at the policy threshold (event + ops notice), and a reply after the warning still meets the clock', async () => {
    const ticket = await seedTicket(warnQueueId);
    const start = new Date();
    await opened(ticket, start);
    const clock = await one(ticket, 'first_response');
    expect(clock.warn_at?.getTime()).toBe(start.getTime() + 3000); // 25 % of 12 s

    const warned = await eventually(
      async () => {
        const row = await one(ticket, 'first_response');
        expect(row.warned_at).not.toBeNull();
        return row;
      },
      { timeoutMs: 8000, describe: () => bed.logs() },
    );
    expect(warned.warned_at!.getTime()).toBeGreaterThanOrEqual(clock.warn_at!.getTime());
    expect(warned.state).toBe('running');
    await replied(ticket, new Date());
    expect((await one(ticket, 'first_response')).state).toBe('met');

    await eventually(async () => {
      const events = (await bed.events(Subjects.SlaWarning)).filter((e) => e.envelope.data.ticketId === ticket.id);
      expect(events.map((e) => e.envelope.data)).toEqual([
        {
          clockId: clock.id,
          ticketId: ticket.id,
          ticketNumber: ticket.number,
          kind: 'first_response',
          warnAt: clock.warn_at!.toISOString(),
          dueAt: clock.due_at!.toISOString(),
          warnedAt: warned.warned_at!.toISOString(),
        },
      ]);
    });
    const mail = await smtp.waitFor((m) => m.subject.startsWith(`SLA warning: first_response on ticket ${ticket.number} `), 5000);
    expect(mail.envelopeTo).toEqual([OPS_EMAIL]);
    await sleep(1000);
    const notices = await bed.ds.query(`SELECT reason FROM notification WHERE ticket_id = $1`, [ticket.id]);
    expect(notices).toEqual([{ reason: 'warning' }]);
    expect((await bed.events(Subjects.SlaBreached)).filter((e) => e.envelope.data.ticketId === ticket.id)).toHaveLength(0);
  }, 30_000);

  it('re-targets running clocks under the policy a priority change selects, keeping the time spent', async () => {
    const ticket = await seedTicket(cycleQueueId);
    const start = new Date(Date.now() - 10 * 60_000);
    await opened(ticket, start);
    expect((await one(ticket, 'first_response')).due_at!.getTime()).toBe(start.getTime() + 60 * 60_000);

    // The API changes the row and emits the event in one transaction.
    await bed.ds.query(`UPDATE ticket SET priority = 'high' WHERE id = $1`, [ticket.id]);
    await handled(envelope(Subjects.TicketPriorityChanged, { ticketId: ticket.id, from: 'normal', to: 'high', queueId: cycleQueueId }, new Date()));
    const clock = await one(ticket, 'first_response', 'running');
    // 20 minutes under the high-priority policy, counted from the original start (24/7 calendar).
    expect(Math.abs(clock.due_at!.getTime() - (start.getTime() + 20 * 60_000))).toBeLessThan(1000);
  });

  it("starts a split-off ticket's clocks at the split, under its queue and priority's policy", async () => {
    const source = await seedTicket(cycleQueueId);
    const split = await seedTicket(cycleQueueId);
    const at = new Date(Date.now() - 5 * MIN);
    const event = { sourceTicketId: source.id, newTicketId: split.id, queueId: cycleQueueId, articleIds: [], byUserId: '00000000-0000-4000-8000-000000000009' };
    await handled(envelope(Subjects.TicketSplit, { ...event, priority: 'high' }, at));
    expect((await one(split, 'first_response')).due_at?.getTime()).toBe(at.getTime() + 20 * MIN);
    expect(await clocks(source)).toHaveLength(0);
    // An event from before the priority was carried: the normal policy.
    const older = await seedTicket(cycleQueueId);
    await handled(envelope(Subjects.TicketSplit, { ...event, newTicketId: older.id }, at));
    expect((await one(older, 'first_response')).due_at?.getTime()).toBe(at.getTime() + 60 * MIN);
  });
});
