/**
 * bench:web — the web inbox as a specialist meets it, over the bench:api workspace.
 *
 *   jsGzipBytes   the JavaScript the first page loads (index.html's module script and its
 *                 modulepreload links), each file gzipped at level 9 and summed. Goal ≤ 250 kB.
 *   queuePage     navigation to /queues/<busy queue> until the first row of the list is
 *                 visible: a fresh page per run in one signed-in context (the session cookie
 *                 holds, and the browser's HTTP cache keeps the hashed assets after run 1, as for
 *                 a returning specialist). Goal p95 ≤ 1,000 ms.
 *   ticketThread  on that page, a click on a row (a different one each run) until the thread's
 *                 first article is visible. Goal p95 ≤ 300 ms.
 *
 * The database is bench:api's (fill-workspace.ts: N tickets, default 1,000,000, in Q queues, U
 * specialists, three articles per ticket); the built api serves the inbox at / and the API; a
 * specialist made over the API with the bootstrap token signs in once in Debian's Chromium.
 * Times are wall-clock from this process (Playwright's round trips included, a few ms). Beside
 * them, every API call the page made during the runs, by path, with its p50 / p95 (the browser's
 * own request timing), to say where a slow page spends its time.
 * Options: --tickets N, --queues Q, --users U, --runs R (20). Ends with one JSON line.
 */
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createDataSource, runMigrations, seedDefaults } from '@casework/database';
import { createDatabase, freePort, startNats, startService, waitForHealthy, type ManagedProcess } from '@casework/devkit';
import type { BrowserContext, Page } from 'playwright-core';
import { createWebUser, launchChromium, signIn } from '../test/support/web-browser.js';
import { option, percentile } from './bench-options.js';
import { fillWorkspace } from './fill-workspace.js';
import { round } from './format.js';

const TOKEN = 'bench-web-token-0123456789';
const GOAL = { jsGzipBytes: 250_000, queuePageP95Ms: 1000, ticketThreadP95Ms: 300 };
const GZIP_LEVEL = 9;
/** apps/web/dist seen from dist/bench/ (the build). */
const WEB_DIST = fileURLToPath(new URL('../../apps/web/dist/', import.meta.url));
const ROW = 'table.tickets tbody tr';
/**
 * Where a queue page's time went, in the page (ms since the navigation started): the document,
 * the module script (cached after run 1), DOMContentLoaded, GET /me, then the list's GET. A
 * string: this file is type-checked without the DOM lib.
 */
const MILESTONES = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  const find = (test) => resources.find((r) => test(new URL(r.name)));
  const script = find((u) => u.pathname.startsWith('/assets/') && u.pathname.endsWith('.js'));
  const me = find((u) => u.pathname === '/api/v1/me');
  const list = find((u) => u.pathname === '/api/v1/tickets' && u.searchParams.has('queue'));
  return { document: nav.responseEnd, script: script?.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd,
    meStart: me?.startTime, meEnd: me?.responseEnd, listStart: list?.startTime, listEnd: list?.responseEnd, rowSeen: performance.now() };
})()`;
type Milestones = Record<string, number | undefined>;

interface Timings {
  p50: number;
  p95: number;
  runs: number[];
}

/** The module script and the modulepreload links of index.html: what the first page loads, gzipped. */
async function initialJavaScript(): Promise<{ files: { path: string; bytes: number; gzipBytes: number }[]; gzipBytes: number }> {
  const html = await readFile(`${WEB_DIST}index.html`, 'utf8');
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const paths = tags
    .filter((tag) => (/^<script\b/.test(tag) && /\btype="module"/.test(tag)) || (/^<link\b/.test(tag) && /\brel="modulepreload"/.test(tag)))
    .map((tag) => /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1])
    .filter((path): path is string => path !== undefined);
  if (paths.length === 0) throw new Error(`no module script in ${WEB_DIST}index.html: npm run build:web`);
  const files = await Promise.all(
    [...new Set(paths)].map(async (path) => {
      const bytes = await readFile(WEB_DIST + path.replace(/^\//, ''));
      return { path, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: GZIP_LEVEL }).length };
    }),
  );
  return { files, gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0) };
}

/** The API's answers as the bench's admin (the bootstrap token), in the shape createWebUser takes. */
function adminApi(base: string) {
  return {
    async api<T = unknown>(path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
      const response = await fetch(base + path, {
        method: init.method ?? 'GET',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
    },
  };
}

/** Each API call's duration (request start to response end, the browser's timing), by path with ids as :id. */
function recordApiCalls(page: Page, into: Map<string, number[]>): void {
  page.on('requestfinished', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/v1/') || url.pathname === '/api/v1/events') return;
    const timing = request.timing();
    const key = `${request.method()} ${url.pathname.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id')}${url.search.replace(/=[^&]*/g, '=…')}`;
    if (timing.responseEnd > 0) into.set(key, [...(into.get(key) ?? []), timing.responseEnd]);
  });
}

/** R runs of: a fresh page to the queue until its first row shows, then a click on a row until the thread shows. */
async function pageRuns(
  context: BrowserContext,
  origin: string,
  slug: string,
  runs: number,
  calls: Map<string, number[]>,
): Promise<{ queuePage: Timings; ticketThread: Timings; milestones: Record<string, number> }> {
  const queue: number[] = [];
  const marks: Milestones[] = [];
  const thread: number[] = [];
  for (let run = 0; run < runs; run++) {
    const page = await context.newPage();
    try {
      recordApiCalls(page, calls);
      let t = performance.now();
      await page.goto(`${origin}/queues/${slug}`, { waitUntil: 'commit' });
      await page.locator(ROW).first().waitFor({ state: 'visible', timeout: 30_000 });
      queue.push(performance.now() - t);
      marks.push((await page.evaluate(MILESTONES)) as Milestones);
      const rows = await page.locator(ROW).count();
      const row = page.locator(ROW).nth(run % rows);
      t = performance.now();
      await row.click();
      await page.locator('article').first().waitFor({ state: 'visible', timeout: 30_000 });
      thread.push(performance.now() - t);
    } finally {
      await page.close();
    }
  }
  const milestones = Object.fromEntries(
    Object.keys(marks[0]).map((name) => [name, round(percentile(marks.map((m) => m[name] ?? NaN).filter((ms) => !Number.isNaN(ms)).sort((a, b) => a - b), 50))]),
  );
  return { queuePage: timings(queue), ticketThread: timings(thread), milestones };
}

function timings(runs: number[]): Timings {
  const sorted = [...runs].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), runs: runs.map((ms) => round(ms)) };
}

async function main(): Promise<void> {
  const tickets = option('tickets', 1_000_000, { integer: true });
  const queues = option('queues', 20, { integer: true });
  const users = option('users', 200, { integer: true });
  const runs = option('runs', 20, { integer: true });

  const js = await initialJavaScript();
  const [db, nats] = await Promise.all([createDatabase({ adminUrl: process.env.TEST_DATABASE_ADMIN_URL }), startNats()]);
  const ds = createDataSource({ url: db.url, poolSize: 2, applicationName: 'casework-bench-web' });
  let api: ManagedProcess | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    await runMigrations(db.url);
    await ds.initialize();
    await seedDefaults(ds, { queueAddress: 'safety@casework.test', firstResponseMinutes: 60 });
    const t = Date.now();
    const filled = await fillWorkspace(ds, { tickets, queues, users }, (line) => console.error(line));
    console.error(`filled ${tickets} tickets, ${filled.articles} articles, ${users} users in ${queues} queues in ${Date.now() - t} ms`);
    const [{ count: busyTickets }]: { count: string }[] = await ds.query('SELECT count(*) FROM ticket WHERE queue_id = $1', [filled.busy.id]);

    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    api = startService('api', { PATH: process.env.PATH, DATABASE_URL: db.url, NATS_URL: nats.url, PORT: String(port), API_BOOTSTRAP_TOKEN: TOKEN, LOG_LEVEL: 'warn' });
    await waitForHealthy(api, `${origin}/api/v1/health`, 60_000);
    if ((await fetch(`${origin}/`)).status !== 200) throw new Error('the api does not serve the inbox at /: npm run build:web');
    const admin = adminApi(`${origin}/api/v1`);
    const [{ restricted }]: { restricted: boolean }[] = await ds.query('SELECT restricted FROM queue WHERE id = $1', [filled.busy.id]);
    const specialist = await createWebUser(admin, { email: 'bench-web@specialists.test', name: 'Bench Specialist', role: 'specialist' });
    if (restricted) {
      const granted = await admin.api(`/queues/${filled.busy.id}/access`, { method: 'PUT', body: { grants: [{ userId: specialist.id, level: 'write' }] } });
      if (granted.status >= 300) throw new Error(`granting ${filled.busy.slug}: ${granted.status} ${JSON.stringify(granted.body)}`);
    }

    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const signInPage = await context.newPage();
    await signIn(signInPage, origin, specialist.token);
    await signInPage.close();
    const calls = new Map<string, number[]>();
    const measured = await pageRuns(context, origin, filled.busy.slug, runs, calls);
    const load = loadavg()[0];

    const kB = (bytes: number) => `${round(bytes / 1000)} kB`;
    const met = {
      jsGzipBytes: js.gzipBytes <= GOAL.jsGzipBytes,
      queuePage: measured.queuePage.p95 <= GOAL.queuePageP95Ms,
      ticketThread: measured.ticketThread.p95 <= GOAL.ticketThreadP95Ms,
    };
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    console.log(`the web inbox: ${tickets} tickets (${busyTickets} in ${filled.busy.slug}), ${users} users, ${queues} queues; ${runs} runs in Chromium (load average ${load.toFixed(1)})`);
    console.log(`initial JavaScript, gzip level ${GZIP_LEVEL}: ${kB(js.gzipBytes)} (${js.files.map((f) => `${f.path} ${kB(f.bytes)} → ${kB(f.gzipBytes)}`).join(', ')})  ${verdict(met.jsGzipBytes)} (≤ ${kB(GOAL.jsGzipBytes)})`);
    console.log(`queue page, navigation → first row visible:  p50 ${measured.queuePage.p50} ms  p95 ${measured.queuePage.p95} ms  ${verdict(met.queuePage)} (p95 ≤ ${GOAL.queuePageP95Ms} ms)`);
    console.log(`ticket thread, click → first article visible: p50 ${measured.ticketThread.p50} ms  p95 ${measured.ticketThread.p95} ms  ${verdict(met.ticketThread)} (p95 ≤ ${GOAL.ticketThreadP95Ms} ms)`);
    console.log(`runs (ms): queue page ${measured.queuePage.runs.join(' ')}; ticket thread ${measured.ticketThread.runs.join(' ')}`);
    console.log(`queue page milestones, in the page, median ms since navigation: ${Object.entries(measured.milestones).map(([name, ms]) => `${name} ${ms}`).join(', ')}`);
    console.log('API calls the pages made (browser timing, request start → response end):');
    const apiCalls = Object.fromEntries(
      [...calls].map(([path, durations]) => {
        const sorted = [...durations].sort((a, b) => a - b);
        return [path, { count: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)) }];
      }),
    );
    for (const [path, c] of Object.entries(apiCalls)) console.log(`  ${String(c.count).padStart(3)} × p50 ${String(c.p50).padStart(7)} ms  p95 ${String(c.p95).padStart(7)} ms  ${path}`);
    const ok = met.jsGzipBytes && met.queuePage && met.ticketThread;
    console.log(
      JSON.stringify({
        bench: 'web',
        tickets,
        busyQueueTickets: Number(busyTickets),
        runs,
        loadAverage: round(load),
        jsGzipBytes: js.gzipBytes,
        gzipLevel: GZIP_LEVEL,
        goal: GOAL,
        queuePage: { p50: measured.queuePage.p50, p95: measured.queuePage.p95 },
        ticketThread: { p50: measured.ticketThread.p50, p95: measured.ticketThread.p95 },
        queuePageMilestones: measured.milestones,
        apiCalls,
        met,
        ok,
      }),
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    await browser?.close();
    await api?.kill();
    await ds.destroy().catch(() => undefined);
    await nats.stop().catch(() => undefined);
    await db.drop().catch(() => undefined);
  }
}

await main();
