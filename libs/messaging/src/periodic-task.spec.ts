import { setTimeout as sleep } from 'node:timers/promises';
import { PeriodicTask } from './periodic-task.js';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

function recordingLogger() {
  const lines: { level: 'info' | 'warn'; obj: Record<string, unknown>; msg: string }[] = [];
  return {
    lines,
    info: (obj: object, msg: string) => void lines.push({ level: 'info', obj: obj as Record<string, unknown>, msg }),
    warn: (obj: object, msg: string) => void lines.push({ level: 'warn', obj: obj as Record<string, unknown>, msg }),
  };
}

/** Runs a task whose n-th tick does `outcomes[n]` (the last repeats) until every outcome was used. */
async function runTicks(outcomes: (() => Promise<void>)[], logger: ReturnType<typeof recordingLogger>): Promise<void> {
  let tick = 0;
  const task = new PeriodicTask('test sweep', 2, () => outcomes[Math.min(tick++, outcomes.length - 1)](), logger);
  task.start();
  while (tick < outcomes.length) await sleep(2);
  await task.stop();
}

describe('PeriodicTask', () => {
  it('logs a database outage once, without a stack, and once when the work runs again', async () => {
    const logger = recordingLogger();
    const down = () => Promise.reject(refused());
    const ok = () => Promise.resolve();
    await runTicks([down, down, down, down, ok, ok], logger);
    expect(logger.lines).toEqual([
      { level: 'warn', obj: { task: 'test sweep', database: 'Unreachable' }, msg: 'test sweep failed: Postgres is not reachable; retrying every 2 ms' },
      { level: 'info', obj: { task: 'test sweep', failedTicks: 4 }, msg: 'test sweep runs again: the database is back' },
    ]);
  });

  it('logs every other failure with its error', async () => {
    const logger = recordingLogger();
    const boom = new Error('boom');
    await runTicks([() => Promise.reject(boom), () => Promise.reject(boom), () => Promise.resolve()], logger);
    expect(logger.lines).toEqual([
      { level: 'warn', obj: { err: boom, task: 'test sweep' }, msg: 'test sweep failed' },
      { level: 'warn', obj: { err: boom, task: 'test sweep' }, msg: 'test sweep failed' },
    ]);
  });
});
