import type { SeedSettings } from '@casework/config';
import { createDataSource, runMigrations, seedDefaults } from '@casework/database';
import { databaseExists, databaseUrl, ensureDatabase, redactUrl } from '@casework/devkit';

/** A failure worth one clear line, without a stack trace. */
export class ScriptError extends Error {
  override name = 'ScriptError';
}

export type Report = (line: string) => void;

/** The database named in a postgres:// URL (its path). */
export function databaseName(url: string): string {
  let name: string;
  try {
    name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  } catch {
    throw new ScriptError('DATABASE_URL is not a valid URL');
  }
  if (name === '' || name.includes('/')) {
    throw new ScriptError(`DATABASE_URL must name a database, like postgres://user@host:5432/casework (got ${redactUrl(url)})`);
  }
  return name;
}

/**
 * Creates the database of `url` unless it exists, by connecting to the same server's `postgres`
 * database with the same credentials. Returns whether it was created.
 */
export async function ensureDatabaseFor(url: string): Promise<boolean> {
  const name = databaseName(url);
  if (name === 'postgres') return false;
  const adminUrl = databaseUrl(url, 'postgres');
  try {
    if (await databaseExists(adminUrl, name)) return false;
    await ensureDatabase(adminUrl, name);
    return true;
  } catch (error) {
    throw explainConnectionError(error, url);
  }
}

/** Ensures the database exists and applies pending migrations; returns the applied names. */
export async function migrate(url: string, report: Report): Promise<string[]> {
  const name = databaseName(url);
  if (await ensureDatabaseFor(url)) report(`created database ${name} on ${serverOf(url)}`);
  let applied: string[];
  try {
    applied = await runMigrations(url);
  } catch (error) {
    throw explainConnectionError(error, url);
  }
  if (applied.length === 0) report(`database ${name} is up to date (no pending migrations)`);
  else report(`applied ${applied.length} migration(s) to ${name}: ${applied.join(', ')}`);
  return applied;
}

/** The idempotent defaults: default queue, templates, SLA policy. */
export async function seed(settings: SeedSettings, report: Report): Promise<void> {
  const dataSource = createDataSource({ url: settings.DATABASE_URL, poolSize: 2, applicationName: 'casework-seed' });
  try {
    await dataSource.initialize();
  } catch (error) {
    throw explainConnectionError(error, settings.DATABASE_URL);
  }
  try {
    await seedDefaults(dataSource, { queueAddress: settings.MAIL_FROM, firstResponseMinutes: settings.SLA_FIRST_RESPONSE_MINUTES });
  } finally {
    await dataSource.destroy().catch(() => undefined);
  }
  report(
    `seeded defaults: queue "safety" <${settings.MAIL_FROM}> (unless a default queue existed), ` +
      `acknowledgement, sla-warning and sla-breach templates, first-response SLA ${settings.SLA_FIRST_RESPONSE_MINUTES} min`,
  );
}

/** host:port of a postgres URL, for messages. */
export function serverOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`;
  } catch {
    return '<unparseable url>';
  }
}

// Network-level failures mean "no server there"; anything else (auth, permissions) is shown as-is.
const UNREACHABLE = /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|EAI_AGAIN|timeout expired|not reachable/i;

function explainConnectionError(error: unknown, url: string): Error {
  if (error instanceof ScriptError) return error;
  const text = describe(error);
  if (UNREACHABLE.test(text)) {
    return new ScriptError(
      `PostgreSQL is not reachable at ${redactUrl(url)} (${rootCause(error)}). ` +
        'Start it, point DATABASE_URL at a running server, or use `npm start`, which starts a private one.',
    );
  }
  return new ScriptError(`PostgreSQL at ${redactUrl(url)}: ${text}`);
}

function describe(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e !== undefined && parts.length < 4; e = e instanceof Error ? e.cause : undefined) {
    if (e instanceof AggregateError) parts.push(...e.errors.map((inner: unknown) => (inner instanceof Error ? inner.message : String(inner))));
    parts.push(e instanceof Error ? e.message : String(e));
  }
  return parts.filter((p) => p !== '').join(': ') || 'unknown error';
}

function rootCause(error: unknown): string {
  let e: unknown = error;
  while (e instanceof Error && e.cause !== undefined) e = e.cause;
  if (e instanceof AggregateError && e.errors.length > 0) e = e.errors[0];
  if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string') return e.code;
  return e instanceof Error ? e.message : String(e);
}

/** For a script's main: prints `casework <script>: <message>` and sets exit code 1. */
export function reportFailure(script: string, error: unknown): void {
  const message = error instanceof ScriptError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`casework ${script}: ${message}\n`);
  process.exitCode = 1;
}
