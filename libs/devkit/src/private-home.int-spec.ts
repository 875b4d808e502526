import { chmod, lstat, mkdir, mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import pg from 'pg';
import { daemonReachableDir } from './daemon-reachable-dir.js';
import { runningAsRoot } from './system-user.js';
import { startDovecot, type PrivateDovecot } from './start-dovecot.js';
import { startPostgres } from './start-postgres.js';

// A checkout in a home folder of mode 0700 (root's on Debian, new users' on Debian 12 and
// Ubuntu): the dev servers' state under its .casework/ must still work for daemons that drop root.
describe('dev servers for a checkout in a private (0700) home', () => {
  let home: string;
  let stateDir: string;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'casework-private-home-'));
    stateDir = join(home, 'app', '.casework');
    await mkdir(stateDir, { recursive: true });
    // mkdtemp already makes 0700; said again because this is the point of the test.
    await chmod(home, 0o700);
  });

  afterAll(async () => {
    // The reachable places the state links to go with the test.
    for (const name of ['dovecot', 'postgres']) {
      const link = join(stateDir, name);
      const target = await realpath(link).catch(() => undefined);
      if (target !== undefined && target !== link) await rm(target, { recursive: true, force: true });
    }
    await rm(home, { recursive: true, force: true });
  });

  const imap = (server: PrivateDovecot): ImapFlow =>
    new ImapFlow({ host: server.host, port: server.port, secure: false, auth: { user: server.user, pass: server.password }, logger: false });

  async function subjects(server: PrivateDovecot): Promise<string[]> {
    const client = imap(server);
    await client.connect();
    try {
      const lock = await client.getMailboxLock('INBOX');
      try {
        const found: string[] = [];
        for await (const message of client.fetch('1:*', { envelope: true })) found.push(message.envelope?.subject ?? '');
        return found;
      } finally {
        lock.release();
      }
    } finally {
      await client.logout();
    }
  }

  it('starts the dev mailbox, stores and fetches a message, and keeps it across a restart', async () => {
    const dir = join(stateDir, 'dovecot');
    let server = await startDovecot({ dir });
    try {
      const client = imap(server);
      await client.connect();
      await client.append('INBOX', 'From: a@example.org\r\nSubject: from a private home\r\n\r\nbody\r\n');
      await client.logout();
      expect(await subjects(server)).toEqual(['from a private home']);
    } finally {
      await server.stop();
    }

    if (runningAsRoot()) {
      // .casework/dovecot points at where the mail really is, outside the private home.
      expect((await lstat(dir)).isSymbolicLink()).toBe(true);
      expect(server.dir.startsWith(home)).toBe(false);
      expect(await realpath(dir)).toBe(server.dir);
      // Another checkout's state gets another place.
      const other = await daemonReachableDir(join(home, 'other-app', '.casework', 'dovecot'), 'dovecot');
      expect(other).not.toBe(server.dir);
      await rm(other, { recursive: true, force: true });
    }

    server = await startDovecot({ dir });
    try {
      expect(await subjects(server)).toEqual(['from a private home']);
    } finally {
      await server.stop();
    }
  }, 60000);

  it('starts a private Postgres with its data dir asked for in the private home', async () => {
    const server = await startPostgres({ dir: join(stateDir, 'postgres') });
    try {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ one: number }>('SELECT 1 AS one');
        expect(rows).toEqual([{ one: 1 }]);
      } finally {
        await client.end();
      }
    } finally {
      await server.stop();
    }
  }, 90000);
});
