import { setTimeout as sleep } from 'node:timers/promises';
import { Subjects } from '@casework/contracts';
import { QueueRepository, TicketRepository } from '@casework/database';
import { eventually, IntegrationBed, OPS_EMAIL, startSmtpCatcher, type SmtpCatcher, type Worker } from '@casework/devkit';

const CLOCKS = 200;
const SUBJECT_PREFIX = 'SLA breached: first_response on ticket ';

/** Replicas share the clocks table: SKIP LOCKED claims must fire each breach exactly once. */
describe('notification replicas (two built processes, one database)', () => {
  let bed: IntegrationBed;
  let smtp: SmtpCatcher;
  let replicas: Worker[];

  beforeAll(async () => {
    [bed, smtp] = await Promise.all([IntegrationBed.start({ firstResponseMinutes: 60 }), startSmtpCatcher()]);
    const env = bed.baseEnv({
      SMTP_HOST: smtp.host,
      SMTP_PORT: String(smtp.port),
      SMTP_TLS: 'false',
      OPS_EMAIL,
      SLA_SWEEP_MAX_SLEEP_MS: '250',
    });
    replicas = await Promise.all([bed.startWorker('notification', env), bed.startWorker('notification', env)]);
  }, 30_000);

  afterAll(async () => {
    await bed?.stop();
    await smtp?.stop();
  }, 30_000);

  it(`breaches ${CLOCKS} clocks due now exactly once each, with exactly ${CLOCKS} ops emails`, async () => {
    const queueId = (await new QueueRepository().findDefault(bed.ds))!.id;
    const requesterId = await new TicketRepository().upsertContact(bed.ds, { email: 'rita@example.org', name: null });
    const phaseStart = Date.now();
    const numbers: string[] = await bed.ds.transaction(async (tx) => {
      const rows: { id: string; number: string }[] = await tx.query(
        `INSERT INTO ticket (number, subject, queue_id, requester_id)
         SELECT 'B' || lpad(g::text, 4, '0'), 'Bulk ' || g, $1, $2 FROM generate_series(1, $3::int) g RETURNING id, number`,
        [queueId, requesterId, CLOCKS],
      );
      await tx.query(
        `INSERT INTO sla_clock (ticket_id, kind, started_at, due_at)
         SELECT id, 'first_response', now() - interval '1 hour', now() FROM ticket WHERE id = ANY($1::uuid[])`,
        [rows.map((r) => r.id)],
      );
      return rows.map((r) => r.number);
    });
    const ours = new Set(numbers);
    const opsMails = () => smtp.messages.filter((m) => m.subject.startsWith(SUBJECT_PREFIX) && ours.has(m.subject.slice(SUBJECT_PREFIX.length)));

    await eventually(
      async () => {
        const [row] = await bed.ds.query(
          `SELECT (SELECT count(*)::int FROM sla_clock WHERE state = 'breached') AS breached,
                  (SELECT count(*)::int FROM notification WHERE status = 'sent') AS sent`,
        );
        expect(row).toEqual({ breached: CLOCKS, sent: CLOCKS });
        expect(opsMails()).toHaveLength(CLOCKS);
      },
      // Each ops mail is its own SMTP connection (~100 ms here): 200 take ~15-20 s.
      { timeoutMs: 40_000, intervalMs: 250, describe: () => bed.logs() },
    );

    // A few more scheduler sweeps and one notifier retry sweep (5 s) could only add duplicates.
    await sleep(1000);
    const mails = opsMails();
    expect(mails).toHaveLength(CLOCKS);
    expect(new Set(mails.map((m) => m.subject)).size).toBe(CLOCKS);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(CLOCKS);
    expect(mails.every((m) => m.envelopeTo.length === 1 && m.envelopeTo[0] === OPS_EMAIL)).toBe(true);
    expect(smtp.messages).toHaveLength(CLOCKS);

    const [notices] = await bed.ds.query(
      `SELECT count(*)::int AS total, count(DISTINCT clock_id)::int AS clocks,
              count(*) FILTER (WHERE status = 'sent' AND attempts = 1 AND recipient = $1)::int AS sent_first_try
         FROM notification`,
      [OPS_EMAIL],
    );
    expect(notices).toEqual({ total: CLOCKS, clocks: CLOCKS, sent_first_try: CLOCKS });
    const [{ running }] = await bed.ds.query(`SELECT count(*)::int AS running FROM sla_clock WHERE state <> 'breached' OR breached_at IS NULL`);
    expect(running).toBe(0);

    const breachEvents = await eventually(async () => {
      const events = await bed.events(Subjects.SlaBreached);
      expect(events).toHaveLength(CLOCKS);
      return events;
    });
    expect(new Set(breachEvents.map((e) => e.envelope.data.clockId)).size).toBe(CLOCKS);

    // The two schedulers together report exactly CLOCKS breaches: no clock was claimed twice.
    const reported = replicas
      .flatMap((w) => w.process.recentOutput().split('\n'))
      .map((line) => {
        try {
          return JSON.parse(line) as { msg?: string; breached?: number; time?: number };
        } catch {
          return {};
        }
      })
      .filter((entry) => entry.msg === 'SLA clocks breached' && (entry.time ?? 0) >= phaseStart)
      .reduce((sum, entry) => sum + (entry.breached ?? 0), 0);
    expect(reported).toBe(CLOCKS);
  }, 60_000);
});
