/**
 * bench:authz — what the ticket access rule costs per request. Fills a private database with
 * N tickets (default 100,000) in Q queues (20; four of them restricted: `restricted` and
 * queue-01..03) with one article each, and U users (200 specialists, each with its own token;
 * every second one holds a read or write grant on one restricted queue). Two api processes
 * serve the same database: the real one (dist/apps/api/main.js), and the same modules with
 * the access rule taken out (dist/apps/api/bench/no-authz-api.js: every scope sees every queue, loaded
 * once) as the baseline. After the fill the tables are vacuumed and analysed and a checkpoint
 * taken, so neither process meets autovacuum. Each case runs open-loop at R requests/s (200)
 * for S seconds (30) against each process, after a 3 s warm-up of each; with --slices N in N
 * alternating slices (on, off, on, …; seen here: slices idle each process long enough for its
 * keep-alive sockets to close, and both sides' latencies rise). Every request comes from a random user:
 *
 *   GET /tickets/:id        a random ticket that user may see (a granted restricted one
 *                           now and then, whose read the real api audits)
 *   GET /tickets?limit=50   that user's inbox
 *
 * Goal (issue 11): the check adds ≤ 2 ms at p99 to each case, with no errors: judged on the
 * requests that carry no restricted content. Those that do (a granted user's restricted ticket or
 * inbox) also wait for their `ticket.read` event's durable commit, printed beside it. Options:
 * --tickets N, --queues Q, --users U, --rate R, --seconds S. Ends with one JSON line.
 */
import { loadavg } from 'node:os';
import { createDataSource, runMigrations, seedDefaults, type Db } from '@casework/database';
import { createDatabase, freePort, spawnService, startNats, startService, waitForHealthy, type ManagedProcess } from '@casework/devkit';
import { newTokenSecret, tokenSha256 } from '@casework/domain';
import { option } from './bench-options.js';
import { fillTickets } from './fill-tickets.js';
import { LoadDriver, summarise, type CaseRequest, type CaseResult, type RequestSample } from './load-driver.js';
import { cpuMsOf } from './process-cpu.js';

const TOKEN = 'bench-authz-token-0123456789';
const TARGET = { addedP99Ms: 2 };

type GroupedResult = CaseResult & { groups: Record<string, CaseResult> };
const WARMUP_MS = 3000;

const PAGE = 50;
/** Requests that carry restricted content, whose read the real api records (a durable audit commit) before answering; and the rest, where only the check runs. */
const AUDITED = 'audited';
const UNAUDITED = 'unaudited';
const RESTRICTED_SLUGS = ['restricted', 'queue-01', 'queue-02', 'queue-03'];
const BENCH_RATE_LIMITS = { RATE_LIMIT_PER_TOKEN_PER_MINUTE: '10000000', RATE_LIMIT_PER_IP_PER_MINUTE: '10000000' };

const round = (ms: number) => Math.round(ms * 100) / 100;
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

interface BenchUser {
  token: string;
  /** The restricted queue this user is granted, if any. */
  grantedQueueId: string | null;
}

/** U specialists with a token each; every second one granted read or write on one restricted queue. */
async function seedUsers(db: Db, count: number, restrictedQueueIds: string[]): Promise<BenchUser[]> {
  const users: BenchUser[] = [];
  for (let i = 0; i < count; i++) {
    const [{ id }] = await db.query(`INSERT INTO app_user (email, name, role) VALUES ($1, $2, 'specialist') RETURNING id`, [`specialist-${i}@bench.test`, `Specialist ${i}`]);
    const token = newTokenSecret();
    await db.query(`INSERT INTO api_token (user_id, name, token_sha256) VALUES ($1, 'bench', $2)`, [id, tokenSha256(token)]);
    const grantedQueueId = i % 2 === 0 ? restrictedQueueIds[(i / 2) % restrictedQueueIds.length] : null;
    if (grantedQueueId) await db.query(`INSERT INTO queue_grant (queue_id, user_id, level) VALUES ($1, $2, $3)`, [grantedQueueId, id, i % 4 === 0 ? 'write' : 'read']);
    users.push({ token, grantedQueueId });
  }
  return users;
}

async function startApi(label: string, script: string | undefined, env: NodeJS.ProcessEnv): Promise<{ process: ManagedProcess; driver: LoadDriver }> {
  const port = await freePort();
  const apiEnv = { ...env, PORT: String(port) };
  const api = script
    ? spawnService({ name: label, command: process.execPath, args: ['--enable-source-maps', script], env: apiEnv, cwd: process.cwd() })
    : startService('api', apiEnv);
  await waitForHealthy(api, `http://127.0.0.1:${port}/api/v1/health`, 60_000);
  return { process: api, driver: new LoadDriver(new URL(`http://127.0.0.1:${port}/api/v1/`), TOKEN) };
}

async function main(): Promise<void> {
  const tickets = option('tickets', 100_000, { integer: true });
  const queues = option('queues', 20, { integer: true });
  const userCount = option('users', 200, { integer: true });
  const rate = option('rate', 200, { integer: true });
  const seconds = option('seconds', 30, { integer: true });
  const slices = option('slices', 1, { integer: true });
  const [db, nats] = await Promise.all([createDatabase({ adminUrl: process.env.TEST_DATABASE_ADMIN_URL }), startNats()]);
  const ds = createDataSource({ url: db.url, poolSize: 2, applicationName: 'casework-bench-authz' });
  const apis: { process: ManagedProcess; driver: LoadDriver }[] = [];
  try {
    await runMigrations(db.url);
    await ds.initialize();
    await seedDefaults(ds, { queueAddress: 'safety@casework.test', firstResponseMinutes: 60 });
    let t = Date.now();
    await fillTickets(ds, { tickets, queues, articles: true });
    const restricted: { id: string }[] = await ds.query(
      // In a CTE: TypeORM answers a bare UPDATE with [rows, count], not rows.
      `WITH marked AS (UPDATE queue SET restricted = true WHERE slug = ANY($1) RETURNING id) SELECT id FROM marked`,
      [RESTRICTED_SLUGS],
    );
    const users = await seedUsers(ds, userCount, restricted.map((q) => q.id));
    // Fresh tables: statistics and visibility now, not by autovacuum in the middle of a case.
    await ds.query('VACUUM ANALYZE');
    await ds.query('CHECKPOINT');
    console.error(`filled ${tickets} tickets in ${queues} queues (${restricted.length} restricted) and ${userCount} users in ${Date.now() - t} ms`);

    // Tickets each user may see: a sample of the open queues', and of each restricted queue's.
    const openSample: { id: string }[] = await ds.query('SELECT t.id FROM ticket t JOIN queue q ON q.id = t.queue_id WHERE NOT q.restricted ORDER BY random() LIMIT 2000');
    const restrictedSample = new Map<string, string[]>();
    for (const { id } of restricted) {
      const rows: { id: string }[] = await ds.query('SELECT id FROM ticket WHERE queue_id = $1 ORDER BY random() LIMIT 200', [id]);
      restrictedSample.set(id, rows.map((r) => r.id));
    }
    let restrictedReads = 0;
    const byId = (): CaseRequest => {
      const user = pick(users);
      // One read in ten by a granted user is of their restricted queue.
      const granted = user.grantedQueueId ? restrictedSample.get(user.grantedQueueId) : undefined;
      if (granted?.length && Math.random() < 0.1) {
        restrictedReads += 1;
        return { path: `tickets/${pick(granted)}`, token: user.token, group: AUDITED };
      }
      return { path: `tickets/${pick(openSample).id}`, token: user.token, group: UNAUDITED };
    };
    // A granted user's inbox carries their restricted queue's newest tickets (audited); another's none.
    const list = (): CaseRequest => {
      const user = pick(users);
      return { path: `tickets?limit=${PAGE}`, token: user.token, group: user.grantedQueueId ? AUDITED : UNAUDITED };
    };

    const env = { PATH: process.env.PATH, DATABASE_URL: db.url, NATS_URL: nats.url, API_BOOTSTRAP_TOKEN: TOKEN, LOG_LEVEL: 'warn', ...BENCH_RATE_LIMITS };
    apis.push(await startApi('api', undefined, env), await startApi('api-no-authz', 'dist/apps/api/bench/no-authz-api.js', env));
    const [withAuthz, withoutAuthz] = apis;

    const cases: [label: string, next: () => CaseRequest][] = [
      ['GET /tickets/:id', byId],
      [`GET /tickets?limit=${PAGE}`, list],
    ];
    const results: Record<string, { authz: GroupedResult; noAuthz: GroupedResult }> = {};
    for (const [label, next] of cases) {
      const sides = [withAuthz, withoutAuthz].map((api) => ({ api, samples: [] as RequestSample[], cpuMs: 0, restrictedReads: 0 }));
      for (const side of sides) await side.api.driver.run(next, rate, WARMUP_MS);
      t = Date.now();
      for (let slice = 0; slice < slices; slice++) {
        for (const side of sides) {
          const cpuBefore = cpuMsOf(side.api.process.pid);
          restrictedReads = 0;
          side.samples.push(...(await side.api.driver.sample(next, rate, (seconds * 1000) / slices)));
          side.cpuMs += cpuMsOf(side.api.process.pid) - cpuBefore;
          side.restrictedReads += restrictedReads;
        }
      }
      const [on, off] = sides.map((side) => {
        const result: GroupedResult = { ...summarise(side.samples), groups: Object.fromEntries([AUDITED, UNAUDITED].map((group) => [group, summarise(side.samples.filter((sample) => sample.group === group))])) };
        result.apiCpuMsPerRequest = round(side.cpuMs / result.requests);
        const reads = label.includes(':id') ? `, ${side.restrictedReads} of them restricted reads` : '';
        const failures = result.errors ? `, failures ${JSON.stringify(result.failures)}` : '';
        console.error(`${label} (${side.api === withAuthz ? 'access rule on' : 'no access rule'}): ${result.requests} requests${reads}${failures}`);
        return result;
      });
      console.error(`${label}: both sides in ${Date.now() - t} ms (load average ${loadavg()[0].toFixed(1)})`);
      results[label] = { authz: on, noAuthz: off };
      for (const group of [UNAUDITED, AUDITED]) {
        const [a, b] = [on.groups[group], off.groups[group]];
        console.error(`  ${group}: p99 on ${a.p99Ms} ms, off ${b.p99Ms} ms (added ${round(a.p99Ms - b.p99Ms)} ms) over ${a.requests}/${b.requests} requests`);
      }
    }

    const [byIdCase, listCase] = cases.map(([label]) => results[label]);
    const added = { byId: round(byIdCase.authz.p99Ms - byIdCase.noAuthz.p99Ms), list: round(listCase.authz.p99Ms - listCase.noAuthz.p99Ms) };
    const addedIn = (group: string) => ({
      byId: round(byIdCase.authz.groups[group].p99Ms - byIdCase.noAuthz.groups[group].p99Ms),
      list: round(listCase.authz.groups[group].p99Ms - listCase.noAuthz.groups[group].p99Ms),
    });
    const checkAdded = addedIn(UNAUDITED);
    const auditedAdded = addedIn(AUDITED);
    const errors = Object.values(results).reduce((sum, r) => sum + r.authz.errors + r.noAuthz.errors, 0);
    // The check alone: requests that carried no restricted content, so no audit write waited.
    const ok = errors === 0 && checkAdded.byId <= TARGET.addedP99Ms && checkAdded.list <= TARGET.addedP99Ms;
    const [audited] = await ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'ticket.read'`);

    console.log(`the access rule's cost: ${tickets} tickets in ${queues} queues (${restricted.length} restricted), ${userCount} users, ${rate} requests/s for ${seconds} s per case and process`);
    console.log(`${'case'.padEnd(24)}  ${'p50 on'.padStart(9)}  ${'p99 on'.padStart(9)}  ${'p50 off'.padStart(9)}  ${'p99 off'.padStart(9)}  ${'p99 added'.padStart(9)}  ${'CPU/req on/off'.padStart(16)}  errors`);
    for (const [label, r] of Object.entries(results)) {
      const cells = [r.authz.p50Ms, r.authz.p99Ms, r.noAuthz.p50Ms, r.noAuthz.p99Ms, round(r.authz.p99Ms - r.noAuthz.p99Ms)].map((ms) => `${ms} ms`.padStart(9));
      const cpu = `${r.authz.apiCpuMsPerRequest}/${r.noAuthz.apiCpuMsPerRequest} ms`.padStart(16);
      console.log(`${label.padEnd(24)}  ${cells.join('  ')}  ${cpu}  ${r.authz.errors + r.noAuthz.errors}`);
    }
    console.log(`baseline: the same api with the access rule taken out (every caller sees every queue), same database, same load`);
    console.log(`restricted reads audited by the real api: ${audited.n} ticket.read events`);
    console.log(`by what a request carried (p99 on / off / added): the check alone, and restricted reads that also wait for their audit event's durable commit`);
    for (const [label, r] of Object.entries(results)) {
      const cells = [UNAUDITED, AUDITED].map((group) => `${group} ${r.authz.groups[group].p99Ms} / ${r.noAuthz.groups[group].p99Ms} / ${round(r.authz.groups[group].p99Ms - r.noAuthz.groups[group].p99Ms)} ms`);
      console.log(`${label.padEnd(24)}  ${cells.join('   ')}`);
    }
    console.log(`target: the check adds ≤ ${TARGET.addedP99Ms} ms at p99 to each case (requests without restricted content), no errors: ${ok ? 'met' : 'NOT met'}`);
    console.log(
      JSON.stringify({
        bench: 'authz',
        tickets,
        queues,
        users: userCount,
        ratePerSec: rate,
        seconds,
        p99ByIdMs: byIdCase.authz.p99Ms,
        p99ListMs: listCase.authz.p99Ms,
        p99ByIdNoAuthzMs: byIdCase.noAuthz.p99Ms,
        p99ListNoAuthzMs: listCase.noAuthz.p99Ms,
        addedP99Ms: added,
        checkAddedP99Ms: checkAdded,
        auditedAddedP99Ms: auditedAdded,
        errors,
        target: TARGET,
        ok,
      }),
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    for (const api of apis) {
      api.driver.close();
      await api.process.kill();
    }
    await ds.destroy().catch(() => undefined);
    await nats.stop().catch(() => undefined);
    await db.drop().catch(() => undefined);
  }
}

await main();
