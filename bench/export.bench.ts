/**
 * bench:export — a case of 500 inbound mails carrying 200 MB of attachments (100 × 2 MB of random,
 * incompressible bytes, on the first 100 mails) exported through the built api and verified with
 * the CLI's export:verify, as an operator would. Filled in SQL (test/support/seed-case.ts).
 *
 * Reported: the time to download the zip (built while it streams) and to verify it; the api's
 * peak RSS (VmHWM, the kernel's high-water mark) and the verifier's (sampled), each beside the
 * same figure for a one-mail case exported and verified first in the same run. The bound: the big
 * case may raise either peak by less than half the attachments' total, which an exporter or a
 * verifier that held the files (or the zip) whole could not stay under. Options: --messages N (500), --attachment-mb N (200). Ends with one JSON line.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDataSource, runMigrations, seedDefaults } from '@casework/database';
import { createDatabase, freePort, startNats, startService, waitForHealthy } from '@casework/devkit';
import { seedCase, type SeedMail } from '../test/support/seed-case.js';
import { option } from './bench-options.js';
import { round } from './format.js';

const TOKEN = 'bench-export-token-0123456789';
const KEY = randomBytes(32).toString('base64');
const ATTACHMENT_BYTES = 2 * 1024 * 1024;

/** A process's memory from /proc in MB: `VmHWM` is the peak RSS of its whole life, `VmRSS` now. */
async function memoryMb(pid: number, field: 'VmHWM' | 'VmRSS'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
}

function mail(i: number, attachment: Buffer | null): SeedMail {
  const body = `Report ${i}: ${'the account keeps sending me threats. '.repeat(60)}\r\n`;
  const raw = Buffer.from(`From: Reporter <reporter@example.org>\r\nTo: safety@casework.test\r\nSubject: Report ${i}\r\nMessage-ID: <bench-${i}@reporter.example>\r\n\r\n${body}`);
  return { raw, attachments: attachment ? [{ filename: `evidence-${i}.bin`, content: attachment }] : [] };
}

/** Runs the CLI's export:verify, sampling its RSS every 20 ms; resolves with its exit code, output and peak. */
function verifyWithCli(zip: string, publicKey: string): Promise<{ code: number | null; out: string; peakMb: number }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve(process.cwd(), 'dist/scripts/cli.js'), 'export:verify', zip, '--public-key', publicKey]);
    let out = '';
    let peakMb = 0;
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk));
    const sampler = setInterval(
      () =>
        void memoryMb(child.pid!, 'VmHWM').then(
          (mb) => (peakMb = Number.isFinite(mb) ? Math.max(peakMb, mb) : peakMb),
          () => undefined,
        ),
      20,
    );
    child.on('exit', (code) => {
      clearInterval(sampler);
      done({ code, out, peakMb });
    });
  });
}

async function main(): Promise<void> {
  const messages = option('messages', 500, { integer: true });
  const attachmentMb = option('attachment-mb', 200, { integer: true });
  const attachments = Math.round((attachmentMb * 1024 * 1024) / ATTACHMENT_BYTES);
  const [db, nats] = await Promise.all([createDatabase({ adminUrl: process.env.TEST_DATABASE_ADMIN_URL }), startNats()]);
  const ds = createDataSource({ url: db.url, poolSize: 2, applicationName: 'casework-bench-export' });
  const dir = await mkdtemp(join(tmpdir(), 'casework-bench-export-'));
  let api: ReturnType<typeof startService> | undefined;
  try {
    await runMigrations(db.url);
    await ds.initialize();
    await seedDefaults(ds, { queueAddress: 'safety@casework.test', firstResponseMinutes: 60 });
    const t = Date.now();
    const mails = Array.from({ length: messages }, (_, i) => mail(i + 1, i < attachments ? randomBytes(ATTACHMENT_BYTES) : null));
    const seeded = await seedCase(ds, { subject: 'Bench case', mails });
    const baseline = await seedCase(ds, { subject: 'Baseline case', mails: [mail(0, randomBytes(ATTACHMENT_BYTES))] });
    mails.length = 0;
    const fillSeconds = (Date.now() - t) / 1000;
    console.log(`filled: ${messages} mails, ${attachments} attachments of ${ATTACHMENT_BYTES / 1024 / 1024} MB in ${round(fillSeconds, 1)} s`);

    const port = await freePort();
    api = startService('api', { DATABASE_URL: db.url, NATS_URL: nats.url, PORT: String(port), API_BOOTSTRAP_TOKEN: TOKEN, EXPORT_SIGNING_KEY: KEY, LOG_LEVEL: 'warn' });
    const base = `http://127.0.0.1:${port}/api/v1`;
    await waitForHealthy(api, `${base}/health`, 60_000);
    const headers = { authorization: `Bearer ${TOKEN}` };
    const { publicKey } = (await (await fetch(`${base}/exports/public-key`, { headers })).json()) as { publicKey: string };
    const apiPid = api.pid;
    /** One export downloaded to a file and verified by the CLI: times, the api's peak RSS after it, the CLI's peak. */
    const exportAndVerify = async (ticketId: string, name: string) => {
      const created = (await (await fetch(`${base}/tickets/${ticketId}/exports`, { method: 'POST', headers })).json()) as { id: string };
      let at = Date.now();
      const response = await fetch(`${base}/exports/${created.id}`, { headers });
      if (response.status !== 200 || !response.body) throw new Error(`download answered ${response.status}`);
      const zip = join(dir, name);
      await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), createWriteStream(zip));
      const exportSeconds = (Date.now() - at) / 1000;
      const apiPeakMb = await memoryMb(apiPid, 'VmHWM');
      at = Date.now();
      const verified = await verifyWithCli(zip, publicKey);
      return { exportSeconds, apiPeakMb, zipMb: (await stat(zip)).size / 1024 / 1024, verifySeconds: (Date.now() - at) / 1000, verified };
    };
    // The baseline of the same run: a one-mail case with one attachment, through the same api and CLI.
    const small = await exportAndVerify(baseline.ticketId, 'small.zip');
    const big = await exportAndVerify(seeded.ticketId, 'case.zip');
    const { exportSeconds, verifySeconds, zipMb, verified } = big;

    const growthBoundMb = attachmentMb / 2;
    const apiGrowthMb = big.apiPeakMb - small.apiPeakMb;
    const verifyGrowthMb = verified.peakMb - small.verified.peakMb;
    const ok = verified.code === 0 && small.verified.code === 0 && apiGrowthMb < growthBoundMb && verifyGrowthMb < growthBoundMb;
    console.log(`export: ${round(zipMb, 1)} MB zip streamed in ${round(exportSeconds, 2)} s (${round(zipMb / exportSeconds, 1)} MB/s)`);
    console.log(`  api peak RSS ${round(big.apiPeakMb, 1)} MB, ${round(apiGrowthMb, 1)} MB above its peak after the one-mail export (bound: < ${growthBoundMb} MB, half the ${attachmentMb} MB of attachments)`);
    console.log(`verify: ${round(verifySeconds, 2)} s, exit ${verified.code}, CLI peak RSS ${round(verified.peakMb, 1)} MB, ${round(verifyGrowthMb, 1)} MB above the one-mail verify's ${round(small.verified.peakMb, 1)} MB (bound: < ${growthBoundMb} MB)`);
    console.log(`  ${verified.out.trim().split('\n').join('\n  ')}`);
    console.log(
      JSON.stringify({
        bench: 'export',
        messages,
        attachments,
        attachmentMb,
        zipMb: round(zipMb, 1),
        exportSeconds: round(exportSeconds, 2),
        verifySeconds: round(verifySeconds, 2),
        apiPeakRssMb: round(big.apiPeakMb, 1),
        apiPeakRssBaselineMb: round(small.apiPeakMb, 1),
        apiGrowthMb: round(apiGrowthMb, 1),
        verifyPeakRssMb: round(verified.peakMb, 1),
        verifyPeakRssBaselineMb: round(small.verified.peakMb, 1),
        verifyGrowthMb: round(verifyGrowthMb, 1),
        growthBoundMb,
        verified: verified.code === 0,
        ok,
      }),
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    await api?.kill();
    await ds.destroy().catch(() => undefined);
    await nats.stop().catch(() => undefined);
    await db.drop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
