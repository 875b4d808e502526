import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Subjects, type EventEnvelope } from '@casework/contracts';
import { QueueRepository, TicketRepository } from '@casework/database';
import { envelope, eventually, IntegrationBed, OPS_EMAIL, startSmtpCatcher, type SmtpCatcher } from '@casework/devkit';
import { dueAtFor, warnAtFor, type Calendar } from '@casework/domain';

const MIN = 60_000;
const OPENED_DURABLE = 'notification_casework_ticket_opened';
const OFFICE: Calendar = {
  kind: 'business-hours',
  timeZone: 'Europe/Berlin',
  week: {
    mon: [{ start: '09:00', end: '17:00' }],
    tue: [{ start: '09:00', end: '17:00' }],
    wed: [{ start: '09:00', end: '17:00' }],
    thu: [{ start: '09:00', end: '17:00' }],
    fri: [{ start: '09:00', end: '17:00' }],
    sat: [],
    sun: [],
  },
  holidays: [],
};

/** Which policy a seeded ticket falls under. */
type Kind = 'default' | 'queue' | 'queue-high' | 'emergency';

interface SeededTicket {
  id: string;
  number: string;
  queueId: string;
  priority: string;
  kind: Kind;
  at: Date;
}

interface Clock {
  kind: string;
  policyId: string | null;
  startedAt: number;
  dueAt: number | null;
  warnAt: number | null;
  state: string;
}

/**
 * Bursts of ticket.opened through the built notification process: handled in group-commit
 * batches (fewer transactions than events), every ticket with exactly its clocks, and an event
 * that cannot succeed failing alone.
 */
describe('ticket.opened in batches (built notification process)', () => {
  let bed: IntegrationBed;
  let smtp: SmtpCatcher;
  let defaultQueueId: string;
  let batchQueueId: string;
  let requesterId: string;
  const policyIds = {} as Record<'default' | 'queue' | 'queue-high', string>;
  let seq = 0;

  async function seedTickets(kinds: Kind[], firstAt: Date): Promise<SeededTicket[]> {
    const specs = kinds.map((kind, i) => {
      seq += 1;
      const queueId = kind === 'default' || kind === 'emergency' ? defaultQueueId : batchQueueId;
      const priority = kind === 'queue-high' ? 'high' : kind === 'emergency' ? 'emergency' : 'normal';
      // Distinct opening times (a few seconds apart), so a mixed-up ticket shows in its due time.
      return { number: `BT${String(seq).padStart(5, '0')}`, queueId, priority, kind, at: new Date(firstAt.getTime() + i * 7_000) };
    });
    const rows: { id: string; number: string }[] = await bed.ds.query(
      `INSERT INTO ticket (number, subject, queue_id, requester_id, priority)
       SELECT n, 'Batch ' || n, q, $4, p FROM unnest($1::text[], $2::uuid[], $3::text[]) AS s(n, q, p) RETURNING id, number`,
      [specs.map((s) => s.number), specs.map((s) => s.queueId), specs.map((s) => s.priority), requesterId],
    );
    const idByNumber = new Map(rows.map((r) => [r.number, r.id]));
    return specs.map((s) => ({ ...s, id: idByNumber.get(s.number)! }));
  }

  function openedEvent(ticket: Pick<SeededTicket, 'id' | 'number' | 'queueId' | 'priority' | 'at'>): EventEnvelope<typeof Subjects.TicketOpened> {
    return envelope(
      Subjects.TicketOpened,
      {
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        queueId: ticket.queueId,
        articleId: '00000000-0000-4000-8000-000000000000',
        priority: ticket.priority,
        requester: { email: 'rita@example.org', name: null },
        subject: `Batch ${ticket.number}`,
        automation: { automated: false, reason: null },
      },
      ticket.at,
    );
  }

  /** The clocks each ticket must have: its policy's kinds, due and warned per its calendar. */
  function expectedClocks(ticket: SeededTicket): Clock[] {
    const at = ticket.at.getTime();
    const running = (kind: string, policyId: string, dueAt: number, warnAt: number): Clock => ({ kind, policyId, startedAt: at, dueAt, warnAt, state: 'running' });
    switch (ticket.kind) {
      case 'default':
      case 'emergency':
        return [running('first_response', policyIds.default, at + 60 * MIN, at + 48 * MIN)];
      case 'queue':
        return [running('first_response', policyIds.queue, at + 30 * MIN, at + 15 * MIN), running('resolution', policyIds.queue, at + 600 * MIN, at + 300 * MIN)];
      case 'queue-high': {
        const timeline = { startedAt: ticket.at, pauses: [] };
        return [running('first_response', policyIds['queue-high'], dueAtFor(timeline, 120 * MIN, OFFICE)!.getTime(), warnAtFor(timeline, 120 * MIN, 80, OFFICE)!.getTime())];
      }
    }
  }

  async function clocksByTicket(ticketIds: string[]): Promise<Record<string, Clock[]>> {
    const rows: { ticket_id: string; kind: string; policy_id: string | null; started_at: Date; due_at: Date | null; warn_at: Date | null; state: string }[] = await bed.ds.query(
      `SELECT ticket_id, kind, policy_id, started_at, due_at, warn_at, state FROM sla_clock WHERE ticket_id = ANY($1::uuid[]) ORDER BY ticket_id, kind`,
      [ticketIds],
    );
    const byTicket: Record<string, Clock[]> = {};
    for (const r of rows) {
      (byTicket[r.ticket_id] ??= []).push({
        kind: r.kind,
        policyId: r.policy_id,
        startedAt: r.started_at.getTime(),
        dueAt: r.due_at?.getTime() ?? null,
        warnAt: r.warn_at?.getTime() ?? null,
        state: r.state,
      });
    }
    return byTicket;
  }

  const expectedByTicket = (tickets: SeededTicket[]): Record<string, Clock[]> => Object.fromEntries(tickets.map((t) => [t.id, expectedClocks(t)]));

  /** Transactions that wrote these tickets' clocks (each row keeps the id of the one that inserted it). */
  async function insertingTransactions(ticketIds: string[]): Promise<number> {
    const [row] = await bed.ds.query(`SELECT count(DISTINCT xmin::text)::int AS n FROM sla_clock WHERE ticket_id = ANY($1::uuid[])`, [ticketIds]);
    return row.n;
  }

  beforeAll(async () => {
    [bed, smtp] = await Promise.all([IntegrationBed.start({ firstResponseMinutes: 60 }), startSmtpCatcher()]);
    const queues = new QueueRepository();
    defaultQueueId = (await queues.findDefault(bed.ds))!.id;
    batchQueueId = (await queues.upsert(bed.ds, { slug: 'batch', name: 'Batch', address: 'batch@casework.test', isDefault: false })).id;
    const [{ id: calendarId }] = await bed.ds.query(`INSERT INTO sla_calendar (name, definition) VALUES ('Office', $1::jsonb) RETURNING id`, [JSON.stringify(OFFICE)]);
    const policies: { id: string; name: string }[] = await bed.ds.query(
      `INSERT INTO sla_policy (name, queue_id, priority, first_response_minutes, next_response_minutes, resolution_minutes, warn_at_percent, calendar_id)
       VALUES ('Batch', $1, NULL, 30, NULL, 600, 50, NULL), ('Batch high', $1, 'high', 120, NULL, NULL, 80, $2) RETURNING id, name`,
      [batchQueueId, calendarId],
    );
    policyIds.queue = policies.find((p) => p.name === 'Batch')!.id;
    policyIds['queue-high'] = policies.find((p) => p.name === 'Batch high')!.id;
    [{ id: policyIds.default }] = await bed.ds.query(`SELECT id FROM sla_policy WHERE queue_id IS NULL AND priority IS NULL`);
    requesterId = await new TicketRepository().upsertContact(bed.ds, { email: 'rita@example.org', name: 'Rita' });
    await bed.startWorker(
      'notification',
      bed.baseEnv({ SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_TLS: 'false', OPS_EMAIL, SLA_SWEEP_MAX_SLEEP_MS: '250' }),
    );
  }, 60_000);

  afterAll(async () => {
    await bed?.stop();
    await smtp?.stop();
  }, 30_000);

  it('starts exactly each ticket’s clocks for a burst of ticket.opened, in far fewer transactions than events', async () => {
    const kinds: Kind[] = Array.from({ length: 150 }, (_, i) => (['default', 'queue', 'queue-high'] as const)[i % 3]);
    // An emergency in the middle of the burst is paged as well (inside its batch's transaction).
    kinds.splice(75, 0, 'emergency');
    const tickets = await seedTickets(kinds, new Date(Date.now() - 2 * MIN));
    const events = tickets.map(openedEvent);

    const acks = await Promise.all(events.map((event) => bed.publish(event)));
    await bed.waitForConsumer(OPENED_DURABLE, Math.max(...acks.map((ack) => ack.seq)), 30_000);

    expect(await clocksByTicket(tickets.map((t) => t.id))).toEqual(expectedByTicket(tickets));
    const transactions = await insertingTransactions(tickets.map((t) => t.id));
    process.stdout.write(`${events.length} ticket.opened events handled in ${transactions} transactions\n`);
    // One per event before batching; a burst fills batches of up to SLA_EVENT_BATCH_SIZE (50).
    expect(transactions).toBeLessThan(events.length / 4);

    const emergency = tickets.find((t) => t.kind === 'emergency')!;
    const pages: { level: number; target_email: string }[] = await bed.ds.query(`SELECT level, target_email FROM page WHERE ticket_id = $1`, [emergency.id]);
    expect(pages).toEqual([{ level: 0, target_email: OPS_EMAIL }]);
    await smtp.waitFor((m) => m.envelopeTo.includes(OPS_EMAIL) && m.subject.includes(emergency.number), 10_000);

    // A redelivered burst (the same event ids) changes nothing.
    const again = await Promise.all(events.slice(0, 20).map((event) => bed.publish(event, randomUUID())));
    await bed.waitForConsumer(OPENED_DURABLE, Math.max(...again.map((ack) => ack.seq)), 30_000);
    expect(await clocksByTicket(tickets.map((t) => t.id))).toEqual(expectedByTicket(tickets));
    expect(await insertingTransactions(tickets.map((t) => t.id))).toBe(transactions);
  });

  it('an event that cannot succeed (its ticket does not exist) fails alone: the rest of its burst get their clocks', async () => {
    const kinds: Kind[] = Array.from({ length: 60 }, (_, i) => (['default', 'queue', 'queue-high'] as const)[i % 3]);
    const tickets = await seedTickets(kinds, new Date(Date.now() - MIN));
    const missing = { id: randomUUID(), number: 'BT-MISSING', queueId: defaultQueueId, priority: 'normal', at: new Date() };
    const badEvent = openedEvent(missing);
    const events = tickets.map(openedEvent);
    events.splice(30, 0, badEvent);

    await Promise.all(events.map((event) => bed.publish(event)));
    const ids = tickets.map((t) => t.id);
    await eventually(
      async () => {
        const clocks = await clocksByTicket(ids);
        expect(Object.keys(clocks)).toHaveLength(tickets.length);
      },
      { timeoutMs: 30_000, intervalMs: 100, describe: () => bed.logs() },
    );
    expect(await clocksByTicket(ids)).toEqual(expectedByTicket(tickets));

    // The bad event is retried (JetStream redelivers it), never with clocks of its own.
    await eventually(() => expect(bed.logs()).toMatch(new RegExp(`"eventId":"${badEvent.id}".*event handler failed; will retry`)), {
      timeoutMs: 10_000,
      describe: () => bed.logs(),
    });
    await sleep(500);
    const [orphans] = await bed.ds.query(`SELECT count(*)::int AS n FROM sla_clock WHERE ticket_id = $1`, [missing.id]);
    expect(orphans.n).toBe(0);
    const [claimed] = await bed.ds.query(`SELECT count(*)::int AS n FROM processed_event WHERE consumer = 'notification' AND event_id = $1`, [badEvent.id]);
    expect(claimed.n).toBe(0);
  });
});
