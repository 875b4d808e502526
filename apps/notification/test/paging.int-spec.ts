import { setTimeout as sleep } from 'node:timers/promises';
import { Subjects } from '@casework/contracts';
import { QueueRepository, TicketRepository } from '@casework/database';
import { awaitStartup, envelope, eventually, freePort, IntegrationBed, OPS_EMAIL, startService, startSmtpCatcher, waitForPort, type ManagedProcess, type SmtpCatcher } from '@casework/devkit';

const TOKEN = 'paging-int-test-token-0123456789';
const ALICE = 'alice@oncall.test';
const BOB = 'bob@oncall.test';

interface Ticket {
  id: string;
  number: string;
}

interface PageBody {
  id: string;
  ticketId: string;
  target: string;
  level: number;
  state: string;
}

describe('on-call paging (built api + notification processes)', () => {
  let bed: IntegrationBed;
  let smtp: SmtpCatcher;
  let api: ManagedProcess;
  let base: string;
  let defaultQueue: { id: string; slug: string };
  let quietQueueId: string;
  let requesterId: string;
  const tickets = new TicketRepository();
  let seq = 0;

  const call = async <T>(path: string, init: { method?: string; json?: unknown } = {}): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${TOKEN}`, ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };

  async function seedTicket(queueId: string): Promise<Ticket> {
    seq += 1;
    return tickets.open(bed.ds, { subject: `Paging case ${seq}`, queueId, requesterId, priority: 'normal' });
  }

  const mailsTo = (email: string, ticket: Ticket) => smtp.messages.filter((m) => m.envelopeTo.includes(email) && m.subject.includes(ticket.number));
  const pagesOf = (ticket: Ticket) =>
    bed.ds.query(`SELECT id, level, target_email, state FROM page WHERE ticket_id = $1 ORDER BY level`, [ticket.id]) as Promise<
      { id: string; level: number; target_email: string; state: string }[]
    >;

  beforeAll(async () => {
    [bed, smtp] = await Promise.all([IntegrationBed.start(), startSmtpCatcher()]);
    const queues = new QueueRepository();
    const found = (await queues.findDefault(bed.ds))!;
    defaultQueue = { id: found.id, slug: found.slug };
    quietQueueId = (await queues.upsert(bed.ds, { slug: 'quiet', name: 'Quiet', address: 'quiet@casework.test', isDefault: false })).id;
    requesterId = await tickets.upsertContact(bed.ds, { email: 'rita@example.org', name: 'Rita' });
    const env = bed.baseEnv({ SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_TLS: 'false', OPS_EMAIL, SLA_SWEEP_MAX_SLEEP_MS: '250', PAGE_ESCALATION_MINUTES: '0.05' });
    const port = await freePort();
    base = `http://127.0.0.1:${port}/api/v1`;
    api = startService('api', { ...bed.baseEnv({ LOG_LEVEL: 'warn' }), PORT: String(port), API_BOOTSTRAP_TOKEN: TOKEN }, !!process.env.CASEWORK_TEST_LOGS);
    await Promise.all([bed.startWorker('notification', env), awaitStartup(api, (signal) => waitForPort(port, '127.0.0.1', 30_000, signal))]);
  }, 90_000);

  afterAll(async () => {
    await api?.kill();
    await bed?.stop();
    await smtp?.stop();
  }, 30_000);

  it('manages shifts: 400 names the fields (to after from, unknown queues); /oncall/now orders by shift start', async () => {
    const now = Date.now();
    const bad = await call<{ fields: Record<string, string[]> }>('/oncall/shifts', {
      method: 'POST',
      json: { name: 'X', email: 'x@oncall.test', from: new Date(now).toISOString(), to: new Date(now - 1000).toISOString(), queues: ['nope'] },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['queues', 'to']);
    const missing = await call<{ fields: Record<string, string[]> }>('/oncall/shifts', { method: 'POST', json: { email: 'not-an-email', from: 'yesterday' } });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.fields).sort()).toEqual(['email', 'from', 'name', 'to']);

    const shift = (name: string, email: string, startMinutesAgo: number) => ({
      name,
      email,
      from: new Date(now - startMinutesAgo * 60_000).toISOString(),
      to: new Date(now + 60 * 60_000).toISOString(),
      queues: [defaultQueue.slug],
    });
    // Bob is created first but started later: Alice is first on call, Bob next.
    const bob = await call<{ id: string }>('/oncall/shifts', { method: 'POST', json: shift('Bob', BOB, 30) });
    const alice = await call<{ id: string; queues: string[] }>('/oncall/shifts', { method: 'POST', json: shift('Alice', ALICE, 60) });
    expect([bob.status, alice.status, alice.body.queues]).toEqual([201, 201, [defaultQueue.slug]]);
    const temp = await call<{ id: string }>('/oncall/shifts', { method: 'POST', json: shift('Temp', 'temp@oncall.test', 10) });

    expect((await call<{ items: { email: string }[] }>('/oncall/shifts')).body.items.map((s) => s.email)).toEqual([ALICE, BOB, 'temp@oncall.test']);
    expect((await call(`/oncall/shifts/${temp.body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(`/oncall/shifts/${temp.body.id}`, { method: 'DELETE' })).status).toBe(404);
    const now1 = await call<{ items: { email: string }[] }>(`/oncall/now?queue=${defaultQueue.slug}`);
    expect(now1.body.items.map((s) => s.email)).toEqual([ALICE, BOB]);
    expect((await call<{ items: unknown[] }>('/oncall/now?queue=quiet')).body.items).toEqual([]);
  });

  it('PATCH priority emergency pages the first person on call within 5 s; an ack (idempotent) stops the escalation', async () => {
    const ticket = await seedTicket(defaultQueue.id);
    const started = Date.now();
    const patched = await call<{ priority: string }>(`/tickets/${ticket.id}`, { method: 'PATCH', json: { priority: 'emergency' } });
    expect([patched.status, patched.body.priority]).toEqual([200, 'emergency']);
    const mail = await smtp.waitFor((m) => m.envelopeTo.includes(ALICE) && m.subject.includes(ticket.number), 5000);
    const latencyMs = Date.now() - started;
    console.log(`page latency (PATCH → email caught): ${latencyMs} ms`);
    expect(latencyMs).toBeLessThan(5000);
    expect(mail.subject).toBe(`PAGE: emergency ticket ${ticket.number}`);

    const [page] = await pagesOf(ticket);
    expect(page).toMatchObject({ level: 0, target_email: ALICE, state: 'open' });
    for (let i = 0; i < 2; i++) {
      const acked = await call<PageBody>(`/pages/${page.id}/ack`, { method: 'POST' });
      expect([acked.status, acked.body.state, acked.body.target]).toEqual([200, 'acked', ALICE]);
    }
    expect((await call('/pages/00000000-0000-4000-8000-000000000000/ack', { method: 'POST' })).status).toBe(404);
    expect((await call('/pages/nope/ack', { method: 'POST' })).status).toBe(404);

    await sleep(4000);
    expect(mailsTo(BOB, ticket)).toHaveLength(0);
    expect(await pagesOf(ticket)).toEqual([expect.objectContaining({ level: 0, state: 'acked' })]);
    const events = (await bed.events(Subjects.TicketPriorityChanged)).filter((e) => e.envelope.data.ticketId === ticket.id);
    expect(events.map((e) => e.envelope.data)).toEqual([{ ticketId: ticket.id, from: 'normal', to: 'emergency', queueId: defaultQueue.id }]);
  });

  it('an unacknowledged page escalates to the second person on call after ~3 s, once', async () => {
    const ticket = await seedTicket(defaultQueue.id);
    const started = Date.now();
    expect((await call(`/tickets/${ticket.id}`, { method: 'PATCH', json: { priority: 'emergency' } })).status).toBe(200);
    await smtp.waitFor((m) => m.envelopeTo.includes(ALICE) && m.subject.includes(ticket.number), 5000);
    const escalated = await smtp.waitFor((m) => m.envelopeTo.includes(BOB) && m.subject.includes(ticket.number), 10_000);
    const escalationMs = Date.now() - started;
    console.log(`escalation after ${escalationMs} ms (PAGE_ESCALATION_MINUTES=0.05)`);
    expect(escalationMs).toBeGreaterThanOrEqual(2900);
    expect(escalationMs).toBeLessThan(6000);
    expect(escalated.subject).toBe(`PAGE: emergency ticket ${ticket.number} (escalation 1)`);

    // Bob's page escalates in turn: with nobody else on call, to the ops address; then it stops.
    await smtp.waitFor((m) => m.envelopeTo.includes(OPS_EMAIL) && m.subject.includes(ticket.number), 10_000);
    await sleep(1000);
    expect(await pagesOf(ticket)).toEqual([
      expect.objectContaining({ level: 0, target_email: ALICE, state: 'escalated' }),
      expect.objectContaining({ level: 1, target_email: BOB, state: 'escalated' }),
      expect.objectContaining({ level: 2, target_email: OPS_EMAIL, state: 'open' }),
    ]);
    expect([mailsTo(ALICE, ticket).length, mailsTo(BOB, ticket).length, mailsTo(OPS_EMAIL, ticket).length]).toEqual([1, 1, 1]);
    await eventually(async () => {
      const sent = (await bed.events(Subjects.PageSent)).filter((e) => e.envelope.data.ticketId === ticket.id);
      expect(sent.map((e) => [e.envelope.data.level, e.envelope.data.target, e.envelope.data.via])).toEqual([
        [0, ALICE, 'oncall'],
        [1, BOB, 'oncall'],
        [2, OPS_EMAIL, 'fallback'],
      ]);
    });
  });

  it('with nobody on call for the queue, an emergency ticket.opened pages the ops address (fallback)', async () => {
    const ticket = await seedTicket(quietQueueId);
    const started = Date.now();
    await bed.publish(
      envelope(Subjects.TicketOpened, {
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        queueId: quietQueueId,
        articleId: '00000000-0000-4000-8000-000000000000',
        priority: 'emergency',
        requester: { email: 'rita@example.org', name: null },
        subject: 'Emergency',
        automation: { automated: false, reason: null },
      }),
    );
    const mail = await smtp.waitFor((m) => m.envelopeTo.includes(OPS_EMAIL) && m.subject.includes(ticket.number), 5000);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(mail.text).toContain('Nobody (else) is on call');
    expect(await pagesOf(ticket)).toEqual([expect.objectContaining({ level: 0, target_email: OPS_EMAIL, state: 'open' })]);
  });

  it('exposes the SLA metrics on the notification process: open tickets by queue and priority, clocks, breach delay, notification failures', async () => {
    const worker = bed.workers.find((w) => w.name === 'notification')!;
    const text = await (await fetch(`http://127.0.0.1:${worker.httpPort}/metrics`)).text();
    expect(text).toContain(`casework_open_tickets{queue="${defaultQueue.slug}",priority="emergency"} 2`);
    expect(text).toContain('casework_open_tickets{queue="quiet",priority="normal"} 1');
    expect(text).toMatch(/casework_sla_clocks\{state="running"\} \d+/);
    expect(text).toMatch(/casework_sla_clocks\{state="at_risk"\} \d+/);
    expect(text).toMatch(/casework_sla_clocks\{state="breached"\} \d+/);
    expect(text).toContain('# TYPE casework_sla_breach_detection_delay_seconds histogram');
    expect(text).toContain('# TYPE casework_notification_failures_total counter');
  });
});
