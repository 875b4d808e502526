import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { awaitStartup } from './await-startup.js';
import { createDaemonTempDir, daemonReachableDir } from './daemon-reachable-dir.js';
import { freePort } from './free-port.js';
import { pollUntil } from './poll-until.js';
import { requireBinary } from './require-binary.js';
import { spawnService, type ManagedProcess } from './spawn-service.js';
import { lookupSystemUser, runningAsRoot } from './system-user.js';
import { removeDir } from './temp-dir.js';

export interface PrivatePostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Fast shutdown (SIGINT) and start again on the same data dir and port. */
  restart(): Promise<void>;
  /** Fast shutdown, keeping the data dir and the port for `startServer` (an outage to test against). */
  stopServer(): Promise<void>;
  /** Starts the stopped server again on the same data dir and port. */
  startServer(): Promise<void>;
}

export interface StartPostgresOptions {
  port?: number;
  /** Data directory; initialised if empty, kept on stop. Default: a temp dir removed on stop. */
  dir?: string;
}

const POSTGRES_HINT = 'install PostgreSQL (`apt-get install -y postgresql`)';
const run = promisify(execFile);

/** Starts a throwaway PostgreSQL cluster (trust auth, user postgres) on 127.0.0.1. */
export async function startPostgres(opts: StartPostgresOptions = {}): Promise<PrivatePostgres> {
  const initdb = requireBinary('initdb', POSTGRES_HINT);
  const postgres = requireBinary('postgres', POSTGRES_HINT);
  const port = opts.port ?? (await freePort());
  const ownsDir = opts.dir === undefined;
  const dir = opts.dir === undefined ? await createDaemonTempDir('postgres') : await daemonReachableDir(opts.dir, 'postgres');
  // postgres refuses to run as root, so as root the cluster belongs to the postgres user.
  const owner = runningAsRoot() ? lookupSystemUser('postgres') : undefined;
  const asOwner = owner ? { uid: owner.uid, gid: owner.gid } : {};
  const env = { ...process.env, LC_ALL: 'C', ...(owner ? { HOME: dir, USER: owner.name } : {}) };
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;

  const launch = async (): Promise<ManagedProcess> => {
    const service = spawnService({
      name: 'postgres',
      command: postgres,
      args: ['-D', dir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
      env,
      cwd: dir,
      ...asOwner,
    });
    // The port opens while the server still answers "the database system is starting up", and
    // another server on the same port must not pass for ours: it has to report our data dir.
    await awaitStartup(service, (signal) =>
      pollUntil(() => expectDataDirectory(url, dir), { timeoutMs: 30000, intervalMs: 50, signal, what: `postgres on port ${port}` }),
    );
    return service;
  };

  let current: ManagedProcess | undefined;
  try {
    await mkdir(dir, { recursive: true });
    if (owner) await chown(dir, owner.uid, owner.gid);
    await chmod(dir, 0o700);
    if (!existsSync(join(dir, 'PG_VERSION'))) {
      await run(initdb, ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'], {
        env,
        cwd: dir,
        ...asOwner,
      }).catch((error: unknown) => {
        const stderr = typeof error === 'object' && error !== null && 'stderr' in error ? String(error.stderr) : '';
        throw new Error(`initdb failed for ${dir}:\n${stderr}`, { cause: error });
      });
    }
    current = await launch();
  } catch (error) {
    if (ownsDir) await removeDir(dir);
    throw error;
  }

  const stopServer = async (): Promise<void> => {
    await current?.kill('SIGINT');
    current = undefined;
  };
  const startServer = async (): Promise<void> => {
    if (!current) current = await launch();
  };
  return {
    url,
    port,
    stopServer,
    startServer,
    async restart() {
      await stopServer();
      await startServer();
    },
    async stop() {
      await current?.kill('SIGINT');
      current = undefined;
      if (ownsDir) await removeDir(dir);
    },
  };
}

async function expectDataDirectory(url: string, dir: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const result = await client.query<{ data_directory: string }>('SHOW data_directory');
    const actual = result.rows[0]?.data_directory;
    if (actual !== dir) throw new Error(`port ${new URL(url).port} is served by another cluster (${String(actual)})`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
