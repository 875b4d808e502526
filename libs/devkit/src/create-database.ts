import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

export interface TestDatabase {
  url: string;
  name: string;
  /** Disconnects everyone still using the database and drops it. */
  drop(): Promise<void>;
}

export interface CreateDatabaseOptions {
  adminUrl?: string;
  name?: string;
  template?: string;
}

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

// Network-level failures mean "no server there", as opposed to auth or SQL errors worth showing as-is.
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN', 'ENOENT', '57P03']);
// 55006: the template (or the dropped db) is still in use, typically by a pool that is just closing.
const OBJECT_IN_USE = '55006';
const DUPLICATE_DATABASE = '42P04';

/** Creates a fresh, uniquely named database (optionally cloned from a template) on an existing server. */
export async function createDatabase(opts: CreateDatabaseOptions = {}): Promise<TestDatabase> {
  const adminUrl = opts.adminUrl ?? DEFAULT_ADMIN_URL;
  const name = opts.name ?? `casework_test_${randomBytes(6).toString('hex')}`;
  const template = opts.template === undefined ? '' : ` TEMPLATE ${quoteIdent(opts.template)}`;
  await withAdmin(adminUrl, (client) => retryWhileInUse(() => client.query(`CREATE DATABASE ${quoteIdent(name)}${template}`)));
  return {
    url: databaseUrl(adminUrl, name),
    name,
    drop: () => dropDatabase(adminUrl, name),
  };
}

export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  return withAdmin(adminUrl, async (client) => {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return (result.rowCount ?? 0) > 0;
  });
}

/** How many sessions are connected to the database `name` (a template must have none to be cloned). */
export async function sessionCount(adminUrl: string, name: string): Promise<number> {
  return withAdmin(adminUrl, async (client) => {
    const result = await client.query<{ sessions: number }>('SELECT count(*)::int AS sessions FROM pg_stat_activity WHERE datname = $1', [name]);
    return result.rows[0]?.sessions ?? 0;
  });
}

/** Creates the database unless it exists; safe when several processes race to create it. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, async (client) => {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if ((result.rowCount ?? 0) > 0) return;
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    } catch (error) {
      if (errorCode(error) !== DUPLICATE_DATABASE) throw error;
    }
  });
}

/** The admin URL with its database path replaced by `name`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

/** A URL safe to print: the password is removed. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '<unparseable url>';
  }
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (client) =>
    retryWhileInUse(async () => {
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
    }),
  );
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  // An idle client whose server goes away emits 'error'; unhandled it would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    if (isUnreachable(error)) {
      throw new Error(
        `PostgreSQL is not reachable at ${redactUrl(adminUrl)}: start it with ` +
          '`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` or set TEST_DATABASE_ADMIN_URL',
        { cause: error },
      );
    }
    throw error;
  }
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function retryWhileInUse<T>(work: () => Promise<T>, attempts = 20): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (errorCode(error) !== OBJECT_IN_USE || attempt >= attempts) throw error;
      await sleep(100);
    }
  }
}

function isUnreachable(error: unknown): boolean {
  if (error instanceof AggregateError) return error.errors.some(isUnreachable);
  const code = errorCode(error);
  if (code !== undefined && UNREACHABLE_CODES.has(code)) return true;
  return error instanceof Error && /timeout expired|Connection terminated/i.test(error.message);
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
