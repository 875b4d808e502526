/**
 * bench:api — the API alone on a team's workspace at scale (issue 14's figure). Fills a private
 * database with N tickets (default 1,000,000) in Q queues (20), U specialists (200) and three
 * articles per ticket in eight languages (fill-workspace.ts: INSERT … SELECT generate_series,
 * the search tokens computed by the migration's trigger, the search indexes built after the
 * fill), starts the built api by itself, and drives each case open-loop at R requests/s (200)
 * for S seconds (30), after a 1 s warm-up of the same case that is not counted:
 *
 *   byId            GET /tickets/:id                             a random one of 1,000 tickets
 *   queueOpen       GET /tickets?limit=50&status=open&queue=…    a busy queue's open tickets
 *   queueOpenPage20 … &cursor=…                                  page 20 of it (the cursor the API handed out)
 *   filtered        GET /tickets?limit=50&tag=…&assignee=…       a specialist's tickets with a tag
 *   searchWord      GET /search?q=swatting                       a rare word (one body in 500 of its language)
 *   searchPhrase    GET /search?q="death threat"                 a phrase
 *   searchCommon    GET /search?q=harassment                     a word in a large share of the English mail
 *
 * Open-loop: request i leaves at start + i/R whatever the earlier ones are doing, and its
 * latency counts from then (a request unanswered after 10 s is an error, as is any non-2xx).
 * Beside each case, in the same database and run, the raw SQL of the same statement(s) the API
 * sends, with the same parameters: EXPLAIN ANALYZE execution time over 21 runs, median and
 * slowest (the p99 of 21). A case this build does not serve (the list's tag and assignee
 * filters before they land: 400) is reported with its SQL only.
 * Goals: byId p99 ≤ 25 ms; lists and searches p99 ≤ 50 ms; each p99 ≤ 5× its SQL's.
 * Options: --tickets N, --queues Q, --users U, --rate R, --seconds S. Ends with one JSON line.
 */
import { loadavg } from 'node:os';
import { createDataSource, runMigrations, SearchRepository, seedDefaults, TicketReadRepository, type SqlStatement } from '@casework/database';
import { parseSearchQuery } from '@casework/domain';
import { createDatabase, freePort, startNats, startService, waitForHealthy, type ManagedProcess } from '@casework/devkit';
import { fillWorkspace } from './fill-workspace.js';
import { LoadDriver, type CaseResult } from './load-driver.js';
import { option, percentile } from './bench-options.js';
import { cpuMsOf } from './process-cpu.js';

const TOKEN = 'bench-api-token-0123456789';
const WARMUP_MS = 1000;
const PAGE = 50;
const SEARCH_PAGE = 25;
const GOAL = { byIdP99Ms: 25, listP99Ms: 50, timesSql: 5 };
/** One token from one address at 200 requests/s: limits far above that, still counted as in production. */
const BENCH_RATE_LIMITS = { RATE_LIMIT_PER_TOKEN_PER_MINUTE: '10000000', RATE_LIMIT_PER_IP_PER_MINUTE: '10000000' };

const round = (ms: number) => Math.round(ms * 100) / 100;

interface BenchCase {
  name: string;
  label: string;
  path: () => string;
  /** The statements the API sends for one request of this case, measured together. */
  sql: SqlStatement[];
  goalP99Ms: number;
}

async function main(): Promise<void> {
  const tickets = option('tickets', 1_000_000, { integer: true });
  const queues = option('queues', 20, { integer: true });
  const users = option('users', 200, { integer: true });
  const rate = option('rate', 200, { integer: true });
  const seconds = option('seconds', 30, { integer: true });
  const [db, nats] = await Promise.all([createDatabase({ adminUrl: process.env.TEST_DATABASE_ADMIN_URL }), startNats()]);
  const ds = createDataSource({ url: db.url, poolSize: 2, applicationName: 'casework-bench-api' });
  const reads = new TicketReadRepository();
  const search = new SearchRepository();
  let api: ManagedProcess | undefined;
  let driver: LoadDriver | undefined;
  try {
    await runMigrations(db.url);
    await ds.initialize();
    await seedDefaults(ds, { queueAddress: 'safety@casework.test', firstResponseMinutes: 60 });
    let t = Date.now();
    const filled = await fillWorkspace(ds, { tickets, queues, users }, (line) => console.error(line));
    console.error(`filled ${tickets} tickets, ${filled.articles} articles, ${users} users in ${queues} queues in ${Date.now() - t} ms`);
    const sizes: { relation: string; size: string }[] = await ds.query(
      `SELECT relname AS relation, pg_size_pretty(pg_relation_size(oid)) AS size FROM pg_class WHERE relname IN ('ticket', 'article', 'ticket_search', 'article_search') ORDER BY relname`,
    );
    console.error(`sizes: ${sizes.map((s) => `${s.relation} ${s.size}`).join(', ')}`);

    const sample: { id: string }[] = await ds.query('SELECT id FROM ticket ORDER BY random() LIMIT 1000');
    const port = await freePort();
    api = startService('api', { PATH: process.env.PATH, DATABASE_URL: db.url, NATS_URL: nats.url, PORT: String(port), API_BOOTSTRAP_TOKEN: TOKEN, LOG_LEVEL: 'warn', ...BENCH_RATE_LIMITS });
    await waitForHealthy(api, `http://127.0.0.1:${port}/api/v1/health`, 60_000);
    driver = new LoadDriver(new URL(`http://127.0.0.1:${port}/api/v1/`), TOKEN);

    // Page 20 the way a client reaches it: following nextCursor from the first page.
    const queuePath = `tickets?limit=${PAGE}&status=open&queue=${filled.busy.slug}`;
    // A small fill may not reach page 20: the deepest page there is, named in the output.
    let cursor = '';
    let deepest = 1;
    for (let page = 1; page < 20; page++) {
      const { status, body } = await driver.get(`${queuePath}${cursor ? `&cursor=${cursor}` : ''}`);
      if (status !== 200) throw new Error(`GET /tickets answered ${status} while paging to page 20`);
      const nextCursor = (JSON.parse(body) as { nextCursor: string | null }).nextCursor;
      if (!nextCursor) break;
      cursor = nextCursor;
      deepest = page + 1;
    }
    if (!cursor) throw new Error(`fewer than ${PAGE + 1} open tickets in ${filled.busy.slug}: no second page`);
    const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
    const searchSql = (q: string) => search.searchQuery({ ...parseSearchQuery(q), limit: SEARCH_PAGE + 1 });
    let next = 0;
    const cases: BenchCase[] = [
      {
        name: 'byId',
        label: 'GET /tickets/:id',
        path: () => `tickets/${sample[next++ % sample.length].id}`,
        sql: [reads.findQuery(sample[0].id), reads.articlesQuery(sample[0].id)],
        goalP99Ms: GOAL.byIdP99Ms,
      },
      { name: 'queueOpen', label: `GET /${queuePath}`, path: () => queuePath, sql: [reads.listQuery({ status: 'open', queueId: filled.busy.id, limit: PAGE + 1 })], goalP99Ms: GOAL.listP99Ms },
      {
        name: 'queueOpenPage20',
        label: `GET /${queuePath}&cursor=… (page ${deepest})`,
        path: () => `${queuePath}&cursor=${cursor}`,
        sql: [reads.listQuery({ status: 'open', queueId: filled.busy.id, limit: PAGE + 1, after: { at: new Date(at), id } })],
        goalP99Ms: GOAL.listP99Ms,
      },
      {
        name: 'filtered',
        label: `GET /tickets?limit=${PAGE}&tag=${filled.tag}&assignee=<id>`,
        path: () => `tickets?limit=${PAGE}&tag=${filled.tag}&assignee=${filled.assigneeId}`,
        sql: [reads.listQuery({ tag: filled.tag, assignee: filled.assigneeId, limit: PAGE + 1 })],
        goalP99Ms: GOAL.listP99Ms,
      },
      ...(
        [
          ['searchWord', 'swatting'],
          ['searchPhrase', '"death threat"'],
          ['searchCommon', 'harassment'],
        ] as const
      ).map(([name, q]) => ({
        name,
        label: `GET /search?q=${q}&limit=${SEARCH_PAGE}`,
        path: () => `search?q=${encodeURIComponent(q)}&limit=${SEARCH_PAGE}`,
        sql: [searchSql(q)],
        goalP99Ms: GOAL.listP99Ms,
      })),
    ];

    const results: Record<string, CaseResult & { served: boolean; sqlP50Ms: number; sqlP99Ms: number; hits?: number }> = {};
    for (const c of cases) {
      const sqlRuns = await explainRuns(ds, c.sql);
      const sqlTimes = { sqlP50Ms: round(percentile(sqlRuns, 50)), sqlP99Ms: round(percentile(sqlRuns, 99)) };
      const probe = await driver.get(c.path());
      const served = probe.status === 200;
      const hits = c.name.startsWith('search') && served ? (JSON.parse(probe.body) as { items: unknown[] }).items.length : undefined;
      if (!served) {
        console.error(`${c.label}: answered ${probe.status}, not served by this build: SQL only`);
        results[c.name] = { served, requests: 0, p50Ms: NaN, p99Ms: NaN, maxMs: NaN, errors: 0, failures: {}, ...sqlTimes };
        continue;
      }
      await driver.run(c.path, rate, WARMUP_MS);
      t = Date.now();
      const cpuBefore = cpuMsOf(api.pid);
      const result = await driver.run(c.path, rate, seconds * 1000);
      result.apiCpuMsPerRequest = round((cpuMsOf(api.pid) - cpuBefore) / result.requests);
      results[c.name] = { ...result, served, ...sqlTimes, hits };
      console.error(`${c.label}: ${result.requests} requests in ${Date.now() - t} ms (load average ${loadavg()[0].toFixed(1)})`);
    }

    const verdict = (c: BenchCase) => {
      const r = results[c.name];
      return r.served && r.errors === 0 && r.p99Ms <= c.goalP99Ms && r.p99Ms <= GOAL.timesSql * Math.max(r.sqlP99Ms, 1);
    };
    const width = Math.max(...cases.map((c) => c.name.length));
    const cell = (value: number, unit = ' ms', pad = 10) => (Number.isNaN(value) ? '—' : `${value}${unit}`).padStart(pad);
    console.log(`the api alone: ${tickets} tickets, ${filled.articles} articles, ${users} users, ${queues} queues; ${rate} requests/s for ${seconds} s per case`);
    console.log(`${'case'.padEnd(width)}  ${'p50'.padStart(10)}  ${'p99'.padStart(10)}  ${'SQL p50'.padStart(10)}  ${'SQL p99'.padStart(10)}  ${'errors'.padStart(12)}  ${'api CPU/req'.padStart(11)}  goal`);
    for (const c of cases) {
      const r = results[c.name];
      console.log(
        `${c.name.padEnd(width)}  ${cell(r.p50Ms)}  ${cell(r.p99Ms)}  ${cell(r.sqlP50Ms)}  ${cell(r.sqlP99Ms)}  ${(r.served ? `${r.errors} of ${r.requests}` : 'not served').padStart(12)}  ${cell(r.apiCpuMsPerRequest ?? NaN, ' ms', 11)}  ` +
          `${verdict(c) ? 'met' : 'NOT met'} (p99 ≤ ${c.goalP99Ms} ms and ≤ ${GOAL.timesSql}× SQL)${r.hits !== undefined ? `, ${r.hits} hits on the first page` : ''}  ${c.label}`,
      );
    }
    console.log('SQL: the same statements with the same parameters, EXPLAIN ANALYZE execution time summed per run, 21 runs (p99 of 21 = the slowest)');
    const ok = cases.every(verdict);
    const json = Object.fromEntries(
      cases.map((c) => {
        const r = results[c.name];
        return [c.name, { served: r.served, p50Ms: r.p50Ms, p99Ms: r.p99Ms, sqlP50Ms: r.sqlP50Ms, sqlP99Ms: r.sqlP99Ms, errors: r.errors, requests: r.requests, apiCpuMsPerRequest: r.apiCpuMsPerRequest ?? null, met: verdict(c) }];
      }),
    );
    console.log(JSON.stringify({ bench: 'api', tickets, articles: filled.articles, users, queues, ratePerSec: rate, seconds, goal: GOAL, ok, cases: json }));
    process.exitCode = ok ? 0 : 1;
  } finally {
    driver?.close();
    await api?.kill();
    await ds.destroy().catch(() => undefined);
    await nats.stop().catch(() => undefined);
    await db.drop().catch(() => undefined);
  }
}

/** 21 runs of the statements back to back, each run's EXPLAIN ANALYZE execution times summed; ascending. */
async function explainRuns(ds: { query: (sql: string, params?: unknown[]) => Promise<unknown> }, statements: SqlStatement[]): Promise<number[]> {
  const runs: number[] = [];
  for (let i = 0; i < 21; i++) {
    let total = 0;
    for (const { sql, params } of statements) {
      const [{ 'QUERY PLAN': [explained] }] = (await ds.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params)) as { 'QUERY PLAN': { 'Execution Time': number }[] }[];
      total += explained['Execution Time'];
    }
    runs.push(total);
  }
  return runs.sort((a, b) => a - b);
}

await main();
