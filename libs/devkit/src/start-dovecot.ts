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
  /** The LMTP listener's port, with `lmtp`. */
  lmtpPort?: number;
  stop(): Promise<void>;
}

/**
 * LMTP delivery with Pigeonhole Sieve (packages dovecot-lmtpd and dovecot-sieve): every delivered
 * mail runs `sieveScript` (e.g. a vacation responder) for its recipient, and what the script sends
 * (vacation replies, redirects) goes over SMTP to `submissionHost`.
 */
export interface DovecotLmtpOptions {
  /** A Sieve script run before delivery for every user (`sieve_before`). */
  sieveScript: string;
  /** `host:port` of the SMTP server the script's replies are sent through. */
  submissionHost: string;
  /** Addresses that can receive mail over LMTP (password as `password`); the IMAP user always can. */
  users?: string[];
  port?: number;
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
  lmtp?: DovecotLmtpOptions;
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
  const lmtp = opts.lmtp ? { ...opts.lmtp, port: opts.lmtp.port ?? (await freePort()), users: opts.lmtp.users ?? [] } : undefined;
  if (lmtp) requireLmtpAndSieve();
  for (const address of lmtp?.users ?? []) if (/[:\s]/.test(address)) throw new Error(`dovecot LMTP user must not contain ":" or whitespace: ${address}`);
  const ownsDir = opts.dir === undefined;
  const dir = opts.dir === undefined ? await createDaemonTempDir('dovecot') : await daemonReachableDir(opts.dir, 'dovecot');
  if (/[\s"'#%\\{}]/.test(dir)) throw new Error(`dovecot dir must be a plain path without spaces or quotes: ${dir}`);

  try {
    const identity = daemonIdentity();
    const conf = await prepareDir(dir, identity, user, password, port, lmtp);
    const logPath = join(dir, 'dovecot.log');
    const logStart = fileSize(logPath);
    const service = spawnService({ name: 'dovecot', command: binary, args: ['-F', '-c', conf], env: process.env, cwd: dir });
    // A greeting alone could come from another server on the port; this run must also have
    // logged "starting up", which the master only does once its listeners are bound.
    const ready = async (): Promise<void> => {
      if (!logSince(logPath, logStart).includes('starting up')) throw new Error('master not started yet');
      await expectGreeting(port);
      if (lmtp) await expectGreeting(lmtp.port, '220');
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
      lmtpPort: lmtp?.port,
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

type ResolvedLmtp = Required<DovecotLmtpOptions>;

async function prepareDir(dir: string, id: DaemonIdentity, user: string, password: string, port: number, lmtp: ResolvedLmtp | undefined): Promise<string> {
  const paths = {
    conf: join(dir, 'dovecot.conf'),
    passwd: join(dir, 'users'),
    base: join(dir, 'run'),
    state: join(dir, 'state'),
    mail: join(dir, 'mail'),
    log: join(dir, 'dovecot.log'),
    sieve: join(dir, 'sieve'),
  };
  await mkdir(dir, { recursive: true });
  for (const sub of [paths.base, paths.state, paths.mail]) await mkdir(sub, { recursive: true });
  // mkdtemp makes 0700 dirs; dovenull (auth) and mail (mail processes) must traverse them.
  for (const d of [dir, paths.base, paths.state, paths.mail]) await chmod(d, 0o755);
  if (runningAsRoot()) await chown(paths.mail, id.mailUser.uid, id.mailUser.gid);
  const users = [user, ...(lmtp?.users ?? []).filter((u) => u !== user)];
  await writeFile(paths.passwd, users.map((u) => `${u}:{PLAIN}${password}::::::\n`).join(''), { mode: 0o644 });
  await chmod(paths.passwd, 0o644);
  if (lmtp) {
    // Pigeonhole compiles the script on first use and saves the binary beside it: the mail user writes here.
    await mkdir(paths.sieve, { recursive: true });
    await writeFile(join(paths.sieve, 'before.sieve'), lmtp.sieveScript, { mode: 0o644 });
    if (runningAsRoot()) {
      await chown(paths.sieve, id.mailUser.uid, id.mailUser.gid);
      await chown(join(paths.sieve, 'before.sieve'), id.mailUser.uid, id.mailUser.gid);
    }
  }
  await writeFile(paths.conf, dovecotConf(paths, id, port) + (lmtp ? lmtpConf(paths, lmtp) : ''), { mode: 0o644 });
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

/**
 * LMTP with Sieve. The vacation settings make Sieve answer as often as it is allowed to: `:seconds 0`
 * (vacation-seconds, minimum period 0) means no once-per-period memory; the recipient need not be
 * in To/Cc. What Pigeonhole still refuses, whatever the settings (RFC 5230 §4.5): mail marked
 * `Auto-Submitted` other than `no`, list mail (List-Id and friends), `Precedence: bulk/list/junk`,
 * the null sender and system senders (MAILER-DAEMON, owner-*, *-request).
 */
function lmtpConf(p: { sieve: string }, lmtp: ResolvedLmtp): string {
  return `protocols = $protocols lmtp
submission_host = ${lmtp.submissionHost}
service lmtp {
  inet_listener lmtp {
    address = ${HOST}
    port = ${lmtp.port}
  }
  unix_listener lmtp {
    mode = 0600
  }
}
protocol lmtp {
  mail_plugins = $mail_plugins sieve
  postmaster_address = postmaster@${HOST}
}
plugin {
  sieve_before = ${join(p.sieve, 'before.sieve')}
  sieve_extensions = +vacation-seconds
  sieve_vacation_min_period = 0
  sieve_vacation_dont_check_recipient = yes
  # The reply's envelope sender is the recipient, not <>: what most servers' autoresponders do.
  sieve_vacation_send_from_recipient = yes
}
`;
}

function requireLmtpAndSieve(): void {
  const missing = [
    ['/usr/lib/dovecot/lmtp', 'dovecot-lmtpd'],
    ['/usr/lib/dovecot/modules/lib90_sieve_plugin.so', 'dovecot-sieve'],
  ].filter(([path]) => fileSize(path) === 0);
  if (missing.length > 0) {
    const names = missing.map(([, pkg]) => pkg).join(' ');
    throw new Error(`dovecot LMTP + Sieve need ${names}: install with \`apt-get install -y ${names}\``);
  }
}

/** Connects once and checks for the greeting (IMAP `* OK`, LMTP `220`): the port opens before login processes are ready. */
function expectGreeting(port: number, prefix = '* OK'): Promise<void> {
  return new Promise<void>((resolvePromise, reject) => {
    const socket = connect({ port, host: HOST });
    let received = '';
    socket.setTimeout(2000, () => socket.destroy(new Error('no greeting')));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (!received.includes('\n')) return;
      socket.end(prefix === '* OK' ? 'a LOGOUT\r\n' : 'QUIT\r\n');
      socket.destroy();
      if (received.startsWith(prefix)) resolvePromise();
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
