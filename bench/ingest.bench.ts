/**
 * bench:ingest — how fast the whole suite drains a mailbox that already holds a backlog.
 *
 * N messages (80 % plain, 20 % HTML; copies of suitable corpus messages from CORPUS_DIR,
 * default ../shared/corpus, each with a Message-ID of its own, else synthesized) are APPENDed
 * to the folder Backlog of a private Dovecot, and W warm-up messages drawn the same way to its
 * INBOX. Then, on a private PostgreSQL cluster:
 *
 *   ceiling  a minimal pipeline over the backlog: imapflow fetch → mailparser parse → one
 *            INSERT per message into a scratch table, one message at a time (after one pass
 *            over the warm-up messages, so its JIT is as warm as the suite's);
 *   warm-up  the whole suite starts with INBOX as its bootstrap mailbox and drains the warm-up
 *            messages (a cold start: its rate is printed, not compared);
 *   suite    the backlog is added as a mailbox through POST /api/v1/mailboxes, as a team adds a
 *            mailbox with existing mail; the drain runs until every raw_message of it is
 *            ticketed, quarantined or a duplicate.
 *
 * Both sides are compared warm: a suite runs for months, and the first seconds of a process
 * spend a fifth of the machine's CPU compiling (V8's optimizing compiler, measured with perf).
 *
 * Targets (ingest issue): ≥ 200 messages/s and ≥ 0.6 × the ceiling.
 * Options: --messages N (5000), --warmup W (1000; 0 measures a cold suite), --timeout S (drain
 * timeout, default 1800), --profile (samples
 * pg_stat_activity during the drain: where each service's time goes, by database state and
 * statement), --cpu-prof DIR (V8 CPU profiles of every service). BENCH_SEED replays the same
 * message mix.
 */
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { Subjects } from '@casework/contracts';
import { CaseworkSuite, SERVICE_NAMES } from '@casework/devkit';
import { benchMessages } from '../test/support/bench-mail.js';
import { SeededRandom, seedFromEnv } from '../test/support/seeded-random.js';
import { ActivitySampler } from './activity-sampler.js';
import { option } from './bench-options.js';
import { round, seconds } from './format.js';
import { ceiling } from './ingest-ceiling.js';
import { awaitDrained, awaitQuiet, preload } from './ingest-drain.js';
import { cpuDelta, cpuSecondsBy } from './process-cpu.js';
import { SmtpSink } from './smtp-sink.js';

const TARGET = { msgPerSec: 200, ratio: 0.6 };
const HTML_SHARE = 0.2;
const BACKLOG_FOLDER = 'Backlog';

const rate = (run: { count: number; ms: number }) => run.count / (run.ms / 1000);
/** The machine's load average: on a shared machine the figures move with it. */
const load = () => `(load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs)`;

/** Which part of the suite a process is, for the CPU tally. */
function processGroups(databaseName: string): (commandLine: string) => string | null {
  return (commandLine) => {
    const app = /dist\/apps\/([a-z-]+)\//.exec(commandLine);
    if (app) return app[1];
    if (commandLine.startsWith('postgres:') && commandLine.includes(databaseName)) return 'postgres';
    if (commandLine.includes('dovecot')) return 'dovecot';
    if (commandLine.includes('nats-server')) return 'nats';
    if (commandLine.includes('ingest.bench')) return 'bench (SMTP sink)';
    return null;
  };
}

async function main(): Promise<void> {
  const total = Math.floor(option('messages', 5000));
  const warmupCount = Math.floor(option('warmup', 1000, { zero: true }));
  const timeoutMs = option('timeout', 1800) * 1000;
  const profile = process.argv.includes('--profile');
  const seed = seedFromEnv('BENCH_SEED');
  const runId = `b${Date.now().toString(36)}`;
  console.log(`bench:ingest — ${total} messages after ${warmupCount} warm-up messages, seed ${seed} (BENCH_SEED=${seed} replays the mix)`);

  const random = new SeededRandom(seed);
  const { messages, source } = await benchMessages(total, { random, runId, htmlShare: HTML_SHARE });
  const warmup = warmupCount > 0 ? (await benchMessages(warmupCount, { random, runId: `${runId}w`, htmlShare: HTML_SHARE })).messages : [];
  const bytes = messages.reduce((sum, m) => sum + m.raw.length, 0);
  console.log(`  messages: ${source}; ${round(bytes / total / 1024)} KB on average`);

  // --cpu-prof DIR: every service writes a V8 CPU profile there when it stops (for Chrome DevTools).
  const cpuProfileAt = process.argv.indexOf('--cpu-prof');
  const profileFlags: Record<string, string> = cpuProfileAt >= 0 ? { CASEWORK_NODE_FLAGS: `--cpu-prof --cpu-prof-dir=${process.argv[cpuProfileAt + 1]}` } : {};
  // Acknowledgements go to a sink that only counts them: the far end's work is not the suite's.
  const sink = await SmtpSink.start();
  const env = { ...profileFlags, SMTP_HOST: sink.host, SMTP_PORT: String(sink.port) };
  const suite = await CaseworkSuite.start({ logLevel: 'warn', privatePostgres: true, services: [], env, parseCaughtMail: false });
  const db = new pg.Client({ connectionString: suite.database.url });
  await db.connect();
  let exitCode = 1;
  try {
    let started = Date.now();
    const admin = await suite.imap();
    await admin.mailboxCreate(BACKLOG_FOLDER);
    await admin.logout();
    const appended = await preload(suite, BACKLOG_FOLDER, messages.map((m) => m.raw));
    const warmupAppended = await preload(suite, 'INBOX', warmup.map((m) => m.raw));
    console.log(`  preloaded ${appended} messages into ${BACKLOG_FOLDER} and ${warmupAppended} warm-up messages into INBOX in ${seconds(Date.now() - started)}`);

    if (warmupAppended > 0) await ceiling(suite, db, 'INBOX');
    const before = await ceiling(suite, db, BACKLOG_FOLDER);
    console.log(`  ceiling (fetch + parse + INSERT, one at a time): ${before.count} in ${seconds(before.ms)} = ${round(rate(before))} messages/s ${load()}`);

    const deadline = Date.now() + timeoutMs;
    await Promise.all(SERVICE_NAMES.map((name) => suite.startService(name)));
    if (warmupAppended > 0) {
      started = Date.now();
      const { rows } = await db.query<{ id: string }>(`SELECT id FROM mailbox WHERE folder = 'INBOX'`);
      const warm = await awaitDrained(suite, db, rows[0].id, warmupAppended, deadline, started);
      await awaitQuiet(db, deadline);
      console.log(`  warm-up: the suite, cold, drained ${warm.done} messages from INBOX in ${seconds(Date.now() - started)} ${load()}`);
    }

    const samplerDb = new pg.Client({ connectionString: suite.database.url });
    if (profile) await samplerDb.connect();
    const sampler = profile ? new ActivitySampler(samplerDb, 25) : null;
    const byProcess = processGroups(suite.database.name);
    const cpuBefore = cpuSecondsBy(byProcess);
    started = Date.now();
    const added = await suite.api<{ id: string }>('/mailboxes', {
      method: 'POST',
      body: {
        address: 'backlog@casework.test',
        imapHost: suite.dovecot.host,
        imapPort: suite.dovecot.port,
        imapTls: false,
        imapUser: suite.dovecot.user,
        password: suite.dovecot.password,
        folder: BACKLOG_FOLDER,
      },
    });
    if (added.status !== 201) throw new Error(`adding the backlog mailbox failed: ${added.status} ${JSON.stringify(added.body)}`);
    const counts = await awaitDrained(suite, db, added.body.id, appended, deadline, started);
    const wallMs = Date.now() - started;
    const cpuUsed = cpuDelta(cpuBefore, cpuSecondsBy(byProcess));
    const drained = counts.total >= appended && counts.done >= appended;
    await sampler?.stop();
    if (profile) await samplerDb.end();

    // Database clock: from the first stored raw message of the backlog to the last routed one.
    const { rows } = await db.query<{ first_stored: number; last_stored: number; last_routed: number; tickets: number; received_events: number }>(
      `SELECT extract(epoch FROM min(received_at)) * 1000 AS first_stored,
              extract(epoch FROM max(received_at)) * 1000 AS last_stored,
              extract(epoch FROM max(processed_at)) * 1000 AS last_routed,
              (SELECT count(DISTINCT a.ticket_id)::int FROM article a JOIN raw_message r ON r.id = a.raw_message_id WHERE r.mailbox_id = $2) AS tickets,
              (SELECT count(*)::int FROM outbox o JOIN raw_message r ON r.id = (o.envelope->'data'->>'rawMessageId')::uuid
                WHERE o.subject = $1 AND r.mailbox_id = $2) AS received_events
         FROM raw_message WHERE mailbox_id = $2`,
      [Subjects.MailReceived, added.body.id],
    );
    const window = rows[0];
    const drainMs = Number(window.last_routed) - Number(window.first_stored);
    const storeMs = Number(window.last_stored) - Number(window.first_stored);
    const msgPerSec = counts.done / (drainMs / 1000);
    console.log(`  drained ${load()}`);

    // The machine is shared: the ceiling is measured again after the drain, with the services
    // stopped as they were for the first measurement (template-reply may still be sending), and
    // the two are averaged.
    await Promise.all([...suite.services.values()].map((service) => service.kill()));
    const after = await ceiling(suite, db, BACKLOG_FOLDER);
    console.log(`  ceiling again after the drain: ${after.count} in ${seconds(after.ms)} = ${round(rate(after))} messages/s ${load()}`);
    const ceilingMsgPerSec = (rate(before) + rate(after)) / 2;
    const ratio = msgPerSec / ceilingMsgPerSec;

    console.log('');
    console.log(`Drain of ${appended} preloaded messages by the whole suite${drained ? '' : ` — NOT DRAINED within ${seconds(timeoutMs)}`}`);
    console.log(`  ${counts.ticketed} ticketed, ${counts.quarantined} quarantined, ${counts.duplicates} duplicates; ${window.tickets} tickets`);
    console.log(`  ingest stored all in ${seconds(storeMs)} (${round(counts.total / (storeMs / 1000))} messages/s)`);
    console.log(`  routing finished ${seconds(Number(window.last_routed) - Number(window.last_stored))} after the last store`);
    console.log(`  wall clock from adding the mailbox: ${seconds(wallMs)} (its first message stored after ${seconds(Number(window.first_stored) - started)})`);
    console.log(`  mail.received events: ${window.received_events} for ${counts.total} raw messages (${window.received_events - counts.total + counts.duplicates} re-emitted by the reconciler)`);
    console.log(`  acknowledgements the SMTP sink had received by then: ${sink.received} (including the warm-up's)`);
    console.log(`  CPU seconds during the drain: ${cpuUsed.map(([group, s]) => `${group} ${round(s)}`).join(', ')}`);
    if (sampler) console.log(`  where the time went (pg_stat_activity every 25 ms during the drain):\n${sampler.report()}`);
    console.log(`  throughput ${round(msgPerSec)} messages/s (target ≥ ${TARGET.msgPerSec}) ${msgPerSec >= TARGET.msgPerSec ? 'OK' : 'BELOW TARGET'}`);
    console.log(`  ceiling ${round(ceilingMsgPerSec)} messages/s (mean of ${round(rate(before))} before and ${round(rate(after))} after); ratio ${round(ratio, 2)} (target ≥ ${TARGET.ratio}) ${ratio >= TARGET.ratio ? 'OK' : 'BELOW TARGET'}`);
    console.log(
      JSON.stringify({
        bench: 'ingest',
        messages: appended,
        warmup: warmupAppended,
        msgPerSec: Math.round(msgPerSec),
        ceilingMsgPerSec: Math.round(ceilingMsgPerSec),
        ratio: round(ratio, 2),
        drained,
        seed,
      }),
    );
    exitCode = drained ? 0 : 1;
  } finally {
    await db.end().catch(() => undefined);
    await suite.stop();
    await sink.stop();
  }
  process.exitCode = exitCode;
}

await main();
