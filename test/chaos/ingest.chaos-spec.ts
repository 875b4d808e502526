import { appendFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CaseworkSuite } from '@casework/devkit';
import { Appender, FaultInjector } from '../support/chaos-faults.js';
import { chaosSchedule, type ChaosTarget } from '../support/chaos-schedule.js';
import { acknowledgedRecipients, judge, problemLines, readCounts, sqlOn, type Counts, type Sql } from '../support/chaos-verdict.js';
import { SeededRandom, seedFromEnv } from '../support/seeded-random.js';
import { syntheticMail, type GeneratedMail } from '../support/synthetic-mail.js';

/**
 * "Ingest never loses or duplicates a message", under faults: 2,000 messages are APPENDed at a
 * steady pace while ingest is SIGKILLed 5 times and routing 3 times at random moments, and the
 * private nats-server and the private PostgreSQL are each restarted once. In the end every
 * message is exactly one article (by Message-ID and by content hash), and no stakeholder got two
 * different acknowledgements for one mail: a resend after a crash repeats the same Message-ID.
 *
 * CHAOS_SEED replays a run (messages and fault schedule); CHAOS_MESSAGES, CHAOS_APPEND_SECONDS
 * and CHAOS_CONVERGE_SECONDS change its size; CHAOS_TEMPLATE_REPLY_KILLS (default 0) also
 * SIGKILLs the acknowledgement sender. Full service logs go to CHAOS_LOG_DIR (default a temp
 * dir, printed, removed again when the run passes).
 */

const TOTAL = envInt('CHAOS_MESSAGES', 2000);
const APPEND_MS = envInt('CHAOS_APPEND_SECONDS', 150) * 1000;
const CONVERGE_MS = envInt('CHAOS_CONVERGE_SECONDS', 300) * 1000;
const BATCH_EVERY_MS = 1000;
const FAULTS: Record<ChaosTarget, number> = {
  ingest: 5,
  routing: 3,
  // Off by default: kills of the sender exercise the resend path (same Message-ID) harder.
  'template-reply': envInt('CHAOS_TEMPLATE_REPLY_KILLS', 0, 0),
  nats: 1,
  postgres: 1,
};

function envInt(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}`);
  return value;
}

describe('ingest under faults (chaos)', () => {
  const seed = seedFromEnv('CHAOS_SEED');
  const random = new SeededRandom(seed);
  const runId = `c${seed.toString(36)}`;
  const logDir = process.env.CHAOS_LOG_DIR ?? join(tmpdir(), `casework-chaos-${runId}-${Date.now().toString(36)}`);
  const timeline: string[] = [];
  let suite: CaseworkSuite;
  let faults: FaultInjector;
  let sql: Sql;
  let startedAt = 0;
  let passed = false;

  const elapsed = () => `+${((Date.now() - startedAt) / 1000).toFixed(1)}s`;
  const note = (line: string) => {
    timeline.push(`${elapsed()} ${line}`);
  };

  beforeAll(async () => {
    if (!existsSync('dist/apps/ingest/src/main.js')) throw new Error('dist/ is missing: run `npm run build` (npm run test:chaos does it first)');
    mkdirSync(logDir, { recursive: true });
    console.log(`chaos seed ${seed} (CHAOS_SEED=${seed} replays this run); ${TOTAL} messages over ${APPEND_MS / 1000} s; service logs in ${logDir}`);
    suite = await CaseworkSuite.start({
      privatePostgres: true,
      logLevel: 'info',
      // Lost events are found again quickly: a raw message not routed 5 s after it was stored is re-emitted.
      env: { RECONCILE_GRACE_MS: '5000', RECONCILE_INTERVAL_MS: '1000' },
      logLine: (service, line) => appendFileSync(join(logDir, `${service}.log`), `${line}\n`),
    });
    faults = new FaultInjector(suite, note);
    sql = sqlOn(suite.database.url);
  }, 300_000);

  afterAll(async () => {
    await suite?.stop();
    // Logs of a passing run are not kept unless asked for.
    if (passed && !process.env.CHAOS_LOG_DIR) rmSync(logDir, { recursive: true, force: true });
  });

  const counts = (): Promise<Counts> => readCounts(sql);

  it(`routes each of ${TOTAL} messages exactly once and acknowledges each with one Message-ID while ingest, routing, NATS and Postgres fail`, async () => {
    const messages: GeneratedMail[] = Array.from({ length: TOTAL }, (_, index) =>
      syntheticMail(random, { index, runId, kind: random.next() < 0.2 ? 'html' : 'plain' }),
    );
    expect(new Set(messages.map((m) => m.messageId)).size).toBe(TOTAL);
    expect(new Set(messages.map((m) => m.sha256)).size).toBe(TOTAL);
    const schedule = chaosSchedule(random, { fromMs: APPEND_MS * 0.05, toMs: APPEND_MS * 0.95, counts: FAULTS });
    console.log(`fault schedule: ${schedule.map((e) => `${e.target}@${(e.atMs / 1000).toFixed(1)}s`).join(', ')}`);

    startedAt = Date.now();
    const appendedWhileDown = Object.fromEntries(Object.entries(FAULTS).filter(([, n]) => n > 0).map(([target]) => [target, 0])) as Partial<Record<ChaosTarget, number>>;

    // Faults: each target's events run one after another; different targets may overlap.
    const chains = new Map<ChaosTarget, Promise<void>>();
    const timers: NodeJS.Timeout[] = [];
    const faultsDone = Promise.all(schedule.map(
      (event) =>
        new Promise<void>((resolve, reject) => {
          timers.push(
            setTimeout(() => {
              const run = (chains.get(event.target) ?? Promise.resolve()).then(() => faults.inflict(event));
              chains.set(event.target, run.catch(() => undefined));
              run.then(resolve, reject);
            }, event.atMs),
          );
        }),
    ));
    // Awaited after the appends; a failure before that must not count as unhandled.
    faultsDone.catch(() => undefined);

    // Progress, for a run watched live and for the failure message.
    let last: Counts | null = null;
    let appended = 0;
    const progress = setInterval(() => {
      counts()
        .then((c) => {
          last = c;
          console.log(`${elapsed()} appended ${appended}, stored ${c.raw}, routed ${c.ticketed + c.quarantined}, acks sent ${c.acksSent}`);
        })
        .catch(() => undefined);
    }, 15_000);

    const appender = new Appender(suite);
    const failures: string[] = [];
    try {
      const batches = Math.ceil(APPEND_MS / BATCH_EVERY_MS);
      const perBatch = Math.ceil(TOTAL / batches);
      for (let batch = 0; appended < TOTAL; batch++) {
        const due = startedAt + batch * BATCH_EVERY_MS;
        if (due > Date.now()) await sleep(due - Date.now());
        for (const message of messages.slice(appended, appended + perBatch)) {
          await appender.append(message.raw);
          for (const target of Object.keys(appendedWhileDown) as ChaosTarget[]) if (faults.isDown(target, Date.now())) appendedWhileDown[target] = (appendedWhileDown[target] ?? 0) + 1;
          appended++;
        }
      }
      note(`all ${TOTAL} appended`);
      await appender.close();
      await faultsDone;
      note('all faults inflicted and recovered from');

      // Convergence: every message routed and every acknowledgement sent.
      const deadline = Date.now() + CONVERGE_MS;
      let converged = false;
      while (Date.now() < deadline) {
        const c = await counts().catch(() => null);
        if (c) last = c;
        const acked = acknowledgedRecipients(suite.smtp.messages).size;
        if (c && c.raw >= TOTAL && c.received === 0 && c.articles >= TOTAL && c.acksSent >= TOTAL && acked >= TOTAL) {
          converged = true;
          break;
        }
        await sleep(1000);
      }
      note(converged ? 'converged' : `NOT converged within ${CONVERGE_MS / 1000} s`);
      if (!converged) failures.push(`did not converge within ${CONVERGE_MS / 1000} s after the last message and fault`);
    } finally {
      clearInterval(progress);
      for (const timer of timers) clearTimeout(timer);
      await appender.close();
    }

    const verdict = await judge(sql, { messages, caught: suite.smtp.messages, appendRetries: appender.retries });
    const summary = [
      `seed ${seed}; ${((Date.now() - startedAt) / 1000).toFixed(0)} s from the first APPEND`,
      `timeline:\n  ${timeline.join('\n  ')}`,
      `appended while down: ${Object.entries(appendedWhileDown).map(([t, n]) => `${t} ${n}`).join(', ')}; APPENDs repeated after an error: ${appender.retries}`,
      ...verdict.lines,
      `last counts ${JSON.stringify(last)}`,
    ].join('\n');
    console.log(summary);

    failures.push(...verdict.failures);
    for (const [name, service] of suite.services) if (service.child.exitCode !== null || service.child.signalCode !== null) failures.push(`${name} is not running at the end`);

    if (failures.length) {
      throw new Error(`${failures.join('\n')}\n\n${summary}\n\nlast problems logged (full logs in ${logDir}):\n${problemLines(faults.incarnations)}`);
    }
    passed = true;
  }, APPEND_MS + CONVERGE_MS + 600_000);
});
