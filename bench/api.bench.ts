/**
 * bench:api — the API alone on a large ticket table, as a team at scale uses it. Fills a
 * private database with N tickets (default 1,000,000) in Q queues (20; the last, `restricted`,
 * small: 1 % of the tickets, few of them open) and one article each, with INSERT … SELECT over
 * generate_series (fill-tickets.ts; the ticket list plan tests fill their table with it too),
 * starts the built api by itself, and drives each case open-loop at R requests/s (200) for
 * S seconds (15), after a 1 s warm-up of the same case that is not counted:
 *
 *   GET /tickets/:id                                  a random one of 1,000 tickets
 *   GET /tickets?limit=50                             the inbox
 *   GET /tickets?limit=50&cursor=…                    page 21 of it (the cursor the API handed out)
 *   GET /tickets?limit=50&status=open&queue=<slug>    the restricted queue's open tickets
 *
 * Open-loop: request i leaves at start + i/R whatever the earlier ones are doing, and its
 * latency counts from then, so a slow API queues work as it would for real clients (a
 * keep-alive agent; a request still unanswered after 10 s is an error, as is any non-2xx).
 * For comparison it measures, in the same database, the plain SQL of the queue case by queue
 * id (EXPLAIN ANALYZE execution time, median of 21): what Postgres itself needs for that page.
 * Target (issue 9): the queue + status case's p99 ≤ 10 ms with no errors anywhere.
 * Options: --tickets N, --queues Q, --rate R, --seconds S. Ends with one JSON line.
 */
import { loadavg } from 'node:os';
import { createDataSource, runMigrations, seedDefaults } from '@casework/database';
import { createDatabase, freePort, startNats, startService, waitForHealthy, type ManagedProcess } from '@casework/devkit';
import { fillTickets } from './fill-tickets.js';
import { LoadDriver, type CaseResult } from './load-driver.js';
import { option, percentile } from './bench-options.js';
import { cpuMsOf } from './process-cpu.js';

const TOKEN = 'bench-api-token-0123456789';
const TARGET = { queueStatusP99Ms: 10 };
const WARMUP_MS = 1000;
const PAGE = 50;
/** One token from one address at 200 requests/s: limits far above that, still counted as in production. */
const BENCH_RATE_LIMITS = { RATE_LIMIT_PER_TOKEN_PER_MINUTE: '10000000', RATE_LIMIT_PER_IP_PER_MINUTE: '10000000' };

const round = (ms: number) => Math.round(ms * 100) / 100;

async function main(): Promise<void> {
  const tickets = option('tickets', 1_000_000, { integer: true });
  const queues = option('queues', 20, { integer: true });
  const rate = option('rate', 200, { integer: true });
  const seconds = option('seconds', 15, { integer: true });
  const [db, nats] = await Promise.all([createDatabase({ adminUrl: process.env.TEST_DATABASE_ADMIN_URL }), startNats()]);
  const ds = createDataSource({ url: db.url, poolSize: 2, applicationName: 'casework-bench-api' });
  let api: ManagedProcess | undefined;
  let driver: LoadDriver | undefined;
  try {
    await runMigrations(db.url);
    await ds.initialize();
    await seedDefaults(ds, { queueAddress: 'safety@casework.test', firstResponseMinutes: 60 });
    let t = Date.now();
    const filled = await fillTickets(ds, { tickets, queues, articles: true });
    console.error(`filled ${tickets} tickets in ${queues} queues with one article each (INSERT … SELECT generate_series, then VACUUM ANALYZE) in ${Date.now() - t} ms`);

    // What Postgres needs for the queue case's page by queue id, without the API around it.
    const baselineRuns: number[] = [];
    for (let i = 0; i < 21; i++) {
      const [{ 'QUERY PLAN': [explained] }]: { 'QUERY PLAN': { 'Execution Time': number }[] }[] = await ds.query(
        `EXPLAIN (ANALYZE, FORMAT JSON) SELECT id FROM ticket WHERE queue_id = $1 AND status = 'open' ORDER BY created_at DESC, id DESC LIMIT ${PAGE + 1}`,
        [filled.restricted.id],
      );
      baselineRuns.push(explained['Execution Time']);
    }
    const baselineMs = round(percentile(baselineRuns.sort((a, b) => a - b), 50));
    const sample: { id: string }[] = await ds.query('SELECT id FROM ticket ORDER BY random() LIMIT 1000');

    const port = await freePort();
    api = startService('api', { PATH: process.env.PATH, DATABASE_URL: db.url, NATS_URL: nats.url, PORT: String(port), API_BOOTSTRAP_TOKEN: TOKEN, LOG_LEVEL: 'warn', ...BENCH_RATE_LIMITS });
    await waitForHealthy(api, `http://127.0.0.1:${port}/api/v1/health`, 60_000);
    driver = new LoadDriver(new URL(`http://127.0.0.1:${port}/api/v1/`), TOKEN);

    // Page 21 the way a client reaches it: following nextCursor from the first page.
    let cursor: string | null = null;
    for (let page = 1; page <= 20; page++) {
      const { status, body } = await driver.get(`tickets?limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`);
      if (status !== 200) throw new Error(`GET /tickets answered ${status} while paging to page 21`);
      cursor = (JSON.parse(body) as { nextCursor: string | null }).nextCursor;
      if (!cursor) throw new Error(`fewer than ${20 * PAGE + 1} tickets: no page 21`);
    }
    let next = 0;
    const cases: [label: string, path: () => string][] = [
      ['GET /tickets/:id', () => `tickets/${sample[next++ % sample.length].id}`],
      [`GET /tickets?limit=${PAGE}`, () => `tickets?limit=${PAGE}`],
      [`GET /tickets?limit=${PAGE}&cursor=… (page 21)`, () => `tickets?limit=${PAGE}&cursor=${cursor}`],
      [`GET /tickets?limit=${PAGE}&status=open&queue=<slug>`, () => `tickets?limit=${PAGE}&status=open&queue=${filled.restricted.slug}`],
    ];
    const results: Record<string, CaseResult> = {};
    for (const [label, path] of cases) {
      await driver.run(path, rate, WARMUP_MS);
      t = Date.now();
      const cpuBefore = cpuMsOf(api.pid);
      const result = await driver.run(path, rate, seconds * 1000);
      result.apiCpuMsPerRequest = round((cpuMsOf(api.pid) - cpuBefore) / result.requests);
      results[label] = result;
      console.error(`${label}: ${result.requests} requests in ${Date.now() - t} ms (load average ${loadavg()[0].toFixed(1)})`);
    }

    const queueCase = results[cases[3][0]];
    const errors = Object.values(results).reduce((sum, r) => sum + r.errors, 0);
    const ok = errors === 0 && queueCase.p99Ms <= TARGET.queueStatusP99Ms;
    const width = Math.max(...cases.map(([label]) => label.length));
    const rows = Object.entries(results).map(
      ([label, r]) =>
        `${label.padEnd(width)}  ${`${r.p50Ms} ms`.padStart(10)}  ${`${r.p99Ms} ms`.padStart(10)}  ${`${r.errors} of ${r.requests}`.padStart(12)}  ${`${r.apiCpuMsPerRequest} ms`.padStart(11)}` +
        (r.errors ? `  (${Object.entries(r.failures).map(([s, n]) => `${s}: ${n}`).join(', ')})` : ''),
    );
    console.log(`the api alone, ${tickets} tickets in ${queues} queues (${tickets} articles), ${rate} requests/s for ${seconds} s per case`);
    console.log(`${'case'.padEnd(width)}  ${'p50'.padStart(10)}  ${'p99'.padStart(10)}  ${'errors'.padStart(12)}  ${'api CPU/req'.padStart(11)}`);
    for (const row of rows) console.log(row);
    console.log(`raw baseline: the queue case's page by queue id in plain SQL, ${baselineMs} ms (EXPLAIN ANALYZE execution, median of 21)`);
    console.log(`target: queue + status p99 ≤ ${TARGET.queueStatusP99Ms} ms and no errors: ${ok ? 'met' : 'NOT met'}`);
    const json = Object.fromEntries(Object.entries(results).map(([label, r]) => [label, { p50Ms: r.p50Ms, p99Ms: r.p99Ms, maxMs: r.maxMs, errors: r.errors, requests: r.requests, apiCpuMsPerRequest: r.apiCpuMsPerRequest }]));
    console.log(JSON.stringify({ bench: 'api', tickets, queues, ratePerSec: rate, seconds, cases: json, baselineByQueueIdSqlMs: baselineMs, target: TARGET, ok }));
    process.exitCode = ok ? 0 : 1;
  } finally {
    driver?.close();
    await api?.kill();
    await ds.destroy().catch(() => undefined);
    await nats.stop().catch(() => undefined);
    await db.drop().catch(() => undefined);
  }
}

await main();
