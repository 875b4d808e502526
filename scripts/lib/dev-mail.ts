/** Dev mail, when IMAP_HOST is not set: Dovecot for the inbox, the SMTP catcher for everything sent. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireBinary, startDovecot, startSmtpCatcher, type CaughtMail } from '@casework/devkit';
import { ScriptError } from './database-setup.js';
import { paint, say } from './dev-output.js';
import { DEV_MAIL, displayLinkedPath, displayPath, STATE } from './dev-paths.js';
import { own } from './owned-processes.js';

const DOVECOT_PACKAGE = 'dovecot-imapd';

export async function startDevMail(): Promise<void> {
  await ensureDovecotInstalled();
  // The catcher first, so Ctrl-C stops Dovecot before it (newest first).
  const catcher = await startSmtpCatcher({ port: DEV_MAIL.smtpPort, saveDir: STATE.outbox, onMessage: printCaughtMail });
  own('smtp catcher', () => catcher.stop());
  say(`SMTP catcher on ${DEV_MAIL.host}:${DEV_MAIL.smtpPort}: outgoing mail is saved to ${displayPath(STATE.outbox)}/`);

  say(`starting the dev IMAP server (Dovecot on ${DEV_MAIL.host}:${DEV_MAIL.imapPort})…`);
  const dovecot = await startDovecot({ port: DEV_MAIL.imapPort, dir: STATE.dovecot, user: DEV_MAIL.user, password: DEV_MAIL.password });
  own('dovecot', () => dovecot.stop());
  say(`dev mail is kept in ${displayLinkedPath(STATE.dovecot)}`);
}

/** A Dovecot left behind by a killed runner still holds the port; say which process it is. */
export function leftoverDovecotHint(): string | undefined {
  try {
    const pid = Number(readFileSync(join(STATE.dovecot, 'run', 'master.pid'), 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    process.kill(pid, 0);
    return `a dovecot from an earlier run (pid ${pid}, ${displayPath(STATE.dovecot)}) may still be running: kill ${pid}`;
  } catch {
    return undefined;
  }
}

/** One line per caught mail: recipients and subject, never the body. */
function printCaughtMail(mail: CaughtMail): void {
  const oneLine = (text: string): string => text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  const to = mail.envelopeTo.map(oneLine).join(', ');
  process.stdout.write(`${paint(32, '[smtp]')} to=<${to}> subject=<${oneLine(mail.subject)}>\n`);
}

/** Installs Dovecot itself where it can (root on Debian); otherwise says how to. */
async function ensureDovecotInstalled(): Promise<void> {
  if (hasBinary('dovecot')) return;
  const debian = existsSync('/etc/debian_version');
  const root = process.getuid?.() === 0;
  if (!debian || !root) {
    const command = debian ? `sudo apt-get install -y ${DOVECOT_PACKAGE}` : `apt-get install -y ${DOVECOT_PACKAGE}   (or your system's Dovecot IMAP package)`;
    throw new ScriptError(
      'the dev mailbox needs Dovecot, which is not installed. Install it with:\n\n' +
        `    ${command}\n\n` +
        'or set IMAP_HOST, IMAP_USER, IMAP_PASSWORD (and SMTP_*) to use real mail servers.',
    );
  }
  say(`Dovecot is not installed; installing ${DOVECOT_PACKAGE} (root on Debian): apt-get install -y ${DOVECOT_PACKAGE}`);
  if (!(await runInherited('apt-get', ['install', '-y', DOVECOT_PACKAGE]))) {
    say('install failed; refreshing the package lists: apt-get update');
    if (!(await runInherited('apt-get', ['update'])) || !(await runInherited('apt-get', ['install', '-y', DOVECOT_PACKAGE]))) {
      throw new ScriptError(`could not install ${DOVECOT_PACKAGE}; install it yourself (apt-get install -y ${DOVECOT_PACKAGE}) and run again`);
    }
  }
  if (!hasBinary('dovecot')) throw new ScriptError(`${DOVECOT_PACKAGE} was installed but no dovecot binary was found`);
}

function hasBinary(name: string): boolean {
  try {
    requireBinary(name, '');
    return true;
  } catch {
    return false;
  }
}

function runInherited(command: string, args: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code === 0));
  });
}
