/**
 * bench:sla — the SLA scheduler under a large clock table. Seeds N running first-response
 * clocks (default 1,000,000; their tickets too) with one `INSERT … SELECT FROM generate_series`
 * (pg's client has no COPY FROM STDIN without pg-copy-streams, which is not installed; the
 * server-side INSERT … SELECT is as fast and sends nothing over the wire), starts one
 * notification process, then makes D clocks (default 10,000) due over the next 3 s.
 * Reports due→breach delay p50/p99 (sla_clock.breached_at - due_at), the time until all D
 * fired, the notification process's CPU time during the run (/proc/<pid>/stat), and, for
 * comparison, a naive scheduler (every 5 s a full scan of an unindexed copy of the table).
 * Options: --clocks N, --due D, --max-sleep-ms M (the scheduler's SLA_SWEEP_MAX_SLEEP_MS, default
 * 250 as the suite runs it: clocks inserted behind the scheduler's back wake it no later). Targets: p99 ≤ 1 s, all fired within 10 s.
 * Ends with one JSON line.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { createDataSource, runMigrations, seedDefaults } from '@casework/database';
import { createDatabase, freePort, startNats, startService, startSmtpCatcher, waitForHealthy } from '@casework/devkit';
import { option, percentile } from './bench-options.js';
import { cpuMsOf } from './process-cpu.js';

const TARGET = { p99Ms: 1000, allFiredMs: 10_000 };
const SPREAD_MS = 3000;
const LEAD_MS = 2000;

/** Tickets numbered from `from` and one running first-response clock each, due at `dueSql`. */
async function seedClocks(ds: DataSource, from: number, count: number, dueSql: string, tag: string): Promise<void> {
  const [{ id: queueId }] = await ds.query(`SELECT id FROM queue WHERE is_default`);
  const [{ id: contactId }] = await ds.query(`INSERT INTO contact (email, name) VALUES ($1, 'Bench') ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name RETURNING id`, [
    `bench-${tag}@example.org`,
  ]);
  await ds.query(
    `WITH t AS (
       INSERT INTO ticket (number, subject, queue_id, requester_id)
       SELECT 'B' || g, $4 || ' ' || g, $1, $2 FROM generate_series($3::bigint, $3::bigint + $5 - 1) g
       RETURNING id, number)
     INSERT INTO sla_clock (ticket_id, kind, started_at, due_at, target_ms, state)
     SELECT t.id, 'first_response', now(), ${dueSql}, 3600000, 'running' FROM t`,
    [queueId, contactId, from, tag, count],
  );
}

async function naiveRun(ds: DataSource, clocks: number, due: number): Promise<{ p50Ms: number; p99Ms: number; allFiredMs: number; scanMs: number }> {
  await ds.query(`CREATE TABLE naive_clock (id bigserial, due_at timestamptz NOT NULL, state text NOT NULL DEFAULT 'running', breached_at timestamptz)`);
  await ds.query(`INSERT INTO naive_clock (due_at) SELECT now() + interval '30 days' + g * interval '1 second' FROM generate_series(1, $1::int) g`, [clocks - due]);
  await ds.query(`ANALYZE naive_clock`);
  await ds.query(`INSERT INTO naive_clock (due_at) SELECT now() + make_interval(secs => ($2::float8 + (g::float8 / $1::float8) * $3::float8) / 1000) FROM generate_series(1, $1::int) g`, [
    due,
    LEAD_MS,
    SPREAD_MS,
  ]);
  const scans: number[] = [];
  const deadline = Date.now() + LEAD_MS + SPREAD_MS + 12_000;
  for (;;) {
    const started = Date.now();
    await ds.query(`UPDATE naive_clock SET state = 'breached', breached_at = clock_timestamp() WHERE state = 'running' AND due_at <= now()`);
    scans.push(Date.now() - started);
    const [{ left }] = await ds.query(`SELECT count(*)::int AS left FROM naive_clock WHERE state = 'running' AND due_at < now() + interval '1 day'`);
    if (left === 0 || Date.now() > deadline) break;
    await sleep(5000);
  }
  const delays: { ms: number }[] = await ds.query(`SELECT extract(epoch FROM breached_at - due_at) * 1000 AS ms FROM naive_clock WHERE state = 'breached' ORDER BY 1`);
  const [{ all }] = await ds.query(`SELECT extract(epoch FROM max(breached_at) - min(due_at)) * 1000 AS all FROM naive_clock WHERE breached_at IS NOT NULL`);
  const sorted = delays.map((d) => Number(d.ms));
  return { p50Ms: Math.round(percentile(sorted, 50)), p99Ms: Math.round(percentile(sorted, 99)), allFiredMs: Math.round(Number(all)), scanMs: Math.round(scans.reduce((a, b) => a + b, 0) / scans.length) };
}

async function main(): Promise<void> {
  const clocks = option('clocks', 1_000_000, { integer: true });
  const due = option('due', 10_000, { integer: true });
  const maxSleepMs = option('max-sleep-ms', 250, { integer: true });
  if (due > clocks) throw new Error('--due must not exceed --clocks');
  const [db, nats, smtp] = await Promise.all([createDatabase({ adminUrl: process.env.TEST_DATABASE_ADMIN_URL }), startNats(), startSmtpCatcher({ parse: false })]);
  await runMigrations(db.url);
  const ds = createDataSource({ url: db.url, poolSize: 2, applicationName: 'casework-bench-sla' });
  await ds.initialize();
  let notification: ReturnType<typeof startService> | undefined;
  try {
    await seedDefaults(ds, { queueAddress: 'safety@casework.test', firstResponseMinutes: 60 });
    let t = Date.now();
    await seedClocks(ds, 1, clocks - due, `now() + interval '30 days' + random() * interval '30 days'`, 'far');
    await ds.query(`ANALYZE ticket; ANALYZE sla_clock`);
    console.error(`seeded ${clocks - due} far-off running clocks with INSERT … SELECT generate_series in ${Date.now() - t} ms`);

    const httpPort = await freePort();
    notification = startService('notification', {
      PATH: process.env.PATH,
      DATABASE_URL: db.url,
      NATS_URL: nats.url,
      MAIL_FROM: 'safety@casework.test',
      OPS_EMAIL: 'ops@casework.test',
      SMTP_HOST: smtp.host,
      SMTP_PORT: String(smtp.port),
      SMTP_TLS: 'false',
      LOG_LEVEL: 'warn',
      SLA_SWEEP_MAX_SLEEP_MS: String(maxSleepMs),
      HTTP_PORT: String(httpPort),
    });
    await waitForHealthy(notification, `http://127.0.0.1:${httpPort}/health`, 60_000);
    await sleep(1000);

    const cpuBefore = cpuMsOf(notification.pid);
    t = Date.now();
    await seedClocks(ds, clocks - due + 1, due, `now() + make_interval(secs => (${LEAD_MS}::float8 + (random() * ${SPREAD_MS})) / 1000)`, 'due');
    console.error(`made ${due} clocks due over ${LEAD_MS}–${LEAD_MS + SPREAD_MS} ms from now (insert took ${Date.now() - t} ms)`);
    const deadline = Date.now() + LEAD_MS + SPREAD_MS + 30_000;
    let fired = 0;
    while (Date.now() < deadline) {
      [{ fired }] = await ds.query(`SELECT count(*)::int AS fired FROM sla_clock WHERE state = 'breached'`);
      if (fired >= due) break;
      await sleep(250);
    }
    const cpuMs = cpuMsOf(notification.pid) - cpuBefore;
    const delays: { ms: number }[] = await ds.query(`SELECT extract(epoch FROM breached_at - due_at) * 1000 AS ms FROM sla_clock WHERE state = 'breached' ORDER BY 1`);
    const [{ all }] = await ds.query(`SELECT extract(epoch FROM max(breached_at) - min(due_at)) * 1000 AS all FROM sla_clock WHERE state = 'breached'`);
    const sorted = delays.map((d) => Number(d.ms));
    const result = { p50Ms: Math.round(percentile(sorted, 50)), p99Ms: Math.round(percentile(sorted, 99)), allFiredMs: Math.round(Number(all)), fired, cpuMs };

    await notification.kill();
    notification = undefined;
    console.error('naive full-scan scheduler (every 5 s, no index) on a copy of the table …');
    const naive = await naiveRun(ds, clocks, due);
    const ok = result.fired === due && result.p99Ms <= TARGET.p99Ms && result.allFiredMs <= TARGET.allFiredMs;
    console.error(
      `indexed scheduler: p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, all ${result.fired}/${due} fired ${result.allFiredMs} ms after the first due time, CPU ${cpuMs} ms\n` +
        `naive scan:        p50 ${naive.p50Ms} ms, p99 ${naive.p99Ms} ms, all fired ${naive.allFiredMs} ms, ${naive.scanMs} ms per scan\n` +
        `targets p99 ≤ ${TARGET.p99Ms} ms, all fired ≤ ${TARGET.allFiredMs} ms: ${ok ? 'met' : 'NOT met'}`,
    );
    console.log(JSON.stringify({ bench: 'sla', clocks, due, maxSleepMs, seed: 'insert-select-generate_series', ...result, naive, target: TARGET, ok }));
    process.exitCode = ok ? 0 : 1;
  } finally {
    await notification?.kill();
    await ds.destroy().catch(() => undefined);
    await Promise.allSettled([nats.stop(), smtp.stop()]);
    await db.drop().catch(() => undefined);
  }
}

await main();
