/**
 * `node dist/scripts/cli.js <command>`: operator commands.
 *
 *   export:verify <file.zip> [--public-key <PEM file | PEM | base64>]
 *       Checks a case export offline: every entry's SHA-256 against MANIFEST.sha256, every entry
 *       listed (and nothing unlisted), and manifest.sig against the public key you trust (the
 *       flag, else EXPORT_PUBLIC_KEY; `GET /api/v1/exports/public-key` gives it). Prints the
 *       key id; exits 0 when all holds, 1 naming each file at fault, 2 for a usage error.
 *
 *   mailbox:backfill <mailbox-id> [--timeout <seconds>]   (against DATABASE_URL)
 *       Follows the mailbox's catch-up (the backfill of a newly added mailbox, or a backlog)
 *       with a progress bar until nothing is left to store, then exits 0. Exits 1 with the
 *       reason when the mailbox is unknown or disabled, keeps failing (its last error), stays
 *       unheld (no ingest replica can watch it) or the timeout passes.
 *
 * The progress comes from mailbox_status, which the ingest replica holding the mailbox writes
 * every few seconds: this reads, it never talks to IMAP itself.
 *
 *   retention:purge [--dry-run]
 *       Runs retention's purge now (what the notification service does daily): every ticket
 *       closed longer than its queue's retentionDays and under no legal hold becomes a tombstone,
 *       in batches, progress on stderr as JSON lines, the totals on stdout. With --dry-run it
 *       changes nothing and prints what would go: per queue (due, held) and each due ticket.
 */
import { existsSync, readFileSync } from 'node:fs';
import { BaseSettings, keyIdOf, loadConfigOrExit, parseExportPublicKey } from '@casework/config';
import { createDataSource, ManagedMailboxRepository, RetentionPurge, type MailboxStatusRecord } from '@casework/database';
import { verifyExportArchive } from './lib/export-archive-reader.js';

const USAGE = [
  'usage: node dist/scripts/cli.js mailbox:backfill <mailbox-id> [--timeout <seconds>]',
  '       node dist/scripts/cli.js export:verify <file.zip> [--public-key <PEM file | PEM | base64>]   (or EXPORT_PUBLIC_KEY)',
  '       node dist/scripts/cli.js retention:purge [--dry-run]',
].join('\n');
const POLL_MS = 500;
/** Non-TTY output: one progress line this often. */
const LINE_EVERY_MS = 3000;
/** A mailbox nobody holds this long is reported as a failure. */
const UNHELD_GRACE_MS = 30_000;
/** A watcher failing this long (it retries with backoff meanwhile) is reported as a failure. */
const ERROR_GRACE_MS = 15_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'mailbox:backfill') return backfill(rest);
  if (command === 'export:verify') return verifyExportCommand(rest);
  if (command === 'retention:purge') return retentionPurge(rest);
  if (command === undefined || command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  throw new CliError(`unknown command ${JSON.stringify(command)}\n${USAGE}`, 2);
}

async function verifyExportCommand(args: string[]): Promise<void> {
  let file: string | undefined;
  let keyText = process.env.EXPORT_PUBLIC_KEY;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--public-key') keyText = args[++i];
    else if (file === undefined && !args[i].startsWith('-')) file = args[i];
    else throw new CliError(`unexpected argument ${JSON.stringify(args[i])}\n${USAGE}`, 2);
  }
  if (!file) throw new CliError(`export:verify needs a zip file\n${USAGE}`, 2);
  if (!keyText) throw new CliError('export:verify needs the public key you trust: --public-key <PEM file | PEM | base64> or EXPORT_PUBLIC_KEY (GET /api/v1/exports/public-key gives it)', 2);
  const publicKey = parseExportPublicKey(!keyText.includes('-----BEGIN') && existsSync(keyText) ? readFileSync(keyText, 'utf8') : keyText);
  if (!publicKey) throw new CliError('the public key is neither an Ed25519 SPKI PEM nor the base64 of its 32 bytes', 2);
  process.stdout.write(`key ${keyIdOf(publicKey)} (Ed25519)\n`);
  const verdict = await verifyExportArchive(file, publicKey);
  if (!verdict.ok) throw new CliError(`${file}: NOT verified\n${verdict.problems.map((problem) => `  ${problem}`).join('\n')}`);
  process.stdout.write(`${file}: OK, ${verdict.checked} files match MANIFEST.sha256 and its signature holds\n`);
}

function parseBackfillArgs(args: string[]): { id: string; timeoutMs: number | null } {
  let id: string | undefined;
  let timeoutMs: number | null = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--timeout') {
      const seconds = Number(args[++i]);
      if (!Number.isFinite(seconds) || seconds <= 0) throw new CliError(`--timeout needs a number of seconds\n${USAGE}`, 2);
      timeoutMs = seconds * 1000;
    } else if (id === undefined && !args[i].startsWith('-')) id = args[i];
    else throw new CliError(`unexpected argument ${JSON.stringify(args[i])}\n${USAGE}`, 2);
  }
  if (!id) throw new CliError(`mailbox:backfill needs a mailbox id\n${USAGE}`, 2);
  return { id, timeoutMs };
}

async function backfill(args: string[]): Promise<void> {
  const { id, timeoutMs } = parseBackfillArgs(args);
  if (!UUID.test(id)) throw new CliError(`mailbox ${JSON.stringify(id.slice(0, 64))} not found`);
  await withDatabase((dataSource) => follow(id, timeoutMs, (mailboxId) => new ManagedMailboxRepository().readStatus(dataSource, mailboxId)));
}

async function retentionPurge(args: string[]): Promise<void> {
  const unexpected = args.find((arg) => arg !== '--dry-run');
  if (unexpected !== undefined) throw new CliError(`unexpected argument ${JSON.stringify(unexpected)}\n${USAGE}`, 2);
  const logger = { info: (obj: object, msg: string) => process.stderr.write(`${JSON.stringify({ msg, ...obj })}\n`) };
  await withDatabase(async (dataSource) => {
    const purge = new RetentionPurge(dataSource, logger);
    const result = args.includes('--dry-run') ? await purge.forecast(new Date()) : await purge.purgeDue(new Date());
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  });
}

/** Runs `work` on a one-connection pool of DATABASE_URL. */
async function withDatabase(work: (dataSource: ReturnType<typeof createDataSource>) => Promise<void>): Promise<void> {
  const settings = loadConfigOrExit('cli', BaseSettings);
  const dataSource = createDataSource({ url: settings.DATABASE_URL, poolSize: 1, applicationName: 'casework-cli' });
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new CliError(`cannot reach PostgreSQL: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    await work(dataSource);
  } finally {
    await dataSource.destroy().catch(() => undefined);
  }
}

/** Polls the status and draws the bar until the lag is 0 (resolves) or something is wrong (throws). */
async function follow(id: string, timeoutMs: number | null, read: (id: string) => Promise<MailboxStatusRecord | null>): Promise<void> {
  const display = new ProgressDisplay(process.stdout.isTTY === true);
  const startedAt = Date.now();
  let unheldSince: number | null = null;
  let errorSince: number | null = null;
  for (;;) {
    const status = await read(id);
    if (!status) throw new CliError(`mailbox ${id} not found`);
    const now = Date.now();
    if (status.state === 'disabled') throw new CliError(`mailbox ${id} is disabled: enable it (PATCH /mailboxes/${id} {"enabled":true}) to backfill it`);
    unheldSince = status.state === 'unheld' ? (unheldSince ?? now) : null;
    errorSince = status.state === 'error' ? (errorSince ?? now) : null;
    if (unheldSince !== null && now - unheldSince >= UNHELD_GRACE_MS) {
      display.finish();
      const why = status.lastError ? ` (last error: ${status.lastError})` : '';
      throw new CliError(`no ingest replica holds mailbox ${id} after ${UNHELD_GRACE_MS / 1000} s: is ingest running, with MAILBOX_SECRET_KEY?${why}`);
    }
    if (errorSince !== null && now - errorSince >= ERROR_GRACE_MS) {
      display.finish();
      throw new CliError(`mailbox ${id} is failing: ${status.lastError ?? 'unknown error'}`);
    }
    if (status.state === 'idle' && status.lagMessages === 0) {
      display.done(status);
      return;
    }
    display.update(status);
    if (timeoutMs !== null && now - startedAt >= timeoutMs) {
      display.finish();
      throw new CliError(`timed out after ${timeoutMs / 1000} s with ${status.lagMessages ?? 'an unknown number of'} message(s) left`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** A \r-updated bar on a terminal; a line every few seconds otherwise (logs, CI). */
class ProgressDisplay {
  private total = 0;
  private firstSample: { at: number; done: number } | null = null;
  private lastLineAt = 0;
  private lastState = '';
  private drawn = false;

  constructor(private readonly tty: boolean) {}

  update(status: MailboxStatusRecord): void {
    const line = this.describe(status);
    if (this.tty) {
      process.stdout.write(`\r${line}\u001b[K`);
      this.drawn = true;
      return;
    }
    const now = Date.now();
    if (status.state === this.lastState && now - this.lastLineAt < LINE_EVERY_MS) return;
    this.lastState = status.state;
    this.lastLineAt = now;
    process.stdout.write(`${line}\n`);
  }

  done(status: MailboxStatusRecord): void {
    if (this.total > 0) this.update({ ...status, state: 'catching-up', lagMessages: 0 });
    this.finish();
    const lastUid = status.lastUid === null ? '' : `, last UID ${status.lastUid}`;
    process.stdout.write(`mailbox up to date: nothing left to store${lastUid} (held by ${status.holder ?? 'unknown'})\n`);
  }

  finish(): void {
    if (this.tty && this.drawn) process.stdout.write('\n');
    this.drawn = false;
  }

  private describe(status: MailboxStatusRecord): string {
    if (status.state !== 'catching-up' || status.lagMessages === null) {
      const error = status.state === 'error' && status.lastError ? `: ${status.lastError}` : '';
      return `${status.state}${status.holder ? ` (held by ${status.holder})` : ''}${error}, waiting…`;
    }
    this.total = Math.max(this.total, status.catchUpTotal ?? 0, status.lagMessages);
    const done = this.total - status.lagMessages;
    const now = Date.now();
    this.firstSample ??= { at: now, done };
    const seconds = (now - this.firstSample.at) / 1000;
    const rate = seconds > 0.5 ? (done - this.firstSample.done) / seconds : 0;
    const eta = rate > 0 ? `ETA ${formatSeconds(status.lagMessages / rate)}` : 'ETA …';
    const width = 30;
    const filled = this.total > 0 ? Math.round((done / this.total) * width) : 0;
    const percent = this.total > 0 ? Math.floor((done / this.total) * 100) : 0;
    return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${done}/${this.total} stored, ${status.lagMessages} left, ${rate.toFixed(1)} msg/s, ${eta}`;
  }
}

function formatSeconds(seconds: number): string {
  const s = Math.ceil(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof CliError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`casework cli: ${message}\n`);
  process.exitCode = error instanceof CliError ? error.exitCode : 1;
}
