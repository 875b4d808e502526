/**
 * bench:e2e — APPEND → ticket visible in the API, on the whole suite with private real
 * servers. Options: --messages N (500), --rate R messages/s (5), --rules N (0: routing with N
 * rules of bench:routing's kind loaded through the API, so every mail is evaluated against them;
 * triage always runs). Ceilings (ingest issue): p50 ≤ 600 ms, p99 ≤ 800 ms. For scale, the same
 * run first times the IMAP server alone: APPEND on one connection → EXISTS on another in IDLE
 * (Dovecot holds IDLE notifications for about half a second to combine changes).
 */
import type { ImapFlow } from 'imapflow';
import { CaseworkSuite } from '@casework/devkit';
import { option, percentile } from './bench-options.js';
import { BENCH_QUEUE_SLUGS, benchRules } from './routing-rules.js';

/** APPEND → EXISTS in IDLE on a folder of its own, `probes` times: what the server adds before ingest can know. */
async function idleNotificationMs(suite: CaseworkSuite, probes: number): Promise<number[]> {
  const watcher: ImapFlow = await suite.imap();
  const writer: ImapFlow = await suite.imap();
  const folder = 'BenchIdleProbe';
  const latencies: number[] = [];
  try {
    await writer.mailboxCreate(folder).catch(() => undefined);
    await watcher.mailboxOpen(folder);
    for (let i = 0; i < probes; i++) {
      const exists = new Promise<void>((resolve) => watcher.once('exists', () => resolve()));
      const idling = watcher.idle().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 50));
      const start = Date.now();
      await writer.append(folder, `Subject: idle probe ${i}\r\n\r\nprobe\r\n`);
      await exists;
      latencies.push(Date.now() - start);
      await watcher.noop();
      await idling;
    }
  } finally {
    await watcher.logout().catch(() => undefined);
    await writer.logout().catch(() => undefined);
  }
  return latencies.sort((a, b) => a - b);
}

/** N bench:routing rules through the API (their queues first), as an admin would set them up. */
async function loadRules(suite: CaseworkSuite, count: number): Promise<void> {
  for (const slug of BENCH_QUEUE_SLUGS) {
    if (slug === 'safety') continue;
    const { status } = await suite.api('/queues', { method: 'POST', body: { slug, name: slug, address: `${slug}@casework.test` } });
    if (status !== 201 && status !== 409) throw new Error(`creating queue ${slug} answered ${status}`);
  }
  for (const rule of benchRules(count)) {
    const { status, body } = await suite.api('/rules', { method: 'POST', body: { name: rule.name, position: rule.position, enabled: rule.enabled, when: rule.when, then: rule.then } });
    if (status !== 201) throw new Error(`creating ${rule.name} answered ${status}: ${JSON.stringify(body)}`);
  }
}

const CEILING = { p50Ms: 600, p99Ms: 800 };

async function main(): Promise<void> {
  const total = option('messages', 500);
  const rate = option('rate', 5);
  const ruleCount = option('rules', 0, { integer: true, zero: true });
  // The poller asks every 10 ms, far above the per-token limit a person is held to (1,200 a minute).
  const suite = await CaseworkSuite.start({ logLevel: 'warn', env: { RATE_LIMIT_PER_TOKEN_PER_MINUTE: '0' } });
  if (ruleCount > 0) await loadRules(suite, ruleCount);
  const idle = await idleNotificationMs(suite, 20);
  const run = Date.now().toString(36);
  const appendedAt = new Map<string, number>();
  const visibleAt = new Map<string, number>();
  let polling = true;

  // Watches the API the way a specialist's inbox would: newest tickets first.
  const poller = (async () => {
    while (polling) {
      const { status, body } = await suite.api<{ items: { subject: string }[] }>('/tickets?limit=100');
      if (status !== 200) throw new Error(`the poller's GET /tickets answered ${status}: ${JSON.stringify(body).slice(0, 200)}`);
      const now = Date.now();
      for (const ticket of body.items) if (!visibleAt.has(ticket.subject)) visibleAt.set(ticket.subject, now);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();

  const client = await suite.imap();
  const started = Date.now();
  try {
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / rate;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      const subject = `bench ${run} #${i}`;
      const raw = `From: Bench <bench${i}@example.org>\r\nTo: safety@casework.test\r\nSubject: ${subject}\r\nMessage-ID: <${run}.${i}@bench.example.org>\r\nDate: ${new Date().toUTCString()}\r\n\r\nMessage ${i}\r\n`;
      await client.append('INBOX', raw);
      appendedAt.set(subject, Date.now());
    }
    const deadline = Date.now() + 120_000;
    while ([...appendedAt.keys()].some((s) => !visibleAt.has(s)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  } finally {
    polling = false;
    await poller.catch(() => undefined);
    await client.logout().catch(() => undefined);
  }

  const latencies = [...appendedAt].filter(([s]) => visibleAt.has(s)).map(([s, at]) => visibleAt.get(s)! - at).sort((a, b) => a - b);
  const missing = total - latencies.length;
  const lastVisible = Math.max(...visibleAt.values());
  const result = {
    bench: 'e2e',
    messages: total,
    ratePerSec: rate,
    missing,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies[latencies.length - 1],
    msgPerSec: Math.round((latencies.length / ((lastVisible - started) / 1000)) * 100) / 100,
    ceilingP50Ms: CEILING.p50Ms,
    ceilingP99Ms: CEILING.p99Ms,
    rules: ruleCount,
    imapIdleNotifyP50Ms: percentile(idle, 50),
  };
  await suite.stop();
  console.log(`APPEND → ticket visible in the API, ${total} messages at ${rate}/s, ${ruleCount} rules`);
  console.log(`  the IMAP server alone (APPEND → EXISTS in IDLE, 20 probes): p50 ${result.imapIdleNotifyP50Ms} ms, max ${idle[idle.length - 1]} ms`);
  console.log(`  p50 ${result.p50Ms} ms (ceiling ${CEILING.p50Ms})  p95 ${result.p95Ms} ms  p99 ${result.p99Ms} ms (ceiling ${CEILING.p99Ms})  max ${result.maxMs} ms`);
  console.log(`  sustained ${result.msgPerSec} messages/s; ${missing} not visible within 120 s`);
  console.log(JSON.stringify(result));
  process.exitCode = missing > 0 ? 1 : 0;
}

await main();
