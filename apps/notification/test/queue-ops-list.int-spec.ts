import { setTimeout as sleep } from 'node:timers/promises';
import { Subjects } from '@casework/contracts';
import { QueueRepository, SLA_WARNING_TEMPLATE, TemplateRepository, TicketRepository } from '@casework/database';
import { envelope, eventually, IntegrationBed, OPS_EMAIL, startSmtpCatcher, type CaughtMail, type SmtpCatcher } from '@casework/devkit';

const LEAD = 'lead@ops.test';
const NIGHT = 'night@ops.test';
const FAST_MINUTES = 0.05; // 3 s, warning at 80 % = 2.4 s

interface Ticket {
  id: string;
  number: string;
  subject: string;
  queueId: string;
}

interface NoticeRow {
  reason: string;
  recipient: string;
  status: string;
  attempts: number;
}

/**
 * Warnings, breaches and fallback pages go to the ticket's queue's ops list (OPS_EMAIL while it
 * is empty), one mail per address and clock event, with two notification replicas running.
 */
describe('queue ops list (two built notification processes, real Postgres, NATS and SMTP)', () => {
  let bed: IntegrationBed;
  let smtp: SmtpCatcher;
  let listedQueueId: string;
  let unlistedQueueId: string;
  let requesterId: string;
  let seq = 0;
  const tickets = new TicketRepository();

  async function openTicket(queueId: string, priority: 'normal' | 'emergency' = 'normal'): Promise<Ticket> {
    seq += 1;
    const subject = `Ops list case ${seq}`;
    const ticket = { ...(await tickets.open(bed.ds, { subject, queueId, requesterId, priority })), subject, queueId };
    await bed.publish(
      envelope(Subjects.TicketOpened, {
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        queueId,
        articleId: '00000000-0000-4000-8000-000000000000',
        priority,
        requester: { email: 'rita@example.org', name: null },
        subject,
        automation: { automated: false, reason: null },
      }),
    );
    return ticket;
  }

  const mailsAbout = (ticket: Ticket, subjectStart: string): CaughtMail[] =>
    smtp.messages.filter((m) => m.subject.startsWith(subjectStart) && m.subject.includes(` ticket ${ticket.number}`));
  const recipientsOf = (mails: CaughtMail[]) => mails.flatMap((m) => m.envelopeTo).sort();
  const noticesOf = (ticket: Ticket): Promise<NoticeRow[]> =>
    bed.ds.query(`SELECT reason, recipient, status, attempts FROM notification WHERE ticket_id = $1 ORDER BY reason, recipient`, [ticket.id]);
  const dueAtOf = async (ticket: Ticket): Promise<Date> =>
    (await bed.ds.query(`SELECT due_at FROM sla_clock WHERE ticket_id = $1 AND kind = 'first_response'`, [ticket.id]))[0].due_at;

  beforeAll(async () => {
    [bed, smtp] = await Promise.all([IntegrationBed.start({ firstResponseMinutes: 60 }), startSmtpCatcher()]);
    const queues = new QueueRepository();
    // The list as the API stores it; the demo queue keeps its empty list (fallback) as seeded.
    listedQueueId = (await queues.upsert(bed.ds, { slug: 'listed', name: 'Listed', address: 'listed@casework.test', isDefault: false, opsEmails: [LEAD, NIGHT] })).id;
    unlistedQueueId = (await queues.upsert(bed.ds, { slug: 'unlisted', name: 'Unlisted', address: 'unlisted@casework.test', isDefault: false })).id;
    expect((await queues.findDefault(bed.ds))!.opsEmails).toEqual([]);
    for (const queueId of [listedQueueId, unlistedQueueId]) {
      await bed.ds.query(`INSERT INTO sla_policy (name, queue_id, priority, first_response_minutes) VALUES ($1, $2, NULL, $3)`, [`Fast ${queueId}`, queueId, FAST_MINUTES]);
    }
    requesterId = await tickets.upsertContact(bed.ds, { email: 'rita@example.org', name: 'Rita' });
    const env = bed.baseEnv({ SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_TLS: 'false', OPS_EMAIL, SLA_SWEEP_MAX_SLEEP_MS: '250' });
    await Promise.all([bed.startWorker('notification', env), bed.startWorker('notification', env)]);
  }, 60_000);

  afterAll(async () => {
    await bed?.stop();
    await smtp?.stop();
  }, 30_000);

  it("sends the warning and the breach once to each address of the queue's ops list, none to OPS_EMAIL; both from the seeded templates", async () => {
    const ticket = await openTicket(listedQueueId);
    await eventually(async () => expect(recipientsOf(mailsAbout(ticket, 'SLA breached:'))).toEqual([LEAD, NIGHT]), { timeoutMs: 10_000, describe: () => bed.logs() });
    await eventually(async () => expect(recipientsOf(mailsAbout(ticket, 'SLA warning:'))).toEqual([LEAD, NIGHT]), { timeoutMs: 5000, describe: () => bed.logs() });

    const dueAt = (await dueAtOf(ticket)).toISOString();
    const [breach] = mailsAbout(ticket, 'SLA breached:');
    expect(breach.subject).toBe(`SLA breached: first_response on ticket ${ticket.number}`);
    expect(breach.text).toContain(`("${ticket.subject}") was due at ${dueAt}`);
    const [warning] = mailsAbout(ticket, 'SLA warning:');
    expect(warning.subject).toBe(`SLA warning: first_response on ticket ${ticket.number} is due at ${dueAt}`);
    expect(warning.text).toContain(`The first_response target of ticket ${ticket.number} ("${ticket.subject}") is due at ${dueAt}\nand has not been met yet.`);

    // Several sweeps of both replicas and a notifier retry sweep (5 s) later: still one mail per address and event.
    await sleep(5500);
    expect(recipientsOf(mailsAbout(ticket, 'SLA breached:'))).toEqual([LEAD, NIGHT]);
    expect(recipientsOf(mailsAbout(ticket, 'SLA warning:'))).toEqual([LEAD, NIGHT]);
    expect(smtp.messages.filter((m) => m.subject.includes(` ticket ${ticket.number}`)).every((m) => m.envelopeTo.length === 1)).toBe(true);
    expect(await noticesOf(ticket)).toEqual([
      { reason: 'breach', recipient: LEAD, status: 'sent', attempts: 1 },
      { reason: 'breach', recipient: NIGHT, status: 'sent', attempts: 1 },
      { reason: 'warning', recipient: LEAD, status: 'sent', attempts: 1 },
      { reason: 'warning', recipient: NIGHT, status: 'sent', attempts: 1 },
    ]);
    const breachEvents = (await bed.events(Subjects.SlaBreached)).filter((e) => e.envelope.data.ticketId === ticket.id);
    expect(breachEvents).toHaveLength(1);
  }, 30_000);

  it('sends the breach to OPS_EMAIL while the queue’s ops list is empty', async () => {
    const ticket = await openTicket(unlistedQueueId);
    const breach = await smtp.waitFor((m) => m.subject === `SLA breached: first_response on ticket ${ticket.number}`, 10_000);
    expect(breach.envelopeTo).toEqual([OPS_EMAIL]);
    await sleep(1000);
    expect(recipientsOf(mailsAbout(ticket, 'SLA breached:'))).toEqual([OPS_EMAIL]);
    expect((await noticesOf(ticket)).map((n) => [n.reason, n.recipient])).toEqual([
      ['breach', OPS_EMAIL],
      ['warning', OPS_EMAIL],
    ]);
  }, 20_000);

  it("pages the queue's ops list when nobody is on call: one page naming the list, one mail per address", async () => {
    const ticket = await openTicket(listedQueueId, 'emergency');
    await eventually(async () => expect(recipientsOf(mailsAbout(ticket, 'PAGE:'))).toEqual([LEAD, NIGHT]), { timeoutMs: 5000, describe: () => bed.logs() });
    const [page] = mailsAbout(ticket, 'PAGE:');
    expect(page.subject).toBe(`PAGE: emergency ticket ${ticket.number}`);
    expect(page.text).toContain('Nobody (else) is on call for this queue');
    const pages = await bed.ds.query(`SELECT level, target_email, state, escalate_at FROM page WHERE ticket_id = $1`, [ticket.id]);
    expect(pages).toEqual([{ level: 0, target_email: `${LEAD}, ${NIGHT}`, state: 'open', escalate_at: null }]);
    await eventually(async () => {
      const sent = (await bed.events(Subjects.PageSent)).filter((e) => e.envelope.data.ticketId === ticket.id);
      expect(sent.map((e) => [e.envelope.data.target, e.envelope.data.via])).toEqual([[`${LEAD}, ${NIGHT}`, 'fallback']]);
    });
    await sleep(1000);
    expect(recipientsOf(mailsAbout(ticket, 'PAGE:'))).toEqual([LEAD, NIGHT]);
  }, 20_000);

  it('renders the warning from the newest stored template version', async () => {
    await new TemplateRepository().publish(bed.ds, {
      ...SLA_WARNING_TEMPLATE,
      subject: 'Heads-up: {{clock.kind}} on ticket {{ticket.number}}',
      body: 'Ticket {{ticket.number}} needs an answer before {{clock.dueAt}}.\n',
    });
    const ticket = await openTicket(listedQueueId);
    const warning = await smtp.waitFor((m) => m.subject === `Heads-up: first_response on ticket ${ticket.number}`, 10_000);
    expect(warning.text).toBe(`Ticket ${ticket.number} needs an answer before ${(await dueAtOf(ticket)).toISOString()}.\n`);
  }, 20_000);
});
