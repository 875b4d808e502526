import { setTimeout as sleep } from 'node:timers/promises';
import type { CaseworkSuite } from '@casework/devkit';
import { Appender, FaultInjector } from './chaos-faults.js';
import { chaosSchedule, type ChaosTarget } from './chaos-schedule.js';
import { acknowledgedRecipients, judge, problemLines, readCounts, sqlOn, type Counts, type Sql, type Verdict } from './chaos-verdict.js';
import type { SeededRandom } from './seeded-random.js';
import { syntheticMail, type GeneratedMail } from './synthetic-mail.js';

/*
 * One chaos run, shared by the single-node and the cluster suites: messages APPENDed at a steady
 * pace while the scheduled faults land, then convergence and the verdict. Free of jest globals
 * (the build compiles it with the sources).
 */

export interface ChaosRunOptions {
  suite: CaseworkSuite;
  random: SeededRandom;
  seed: number;
  runId: string;
  total: number;
  appendMs: number;
  convergeMs: number;
  faults: Partial<Record<ChaosTarget, number>>;
  /** Replicas of each service in the suite (each kill picks one). */
  replicas?: number;
  /** Where full logs are, for the failure message. */
  logDir: string;
  /** More to judge once converged (e.g. SLA clocks), and to wait for before calling it converged. */
  extra?: { converged(sql: Sql): Promise<boolean>; judge(sql: Sql): Promise<Verdict> };
}

const BATCH_EVERY_MS = 1000;

/** A run's size from the environment (CHAOS_MESSAGES and the like): an integer ≥ `min`, or `fallback` when unset. */
export function envInt(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}`);
  return value;
}

/** Runs it; resolves with the summary when every check passed, rejects with failures and summary otherwise. */
export async function runChaos(options: ChaosRunOptions): Promise<string> {
  const { suite, random, total } = options;
  const startedAt = Date.now();
  const timeline: string[] = [];
  const elapsed = () => `+${((Date.now() - startedAt) / 1000).toFixed(1)}s`;
  const note = (line: string) => void timeline.push(`${elapsed()} ${line}`);
  const faults = new FaultInjector(suite, note);
  const sql = sqlOn(suite.database.url);
  const counts = (): Promise<Counts> => readCounts(sql);

  const messages: GeneratedMail[] = Array.from({ length: total }, (_, index) => syntheticMail(random, { index, runId: options.runId, kind: random.next() < 0.2 ? 'html' : 'plain' }));
  const schedule = chaosSchedule(random, { fromMs: options.appendMs * 0.05, toMs: options.appendMs * 0.95, counts: options.faults, replicas: options.replicas });
  console.log(`fault schedule: ${schedule.map((e) => `${e.target}${e.replica > 1 ? `#${e.replica}` : ''}@${(e.atMs / 1000).toFixed(1)}s`).join(', ')}`);
  const appendedWhileDown: Partial<Record<ChaosTarget, number>> = Object.fromEntries(Object.entries(options.faults).filter(([, n]) => (n ?? 0) > 0).map(([target]) => [target, 0]));

  // Faults: each target's events run one after another; different targets may overlap.
  const chains = new Map<ChaosTarget, Promise<void>>();
  const timers: NodeJS.Timeout[] = [];
  const faultsDone = Promise.all(
    schedule.map(
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
    ),
  );
  // Awaited after the appends; a failure before that must not count as unhandled.
  faultsDone.catch(() => undefined);

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
    const batches = Math.ceil(options.appendMs / BATCH_EVERY_MS);
    const perBatch = Math.ceil(total / batches);
    for (let batch = 0; appended < total; batch++) {
      const due = startedAt + batch * BATCH_EVERY_MS;
      if (due > Date.now()) await sleep(due - Date.now());
      for (const message of messages.slice(appended, appended + perBatch)) {
        await appender.append(message.raw);
        for (const target of Object.keys(appendedWhileDown) as ChaosTarget[]) if (faults.isDown(target, Date.now())) appendedWhileDown[target] = (appendedWhileDown[target] ?? 0) + 1;
        appended++;
      }
    }
    note(`all ${total} appended`);
    await appender.close();
    await faultsDone;
    note('all faults inflicted and recovered from');

    // Convergence: every message routed, every acknowledgement sent (and what `extra` waits for).
    const deadline = Date.now() + options.convergeMs;
    let converged = false;
    while (Date.now() < deadline) {
      const c = await counts().catch(() => null);
      if (c) last = c;
      const acked = acknowledgedRecipients(suite.smtp.messages).size;
      if (c && c.raw >= total && c.received === 0 && c.articles >= total && c.acksSent >= total && acked >= total && (await (options.extra ? options.extra.converged(sql).catch(() => false) : true))) {
        converged = true;
        break;
      }
      await sleep(1000);
    }
    note(converged ? 'converged' : `NOT converged within ${options.convergeMs / 1000} s`);
    if (!converged) failures.push(`did not converge within ${options.convergeMs / 1000} s after the last message and fault`);
  } finally {
    clearInterval(progress);
    for (const timer of timers) clearTimeout(timer);
    await appender.close();
  }

  const verdicts = [await judge(sql, { messages, caught: suite.smtp.messages, appendRetries: appender.retries }), ...(options.extra ? [await options.extra.judge(sql)] : [])];
  const summary = [
    `seed ${options.seed}; ${((Date.now() - startedAt) / 1000).toFixed(0)} s from the first APPEND`,
    `timeline:\n  ${timeline.join('\n  ')}`,
    `appended while down: ${Object.entries(appendedWhileDown).map(([t, n]) => `${t} ${n}`).join(', ')}; APPENDs repeated after an error: ${appender.retries}`,
    ...verdicts.flatMap((v) => v.lines),
    `last counts ${JSON.stringify(last)}`,
  ].join('\n');
  console.log(summary);

  failures.push(...verdicts.flatMap((v) => v.failures));
  for (const [name, service] of [...suite.services, ...suite.replicas]) if (service.child.exitCode !== null || service.child.signalCode !== null) failures.push(`${name} is not running at the end`);
  if (failures.length) throw new Error(`${failures.join('\n')}\n\n${summary}\n\nlast problems logged (full logs in ${options.logDir}):\n${problemLines(faults.incarnations)}`);
  return summary;
}
