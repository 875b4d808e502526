/** PostgreSQL and NATS: reuse what answers, else start a private server with its data under .casework/. */
import { connect } from 'node:net';
import pg from 'pg';
import { redactUrl, startNats, startPostgres } from '@casework/devkit';
import { ScriptError } from './database-setup.js';
import { say } from './dev-output.js';
import { displayLinkedPath, displayPath, STATE } from './dev-paths.js';
import { own } from './owned-processes.js';

export interface Backend {
  url: string;
  /** How it was obtained, for the banner. */
  origin: string;
}

export async function preparePostgres(url: string): Promise<Backend> {
  const parsed = new URL(url);
  const host = unbracket(parsed.hostname);
  const port = Number(parsed.port || 5432);
  if (host === '' || (await answers(host, port))) {
    say(`PostgreSQL: using the server at ${redactUrl(url)}`);
    return { url, origin: 'reused' };
  }
  if (!isLocalHost(host)) {
    throw new ScriptError(`PostgreSQL at ${redactUrl(url)} does not answer; a private server is only started for a local address (127.0.0.1 / localhost)`);
  }
  say(`PostgreSQL: nothing answers on ${host}:${port}, starting a private server …`);
  const server = await startPostgres({ port, dir: STATE.postgres });
  own('postgres', () => server.stop());
  parsed.hostname = '127.0.0.1';
  const privateUrl = parsed.toString();
  // The private cluster has only the `postgres` superuser (trust auth); give the URL's user a role.
  const user = decodeURIComponent(parsed.username || 'postgres');
  if (user !== 'postgres') await ensureRole(server.url, user);
  return { url: privateUrl, origin: `private, data in ${displayLinkedPath(STATE.postgres)}` };
}

async function ensureRole(superuserUrl: string, role: string): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if ((found.rowCount ?? 0) === 0) {
      await client.query(`CREATE ROLE "${role.replaceAll('"', '""')}" LOGIN CREATEDB`);
      say(`PostgreSQL: created role ${role} in the private server`);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function prepareNats(url: string): Promise<Backend> {
  const first = url.split(',')[0].trim();
  const parsed = new URL(/^[a-z]+:\/\//i.test(first) ? first : `nats://${first}`);
  const host = unbracket(parsed.hostname) || '127.0.0.1';
  const port = Number(parsed.port || 4222);
  if (await answers(host, port)) {
    say(`NATS: using the server at ${first}`);
    return { url, origin: 'reused' };
  }
  if (!isLocalHost(host) || parsed.protocol === 'tls:') {
    throw new ScriptError(`NATS at ${first} does not answer; a private server is only started for a local nats:// address`);
  }
  say(`NATS: nothing answers on ${host}:${port}, starting a private nats-server with JetStream (store in ${displayPath(STATE.nats)})…`);
  const server = await startNats({ port, storeDir: STATE.nats });
  own('nats-server', () => server.stop());
  return { url: server.url, origin: `private, store in ${displayPath(STATE.nats)}` };
}

function answers(host: string, port: number, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function isLocalHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function unbracket(host: string): string {
  return host.replace(/^\[(.*)\]$/, '$1');
}
