/**
 * soak — the two-replica suite (a three-node NATS cluster, two processes of every service) under
 * steady load for `--minutes` (10): `--mail-rate` corpus mails/s APPENDed (50) and `--api-rate`
 * API requests/s (100: ticket lists, details, searches, replies) spread over both api replicas.
 * Per minute: mail appended and routed, p99 arrival → ticket, API requests, errors and p99, and
 * every process's RSS. In the end: errors (0 is the target), each process's RSS growth after the
 * `--warmup` minutes (2; ≤ 5 % is the target) with its slope, and Postgres' dead tuples beside
 * the live ones (what autovacuum has not caught up with). One JSON line last.
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { CaseworkSuite, replicaKey, SERVICE_NAMES, type ManagedProcess } from '@casework/devkit';
import { benchMessages, withMessageId } from '../test/support/bench-mail.js';
import { SeededRandom } from '../test/support/seeded-random.js';
import { option, percentile } from './bench-options.js';
import { round } from './format.js';

const GROWTH_CEILING = 0.05;
const WORDS = ['help', 'account', 'threat', 'harassment', 'report', 'urgent', 'please', 'message'];

interface Minute {
  minute: number;
  appended: number;
  routed: number;
  arrivalP99Ms: number;
  apiRequests: number;
  apiErrors: number;
  apiP99Ms: number;
  rssMb: Record<string, number>;
}

async function main(): Promise<void> {
  const minutes = option('minutes', 10, { integer: true });
  const mailRate = option('mail-rate', 50);
  const apiRate = option('api-rate', 100);
  const warmup = option('warmup', 2, { integer: true, zero: true });
  const random = new SeededRandom(option('seed', SeededRandom.freshSeed(), { integer: true }));
  const runId = `soak${Date.now().toString(36)}`;
  const { messages: templates, source } = await benchMessages(500, { random, runId, htmlShare: 0.2 });
  console.log(`soak: ${minutes} min, ${mailRate} mails/s (${source}), ${apiRate} API requests/s; starting the suite`);
  const suite = await CaseworkSuite.start({
    natsCluster: 3,
    replicas: 2,
    logLevel: 'warn',
    parseCaughtMail: false,
    env: { RATE_LIMIT_PER_TOKEN_PER_MINUTE: '10000000', RATE_LIMIT_PER_IP_PER_MINUTE: '10000000' },
  });
  const db = new pg.Pool({ connectionString: suite.database.url, max: 2 });
  const processes = new Map<string, ManagedProcess>([...suite.services, ...suite.replicas]);
  const apiBases = [1, 2].map((replica) => `http://127.0.0.1:${suite.httpPorts.get(replicaKey('api', replica))}/api/v1`);
  const appendedAt = new Map<string, number>();
  const ticketIds: string[] = [];
  const apiSamples: { at: number; ms: number; ok: boolean }[] = [];
  const apiFailures: Record<string, number> = {};
  const perMinute: Minute[] = [];
  const started = Date.now();
  const end = started + minutes * 60_000;

  const call = async (path: string, init: RequestInit = {}): Promise<unknown> => {
    const base = apiBases[Math.floor(random.next() * apiBases.length)];
    const response = await fetch(base + path, { ...init, headers: { authorization: `Bearer ${suite.token}`, 'content-type': 'application/json' }, signal: AbortSignal.timeout(10_000) });
    const text = await response.text();
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path.split('?')[0].replace(/[0-9a-f-]{36}/g, ':id')} → ${response.status}`);
    return text ? JSON.parse(text) : null;
  };
  const apiRequest = (): Promise<unknown> => {
    const pick = random.next();
    const ticket = ticketIds.length ? ticketIds[Math.floor(random.next() * ticketIds.length)] : null;
    if (pick < 0.5 || !ticket) {
      return call('/tickets?limit=20').then((page) => {
        for (const item of (page as { items: { id: string }[] }).items) if (!ticketIds.includes(item.id)) ticketIds.push(item.id);
        if (ticketIds.length > 2000) ticketIds.splice(0, ticketIds.length - 2000);
      });
    }
    if (pick < 0.8) return call(`/tickets/${ticket}`);
    if (pick < 0.9) return call(`/search?q=${WORDS[Math.floor(random.next() * WORDS.length)]}`);
    return call(`/tickets/${ticket}/replies`, { method: 'POST', body: JSON.stringify({ body: 'Thank you for writing to us; we are looking into it.' }) });
  };

  const mailLoad = (async () => {
    const client = await suite.imap();
    try {
      for (let i = 0; Date.now() < end; i++) {
        const due = started + (i * 1000) / mailRate;
        if (due > Date.now()) await sleep(due - Date.now());
        const messageId = `${runId}.${i}@soak.casework.test`;
        await client.append('INBOX', withMessageId(templates[i % templates.length].raw, messageId));
        appendedAt.set(messageId, Date.now());
      }
    } finally {
      await client.logout().catch(() => undefined);
    }
  })();
  const apiLoad = (async () => {
    const inFlight = new Set<Promise<void>>();
    for (let i = 0; Date.now() < end; i++) {
      const due = started + (i * 1000) / apiRate;
      if (due > Date.now()) await sleep(due - Date.now());
      const task: Promise<void> = apiRequest().then(
        () => void apiSamples.push({ at: due, ms: Date.now() - due, ok: true }),
        (error: Error) => {
          apiSamples.push({ at: due, ms: Date.now() - due, ok: false });
          const key = error.message.slice(0, 120);
          apiFailures[key] = (apiFailures[key] ?? 0) + 1;
        },
      );
      const tracked = task.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    }
    await Promise.all(inFlight);
  })();

  let routedBefore = new Date(started);
  for (let minute = 1; minute <= minutes; minute++) {
    await sleep(Math.max(0, started + minute * 60_000 - Date.now()));
    const now = new Date();
    const rows: { message_id: string; created_at: Date }[] = (
      await db.query(`SELECT message_id, created_at FROM article WHERE direction = 'inbound' AND created_at >= $1 AND created_at < $2`, [routedBefore, now])
    ).rows;
    routedBefore = now;
    const arrival = rows.flatMap((row) => (appendedAt.has(row.message_id) ? [row.created_at.getTime() - appendedAt.get(row.message_id)!] : [])).sort((a, b) => a - b);
    const window = apiSamples.filter((s) => s.at >= started + (minute - 1) * 60_000 && s.at < started + minute * 60_000);
    const rssMb = Object.fromEntries([...processes].map(([name, p]) => [name, rssMbOf(p.pid)]));
    const row: Minute = {
      minute,
      appended: [...appendedAt.values()].filter((at) => at >= started + (minute - 1) * 60_000 && at < started + minute * 60_000).length,
      routed: rows.length,
      arrivalP99Ms: percentile(arrival, 99),
      apiRequests: window.length,
      apiErrors: window.filter((s) => !s.ok).length,
      apiP99Ms: percentile(window.map((s) => s.ms).sort((a, b) => a - b), 99),
      rssMb,
    };
    perMinute.push(row);
    console.log(`min ${minute}: mail appended ${row.appended}, routed ${row.routed}, arrival→ticket p99 ${row.arrivalP99Ms} ms; api ${row.apiRequests} requests, ${row.apiErrors} errors, p99 ${row.apiP99Ms} ms; RSS MB ${Object.entries(rssMb).map(([n, mb]) => `${n} ${mb}`).join(', ')}`);
  }
  await Promise.all([mailLoad, apiLoad]);
  // Whatever is still in flight gets a minute to land before it counts as lost.
  const deadline = Date.now() + 60_000;
  let unrouted = appendedAt.size;
  while (Date.now() < deadline) {
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM article WHERE direction = 'inbound' AND message_id = ANY($1::text[])`, [[...appendedAt.keys()]])).rows;
    unrouted = appendedAt.size - n;
    if (unrouted === 0) break;
    await sleep(1000);
  }
  // Dead tuples say something only where autovacuum runs (some development servers turn it off).
  const autovacuum = ((await db.query(`SHOW autovacuum`)).rows[0] as { autovacuum: string }).autovacuum;
  const tables = (await db.query(`SELECT relname, n_live_tup::int AS live, n_dead_tup::int AS dead, last_autovacuum FROM pg_stat_user_tables ORDER BY n_dead_tup DESC LIMIT 8`)).rows as { relname: string; live: number; dead: number; last_autovacuum: Date | null }[];
  await db.end();
  await suite.stop();

  const growth = Object.fromEntries(
    [...processes.keys()].map((name) => {
      const series = perMinute.filter((m) => m.minute > warmup).map((m) => [m.minute, m.rssMb[name]] as const);
      const first = series[0]?.[1] ?? NaN;
      const last = series[series.length - 1]?.[1] ?? NaN;
      return [name, { growthPct: round(((last - first) / first) * 100), slopeMbPerMin: round(slope(series), 2) }];
    }),
  );
  const worst = Math.max(...Object.values(growth).map((g) => g.growthPct));
  const apiErrors = apiSamples.filter((s) => !s.ok).length;
  for (const [name, g] of Object.entries(growth)) console.log(`RSS after the ${warmup}-minute warm-up, ${name}: ${g.growthPct} % (slope ${g.slopeMbPerMin} MB/min; ceiling ${GROWTH_CEILING * 100} %)`);
  console.log(`autovacuum on this server: ${autovacuum}`);
  for (const t of tables) console.log(`table ${t.relname}: ${t.live} live, ${t.dead} dead tuples, last autovacuum ${t.last_autovacuum?.toISOString() ?? 'never'}`);
  if (apiErrors) console.log(`API failures: ${JSON.stringify(apiFailures)}`);
  console.log(`mail: ${appendedAt.size} appended, ${unrouted} not routed a minute after the end; API: ${apiSamples.length} requests, ${apiErrors} errors (target 0); worst growth ${worst} % (ceiling ${GROWTH_CEILING * 100} %)`);
  const ok = unrouted === 0 && apiErrors === 0 && worst <= GROWTH_CEILING * 100;
  console.log(
    JSON.stringify({
      bench: 'soak',
      minutes,
      mailRate,
      apiRate,
      mailsAppended: appendedAt.size,
      mailsUnrouted: unrouted,
      apiRequests: apiSamples.length,
      apiErrors,
      arrivalP99MsPerMinute: perMinute.map((m) => m.arrivalP99Ms),
      apiP99MsPerMinute: perMinute.map((m) => m.apiP99Ms),
      rssGrowthPct: growth,
      worstGrowthPct: worst,
      growthCeilingPct: GROWTH_CEILING * 100,
      autovacuum,
      deadTuples: Object.fromEntries(tables.map((t) => [t.relname, { live: t.live, dead: t.dead }])),
      services: SERVICE_NAMES.length * 2,
      ok,
    }),
  );
  process.exitCode = ok ? 0 : 1;
}

function rssMbOf(pid: number): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return round(kb / 1024);
  } catch {
    return NaN;
  }
}

/** Least-squares slope of (x, y) points. */
function slope(points: readonly (readonly [number, number])[]): number {
  if (points.length < 2) return NaN;
  const n = points.length;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  const num = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const den = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return num / den;
}

await main();
