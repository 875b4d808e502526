import { appendFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ImapFlow } from 'imapflow';
import pg from 'pg';
import { CaseworkSuite, type CaughtMail, type ManagedProcess, type ServiceName } from '@casework/devkit';
import { chaosSchedule, type ChaosEvent, type ChaosTarget } from '../support/chaos-schedule.js';
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
const RESTART_DEADLINE_MS = 180_000;

function envInt(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}`);
  return value;
}

interface Counts {
  raw: number;
  received: number;
  ticketed: number;
  quarantined: number;
  duplicates: number;
  articles: number;
  tickets: number;
  acks: number;
  acksSent: number;
}

describe('ingest under faults (chaos)', () => {
  const seed = seedFromEnv('CHAOS_SEED');
  const random = new SeededRandom(seed);
  const runId = `c${seed.toString(36)}`;
  const logDir = process.env.CHAOS_LOG_DIR ?? join(tmpdir(), `casework-chaos-${runId}-${Date.now().toString(36)}`);
  /** Every process of every service, killed ones included, for the logs of a failing run. */
  const incarnations: ManagedProcess[] = [];
  const timeline: string[] = [];
  let suite: CaseworkSuite;
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
    incarnations.push(...suite.services.values());
  }, 300_000);

  afterAll(async () => {
    await suite?.stop();
    // Logs of a passing run are not kept unless asked for.
    if (passed && !process.env.CHAOS_LOG_DIR) rmSync(logDir, { recursive: true, force: true });
  });

  /** A fresh connection per question: the private Postgres is restarted during the run. */
  async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: suite.database.url, connectionTimeoutMillis: 5000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.query<T>(text, params)).rows;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  async function counts(): Promise<Counts> {
    const [row] = await sql<Counts>(`
      SELECT (SELECT count(*)::int FROM raw_message) AS raw,
             (SELECT count(*)::int FROM raw_message WHERE status = 'received') AS received,
             (SELECT count(*)::int FROM raw_message WHERE status = 'ticketed') AS ticketed,
             (SELECT count(*)::int FROM raw_message WHERE status = 'quarantined') AS quarantined,
             (SELECT count(*)::int FROM raw_message WHERE status = 'duplicate') AS duplicates,
             (SELECT count(*)::int FROM article WHERE direction = 'inbound') AS articles,
             (SELECT count(*)::int FROM ticket) AS tickets,
             (SELECT count(*)::int FROM outbound_message WHERE kind = 'acknowledgement') AS acks,
             (SELECT count(*)::int FROM outbound_message WHERE kind = 'acknowledgement' AND status = 'sent') AS "acksSent"`);
    return row;
  }

  /** Starts a service again, retrying while it cannot come up (Postgres or NATS restarting under it). */
  async function restart(name: ServiceName): Promise<number> {
    const began = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        incarnations.push(await suite.startService(name));
        return attempt;
      } catch (error) {
        const failed = suite.services.get(name);
        if (failed) {
          if (!incarnations.includes(failed)) incarnations.push(failed);
          await failed.kill('SIGKILL');
        }
        note(`${name} did not come up (attempt ${attempt}): ${firstLine(error)}`);
        if (Date.now() - began > RESTART_DEADLINE_MS) throw error;
        await sleep(1000);
      }
    }
  }

  /** Down intervals per target, to tell how many messages arrived while a service was down. */
  const down = new Map<ChaosTarget, { from: number; to: number | null }[]>();
  const isDown = (target: ChaosTarget, at: number) => (down.get(target) ?? []).some((d) => d.from <= at && (d.to === null || at < d.to));

  async function inflict(event: ChaosEvent): Promise<void> {
    const interval = { from: Date.now(), to: null as number | null };
    down.set(event.target, [...(down.get(event.target) ?? []), interval]);
    const began = Date.now();
    if (event.target === 'nats') {
      note('restarting nats-server');
      await suite.nats.restart();
      note(`nats-server back after ${Date.now() - began} ms`);
    } else if (event.target === 'postgres') {
      note('restarting PostgreSQL (fast shutdown)');
      await suite.postgres!.restart();
      note(`PostgreSQL back after ${Date.now() - began} ms`);
    } else {
      const victim = suite.services.get(event.target)!;
      await victim.kill('SIGKILL');
      note(`SIGKILL ${event.target} (pid ${victim.pid})`);
      const attempts = await restart(event.target);
      note(`${event.target} healthy again after ${Date.now() - began} ms${attempts > 1 ? ` (${attempts} attempts)` : ''}`);
    }
    interval.to = Date.now();
  }

  /** APPENDs on one connection, reconnecting if the session breaks. */
  class Appender {
    private client: ImapFlow | null = null;
    /** APPENDs repeated after an error: the first may have been stored anyway (a duplicate copy). */
    retries = 0;

    async append(raw: Buffer): Promise<void> {
      for (let attempt = 1; ; attempt++) {
        try {
          this.client ??= await suite.imap();
          await this.client.append('INBOX', raw);
          return;
        } catch (error) {
          await this.close();
          if (attempt >= 5) throw error;
          this.retries++;
          await sleep(200 * attempt);
        }
      }
    }

    async close(): Promise<void> {
      const client = this.client;
      this.client = null;
      await client?.logout().catch(() => client.close());
    }
  }

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
              const run = (chains.get(event.target) ?? Promise.resolve()).then(() => inflict(event));
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

    const appender = new Appender();
    const failures: string[] = [];
    try {
      const batches = Math.ceil(APPEND_MS / BATCH_EVERY_MS);
      const perBatch = Math.ceil(TOTAL / batches);
      for (let batch = 0; appended < TOTAL; batch++) {
        const due = startedAt + batch * BATCH_EVERY_MS;
        if (due > Date.now()) await sleep(due - Date.now());
        for (const message of messages.slice(appended, appended + perBatch)) {
          await appender.append(message.raw);
          for (const target of Object.keys(appendedWhileDown) as ChaosTarget[]) if (isDown(target, Date.now())) appendedWhileDown[target] = (appendedWhileDown[target] ?? 0) + 1;
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

    // 1. Exactly one article per message, by Message-ID and by content hash; no raw message twice.
    const articles = await sql<{ message_id: string | null; sha256: string; status: string }>(`
      SELECT a.message_id, r.sha256, r.status FROM article a JOIN raw_message r ON r.id = a.raw_message_id WHERE a.direction = 'inbound'`);
    const byMessageId = countBy(articles.map((a) => a.message_id ?? '(none)'));
    const byHash = countBy(articles.map((a) => a.sha256));
    const expectedIds = new Set(messages.map((m) => m.messageId));
    const expectedHashes = new Set(messages.map((m) => m.sha256));
    const duplicateIds = [...byMessageId].filter(([, n]) => n > 1);
    const duplicateHashes = [...byHash].filter(([, n]) => n > 1);
    const missingIds = [...expectedIds].filter((id) => !byMessageId.has(id));
    const missingHashes = [...expectedHashes].filter((h) => !byHash.has(h));
    const strangers = [...byMessageId.keys()].filter((id) => !expectedIds.has(id));
    const rawRows = await sql<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM raw_message GROUP BY status`);

    // 2. No stakeholder got two different acknowledgements for one mail.
    const acks = suite.smtp.messages.filter(isAcknowledgement);
    const ackGroups = new Map<string, Set<string>>();
    const ticketsPerRecipient = new Map<string, Set<string>>();
    for (const ack of acks) {
      const recipient = ack.envelopeTo.join(',').toLowerCase();
      const tag = /\[#([^\]]+)\]/.exec(ack.subject)?.[1] ?? '(no tag)';
      const key = `${recipient} ${tag}`;
      ackGroups.set(key, (ackGroups.get(key) ?? new Set()).add(ack.messageId ?? '(none)'));
      ticketsPerRecipient.set(recipient, (ticketsPerRecipient.get(recipient) ?? new Set()).add(tag));
    }
    const conflictingAcks = [...ackGroups].filter(([, ids]) => ids.size > 1);
    const acknowledgedTwice = [...ticketsPerRecipient].filter(([, tags]) => tags.size > 1);
    const senders = new Set(messages.map((m) => m.from.toLowerCase()));
    const unacknowledged = [...senders].filter((s) => !ticketsPerRecipient.has(s));
    const resends = acks.length - ackGroups.size;
    const wrongThread = acks.filter((ack) => {
      const original = messages[Number(/^reporter-(\d+)\./.exec(ack.envelopeTo[0] ?? '')?.[1] ?? -1)];
      return !original || ack.headers.get('in-reply-to') !== `<${original.messageId}>`;
    });

    const reemitted = await sql<{ n: number }>(`SELECT (SELECT count(*) FROM outbox WHERE subject = 'casework.mail.received') - (SELECT count(*) FROM raw_message WHERE status <> 'duplicate') AS n`).catch(() => [{ n: -1 }]);
    const summary = [
      `seed ${seed}; ${((Date.now() - startedAt) / 1000).toFixed(0)} s from the first APPEND`,
      `timeline:\n  ${timeline.join('\n  ')}`,
      `appended while down: ${Object.entries(appendedWhileDown).map(([t, n]) => `${t} ${n}`).join(', ')}; APPENDs repeated after an error: ${appender.retries}`,
      `raw_message by status: ${rawRows.map((r) => `${r.status} ${r.n}`).join(', ')}; mail.received re-emitted by the reconciler: ${reemitted[0]?.n}`,
      `inbound articles ${articles.length}; duplicate Message-IDs ${duplicateIds.length}, duplicate hashes ${duplicateHashes.length}, missing Message-IDs ${missingIds.length}, missing hashes ${missingHashes.length}, unexpected ${strangers.length}`,
      `acknowledgements caught ${acks.length} (${resends} resent copies) for ${ticketsPerRecipient.size} stakeholders; conflicting Message-IDs ${conflictingAcks.length}, stakeholders acknowledged for two tickets ${acknowledgedTwice.length}, unacknowledged ${unacknowledged.length}, not threaded on the original ${wrongThread.length}`,
      `last counts ${JSON.stringify(last)}`,
    ].join('\n');
    console.log(summary);

    if (articles.length !== TOTAL) failures.push(`${articles.length} inbound articles, expected ${TOTAL}`);
    if (duplicateIds.length) failures.push(`duplicate articles by Message-ID: ${duplicateIds.slice(0, 5).map(([id, n]) => `${id} ×${n}`).join(', ')}`);
    if (duplicateHashes.length) failures.push(`duplicate articles by content hash: ${duplicateHashes.length}`);
    if (missingIds.length) failures.push(`missing Message-IDs: ${missingIds.slice(0, 5).join(', ')}${missingIds.length > 5 ? ' …' : ''}`);
    if (missingHashes.length) failures.push(`missing content hashes: ${missingHashes.length}`);
    if (strangers.length) failures.push(`articles for Message-IDs never sent: ${strangers.slice(0, 5).join(', ')}`);
    // Each message is one raw row, routed; a repeated APPEND may add a copy, recorded as a duplicate.
    const rawOf = (status: string) => rawRows.find((r) => r.status === status)?.n ?? 0;
    const unexpectedRaw = rawRows.filter((r) => !['ticketed', 'duplicate'].includes(r.status));
    if (rawOf('ticketed') !== TOTAL || unexpectedRaw.length > 0 || rawOf('duplicate') > appender.retries) {
      failures.push(`raw_message rows: ${rawRows.map((r) => `${r.status} ${r.n}`).join(', ')} (expected ticketed ${TOTAL}, at most ${appender.retries} duplicates)`);
    }
    if (conflictingAcks.length) failures.push(`acknowledgements with different Message-IDs for one ticket: ${conflictingAcks.slice(0, 3).map(([k, ids]) => `${k}: ${[...ids].join(' ')}`).join('; ')}`);
    if (acknowledgedTwice.length) failures.push(`stakeholders acknowledged for two tickets: ${acknowledgedTwice.slice(0, 3).map(([r, t]) => `${r}: ${[...t].join(' ')}`).join('; ')}`);
    if (unacknowledged.length) failures.push(`stakeholders never acknowledged: ${unacknowledged.length}`);
    if (wrongThread.length) failures.push(`acknowledgements not in reply to the original: ${wrongThread.length}`);
    for (const [name, service] of suite.services) if (service.child.exitCode !== null || service.child.signalCode !== null) failures.push(`${name} is not running at the end`);

    if (failures.length) {
      throw new Error(`${failures.join('\n')}\n\n${summary}\n\nlast problems logged (full logs in ${logDir}):\n${problemLines(incarnations)}`);
    }
    passed = true;
  }, APPEND_MS + CONVERGE_MS + 600_000);
});

function isAcknowledgement(mail: CaughtMail): boolean {
  return mail.headers.get('auto-submitted') === 'auto-replied';
}

function acknowledgedRecipients(mails: CaughtMail[]): Set<string> {
  return new Set(mails.filter(isAcknowledgement).map((m) => m.envelopeTo.join(',').toLowerCase()));
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

/** The last warnings and errors of each service process (pino levels 40+), killed ones included. */
function problemLines(processes: ManagedProcess[]): string {
  return processes
    .map((p) => {
      const lines = p.recentOutput().split('\n').filter((l) => /"level":(40|50|60)/.test(l) || (l.trim() !== '' && !l.startsWith('{')));
      return lines.length ? `--- ${p.name} (pid ${p.pid})\n${lines.slice(-8).map((l) => l.slice(0, 400)).join('\n')}` : '';
    })
    .filter(Boolean)
    .join('\n');
}
