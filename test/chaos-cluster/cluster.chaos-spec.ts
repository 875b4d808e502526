import { appendFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseworkSuite } from '@casework/devkit';
import { clocksConverged, judgeClocks } from '../support/chaos-clocks.js';
import { envInt, runChaos } from '../support/chaos-run.js';
import type { ChaosTarget } from '../support/chaos-schedule.js';
import { SeededRandom, seedFromEnv } from '../support/seeded-random.js';

/**
 * The production topology under faults: a three-node JetStream cluster (the stream at three
 * replicas), two replicas of every service, a private PostgreSQL. 2,000 messages are APPENDed
 * while the stream's leader node is SIGKILLed (and started again), one replica of each service
 * is SIGKILLed three times, and Postgres restarts once. In the end: every message exactly one
 * article, one acknowledgement Message-ID per stakeholder, and every ticket's first-response
 * clock breached exactly once with one notice (the SLA is one minute, nobody answers).
 *
 * CHAOS_SEED replays a run; CHAOS_MESSAGES, CHAOS_APPEND_SECONDS and CHAOS_CONVERGE_SECONDS change
 * its size. Full service logs go to CHAOS_LOG_DIR (default a temp dir, removed when the run passes).
 */

const TOTAL = envInt('CHAOS_MESSAGES', 2000);
const APPEND_MS = envInt('CHAOS_APPEND_SECONDS', 150) * 1000;
const CONVERGE_MS = envInt('CHAOS_CONVERGE_SECONDS', 300) * 1000;
const REPLICAS = 2;
const FAULTS: Partial<Record<ChaosTarget, number>> = { ingest: 3, routing: 3, 'template-reply': 3, notification: 3, api: 3, 'nats-leader': 1, postgres: 1 };

describe('the clustered suite under faults (chaos)', () => {
  const seed = seedFromEnv('CHAOS_SEED');
  const random = new SeededRandom(seed);
  const runId = `k${seed.toString(36)}`;
  const logDir = process.env.CHAOS_LOG_DIR ?? join(tmpdir(), `casework-chaos-cluster-${runId}-${Date.now().toString(36)}`);
  let suite: CaseworkSuite;
  let passed = false;

  beforeAll(async () => {
    if (!existsSync('dist/apps/ingest/src/main.js')) throw new Error('dist/ is missing: run `npm run build` (npm run test:chaos:cluster does it first)');
    mkdirSync(logDir, { recursive: true });
    console.log(`chaos seed ${seed} (CHAOS_SEED=${seed} replays this run); ${TOTAL} messages over ${APPEND_MS / 1000} s; 3 NATS nodes, ${REPLICAS} replicas of each service; logs in ${logDir}`);
    suite = await CaseworkSuite.start({
      privatePostgres: true,
      natsCluster: 3,
      replicas: REPLICAS,
      firstResponseMinutes: 1,
      logLevel: 'info',
      env: { RECONCILE_GRACE_MS: '5000', RECONCILE_INTERVAL_MS: '1000' },
      logLine: (service, line) => appendFileSync(join(logDir, `${service}.log`), `${line}\n`),
    });
  }, 300_000);

  afterAll(async () => {
    await suite?.stop();
    if (passed && !process.env.CHAOS_LOG_DIR) rmSync(logDir, { recursive: true, force: true });
  });

  it(`routes each of ${TOTAL} messages once, acknowledges each once and fires each SLA clock once while nodes and replicas die`, async () => {
    await runChaos({
      suite,
      random,
      seed,
      runId,
      total: TOTAL,
      appendMs: APPEND_MS,
      convergeMs: CONVERGE_MS,
      faults: FAULTS,
      replicas: REPLICAS,
      logDir,
      extra: { converged: (sql) => clocksConverged(sql, TOTAL), judge: (sql) => judgeClocks(sql, suite.smtp.messages, TOTAL) },
    });
    passed = true;
  }, APPEND_MS + CONVERGE_MS + 600_000);
});
