import { readFileSync, statSync } from 'node:fs';
import { chmod, chown, mkdir, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { awaitStartup } from './await-startup.js';
import { createDaemonTempDir, daemonReachableDir } from './daemon-reachable-dir.js';
import { freePort } from './free-port.js';
import { pollUntil } from './poll-until.js';
import { requireBinary } from './require-binary.js';
import { spawnService } from './spawn-service.js';
import { lookupSystemUser, runningAsRoot, type SystemUser } from './system-user.js';
import { removeDir } from './temp-dir.js';

export interface PrivateDovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Where config, maildirs and logs are: the `dir` asked for, or the reachable place it links to. */
  dir: string;
  stop(): Promise<void>;
}

export interface StartDovecotOptions {
  port?: number;
  /**
   * Kept on stop and reused on the next start, so dev mailboxes persist. Default: a temp dir.
   * As root, a dir that Dovecot's unprivileged users cannot reach becomes a link to one they can.
   */
  dir?: string;
  user?: string;
  password?: string;
}

const HOST = '127.0.0.1';

/**
 * Starts a private Dovecot IMAP server (plaintext on 127.0.0.1, one passwd-file user, Maildir)
 * in the foreground, so stopping the child stops the whole server.
 */
export async function startDovecot(opts: StartDovecotOptions = {}): Promise<PrivateDovecot> {
  const binary = requireBinary('dovecot', 'install it with `apt-get install -y dovecot-imapd`');
  const user = opts.user ?? 'casework';
  const password = opts.password ?? 'casework';
  if (/[:\s]/.test(user) || /[:\n]/.test(password)) {
    throw new Error('dovecot user must not contain ":" or whitespace, password must not contain ":" or newlines');
  }
  const port = opts.port ?? (await freePort());
  const ownsDir = opts.dir === undefined;
  const dir = opts.dir === undefined ? await createDaemonTempDir('dovecot') : await daemonReachableDir(opts.dir, 'dovecot');
  if (/[\s"'#%\\{}]/.test(dir)) throw new Error(`dovecot dir must be a plain path without spaces or quotes: ${dir}`);

  try {
    const identity = daemonIdentity();
    const conf = await prepareDir(dir, identity, user, password, port);
    const logPath = join(dir, 'dovecot.log');
    const logStart = fileSize(logPath);
    const service = spawnService({ name: 'dovecot', command: binary, args: ['-F', '-c', conf], env: process.env, cwd: dir });
    // A greeting alone could come from another server on the port; this run must also have
    // logged "starting up", which the master only does once its listeners are bound.
    const ready = async (): Promise<void> => {
      if (!logSince(logPath, logStart).includes('starting up')) throw new Error('master not started yet');
      await expectGreeting(port);
    };
    await awaitStartup(
      service,
      (signal) => pollUntil(ready, { timeoutMs: 10000, signal, what: `dovecot on ${HOST}:${port}` }),
      () => [service.recentOutput(), logSince(logPath, logStart)].filter((s) => s !== '').join('\n'),
    );
    return {
      host: HOST,
      port,
      user,
      password,
      dir,
      async stop() {
        await service.kill('SIGTERM');
        if (ownsDir) await removeDir(dir);
      },
    };
  } catch (error) {
    if (ownsDir) await removeDir(dir);
    throw error;
  }
}

interface DaemonIdentity {
  /** Runs login and auth processes (dovenull as root). */
  internalUser: string;
  /** Owns the mailboxes. */
  mailUser: SystemUser;
}

// Dovecot refuses to run mail processes as root and insists on unprivileged login/auth users; as
// a normal user everything simply runs as that user.
function daemonIdentity(): DaemonIdentity {
  if (runningAsRoot()) return { internalUser: 'dovenull', mailUser: lookupSystemUser('mail') };
  const me = userInfo();
  return { internalUser: me.username, mailUser: { name: me.username, uid: me.uid, gid: me.gid } };
}

async function prepareDir(dir: string, id: DaemonIdentity, user: string, password: string, port: number): Promise<string> {
  const paths = {
    conf: join(dir, 'dovecot.conf'),
    passwd: join(dir, 'users'),
    base: join(dir, 'run'),
    state: join(dir, 'state'),
    mail: join(dir, 'mail'),
    log: join(dir, 'dovecot.log'),
  };
  await mkdir(dir, { recursive: true });
  for (const sub of [paths.base, paths.state, paths.mail]) await mkdir(sub, { recursive: true });
  // mkdtemp makes 0700 dirs; dovenull (auth) and mail (mail processes) must traverse them.
  for (const d of [dir, paths.base, paths.state, paths.mail]) await chmod(d, 0o755);
  if (runningAsRoot()) await chown(paths.mail, id.mailUser.uid, id.mailUser.gid);
  await writeFile(paths.passwd, `${user}:{PLAIN}${password}::::::\n`, { mode: 0o644 });
  await chmod(paths.passwd, 0o644);
  await writeFile(paths.conf, dovecotConf(paths, id, port), { mode: 0o644 });
  return paths.conf;
}

function dovecotConf(
  p: { passwd: string; base: string; state: string; mail: string; log: string },
  id: DaemonIdentity,
  port: number,
): string {
  return `# Generated by @casework/devkit for a private test/dev server. Do not edit.
protocols = imap
listen = ${HOST}
base_dir = ${p.base}
state_dir = ${p.state}
log_path = ${p.log}
info_log_path = ${p.log}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${id.internalUser}
default_login_user = ${id.internalUser}
first_valid_uid = ${id.mailUser.uid}
mail_location = maildir:~/Maildir
mail_fsync = never
# Tests open many sessions from 127.0.0.1; the default limit of 10 per user and IP is too low.
mail_max_userip_connections = 1000
# IDLE relies on inotify; the fallback poll is shortened so tests never wait 30 s.
mailbox_idle_check_interval = 1 secs
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${p.passwd}
}
userdb {
  driver = static
  args = uid=${id.mailUser.uid} gid=${id.mailUser.gid} home=${p.mail}/%u
}
service imap-login {
  inet_listener imap {
    address = ${HOST}
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`;
}

/** Connects once and checks for the IMAP greeting: the port opens before login processes are ready. */
function expectGreeting(port: number): Promise<void> {
  return new Promise<void>((resolvePromise, reject) => {
    const socket = connect({ port, host: HOST });
    let received = '';
    socket.setTimeout(2000, () => socket.destroy(new Error('no greeting')));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (!received.includes('\n')) return;
      socket.end('a LOGOUT\r\n');
      socket.destroy();
      if (received.startsWith('* OK')) resolvePromise();
      else reject(new Error(`unexpected greeting: ${received.trim()}`));
    });
    socket.once('error', reject);
    socket.once('close', () => reject(new Error('closed before greeting')));
  });
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** What dovecot logged since `offset` (the log persists across runs in a reused dir). */
function logSince(path: string, offset: number): string {
  try {
    return readFileSync(path).subarray(offset).toString('utf8').trimEnd();
  } catch {
    return '';
  }
}
