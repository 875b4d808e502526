import { setTimeout as sleep } from 'node:timers/promises';
import { STREAM_NAME, Subjects } from '@casework/contracts';
import { QueueRepository, TicketRepository } from '@casework/database';
import { eventually, IntegrationBed, OPS_EMAIL, startSmtpCatcher, type SmtpCatcher } from '@casework/devkit';

const CLOCKS = 10_000;
// The issue asks for all 10,000 within 10 s (a quiet CI host takes about 3 s).
const TARGET_MS = 10_000;
const DEADLINE_MS = TARGET_MS;

/**
 * Two replicas and 10,000 clocks due within the same second: every clock is breached exactly
 * once (one event, one ops notice), all within 10 s. Ops mail delivery is not measured here (each
 * mail is its own SMTP session; the notices are rows, sent behind the sweeps).
 */
describe('notification at scale (two built processes, 10,000 clocks due in one second)', () => {
  let bed: IntegrationBed;
  let smtp: SmtpCatcher;

  beforeAll(async () => {
    [bed, smtp] = await Promise.all([IntegrationBed.start({ firstResponseMinutes: 60 }), startSmtpCatcher()]);
    const env = bed.baseEnv({ SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_TLS: 'false', OPS_EMAIL, SLA_SWEEP_MAX_SLEEP_MS: '250' });
    await Promise.all([bed.startWorker('notification', env), bed.startWorker('notification', env)]);
  }, 60_000);

  afterAll(async () => {
    await bed?.stop();
    await smtp?.stop();
  }, 60_000);

  it(`breaches ${CLOCKS} clocks exactly once each (target ${TARGET_MS / 1000} s, bound ${DEADLINE_MS / 1000} s)`, async () => {
    const queueId = (await new QueueRepository().findDefault(bed.ds))!.id;
    const requesterId = await new TicketRepository().upsertContact(bed.ds, { email: 'rita@example.org', name: null });
    // Due within one second, starting 3 s after the insert began (the insert itself takes a while).
    const second = Math.ceil(Date.now() / 1000) * 1000 + 3000;
    await bed.ds.transaction(async (tx) => {
      await tx.query(
        `WITH t AS (
           INSERT INTO ticket (number, subject, queue_id, requester_id)
           SELECT 'S' || lpad(g::text, 5, '0'), 'Scale ' || g, $1, $2 FROM generate_series(1, $3::int) g RETURNING id, number)
         INSERT INTO sla_clock (ticket_id, kind, started_at, target_ms, due_at)
         SELECT id, 'first_response', to_timestamp($4::double precision / 1000) - interval '1 hour', 3600000,
                to_timestamp(($4::double precision + (substr(number, 2)::int % 1000)) / 1000) FROM t`,
        [queueId, requesterId, CLOCKS, second],
      );
    });
    expect(Date.now()).toBeLessThan(second);

    const state = async () => {
      const [row] = await bed.ds.query(
        `SELECT (SELECT count(*)::int FROM sla_clock WHERE state = 'breached') AS breached,
                (SELECT max(breached_at) FROM sla_clock) AS last_breach,
                (SELECT count(*)::int FROM notification WHERE reason = 'breach') AS notices,
                (SELECT count(DISTINCT clock_id)::int FROM notification) AS noticed_clocks,
                (SELECT count(*)::int FROM outbox WHERE subject = $1) AS events,
                (SELECT count(DISTINCT envelope->'data'->>'clockId')::int FROM outbox WHERE subject = $1) AS event_clocks`,
        [Subjects.SlaBreached],
      );
      return row as { breached: number; last_breach: Date | null; notices: number; noticed_clocks: number; events: number; event_clocks: number };
    };
    const done = await eventually(
      async () => {
        const row = await state();
        expect(row).toMatchObject({ breached: CLOCKS, notices: CLOCKS, events: CLOCKS });
        return { ...row, seenAt: Date.now() };
      },
      { timeoutMs: DEADLINE_MS + 20_000, intervalMs: 250, describe: () => bed.logs() },
    );
    // Every breach committed (clock, notice and outbox event together) within 10 s of the due second.
    process.stdout.write(`10,000 clocks breached ${done.seenAt - second} ms after their due second (target ${TARGET_MS} ms)\n`);
    expect(done.seenAt - second).toBeLessThan(DEADLINE_MS);
    expect(done.last_breach!.getTime() - second).toBeLessThan(DEADLINE_MS);

    // Published once each: the stream holds one casework.sla.breached per clock.
    const jsm = await bed.jsm();
    await eventually(
      async () => {
        const info = await jsm.streams.info(STREAM_NAME, { subjects_filter: Subjects.SlaBreached });
        expect(info.state.subjects?.[Subjects.SlaBreached] ?? 0).toBe(CLOCKS);
      },
      { timeoutMs: 20_000, intervalMs: 250 },
    );

    // More sweeps could only add duplicates.
    await sleep(1000);
    expect(await state()).toMatchObject({ breached: CLOCKS, notices: CLOCKS, noticed_clocks: CLOCKS, events: CLOCKS, event_clocks: CLOCKS });
    const info = await jsm.streams.info(STREAM_NAME, { subjects_filter: Subjects.SlaBreached });
    expect(info.state.subjects?.[Subjects.SlaBreached]).toBe(CLOCKS);
  }, 120_000);
});
