import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: this file is compiled to dist/scripts/lib/dev-paths.js, three levels
 * below it. Paths never depend on the caller's working directory.
 */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Dev state kept between `npm start` runs (gitignored). */
export const STATE_DIR = join(REPO_ROOT, '.casework');

export const STATE = {
  postgres: join(STATE_DIR, 'postgres'),
  nats: join(STATE_DIR, 'nats'),
  dovecot: join(STATE_DIR, 'dovecot'),
  outbox: join(STATE_DIR, 'outbox'),
  apiToken: join(STATE_DIR, 'api-token'),
  demoSpecialistToken: join(STATE_DIR, 'demo-specialist-token'),
};

/** The dev mailbox and SMTP catcher `npm start` runs when IMAP_HOST is not set. */
export const DEV_MAIL = {
  host: '127.0.0.1',
  imapPort: 14143,
  smtpPort: 2525,
  user: 'casework',
  password: 'casework',
  mailbox: 'INBOX',
};

/** The IMAP settings that point a service (or demo-mail) at the dev mailbox. */
export const DEV_IMAP_ENV = {
  IMAP_HOST: DEV_MAIL.host,
  IMAP_PORT: String(DEV_MAIL.imapPort),
  IMAP_TLS: 'false',
  IMAP_USER: DEV_MAIL.user,
  IMAP_PASSWORD: DEV_MAIL.password,
  IMAP_MAILBOX: DEV_MAIL.mailbox,
};

export const DEFAULT_API_PORT = 3000;
export const API_PREFIX = 'api/v1';
export const DOCS_PATH = 'api/docs';

/** Shortest token the API accepts (ApiSettings.API_BOOTSTRAP_TOKEN). */
export const MIN_TOKEN_LENGTH = 16;

/** The token `npm start` uses: API_BOOTSTRAP_TOKEN, else the one it saved; null when neither exists. */
export function knownApiToken(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.API_BOOTSTRAP_TOKEN) return env.API_BOOTSTRAP_TOKEN;
  if (!existsSync(STATE.apiToken)) return null;
  const saved = readFileSync(STATE.apiToken, 'utf8').trim();
  return saved.length >= MIN_TOKEN_LENGTH ? saved : null;
}

/** A path as the user should read it: relative to the repo root when inside it. */
export function displayPath(path: string): string {
  return path.startsWith(REPO_ROOT) ? path.slice(REPO_ROOT.length) : path;
}

/** A state folder, and where it really is when it links out of a private home (daemonReachableDir). */
export function displayLinkedPath(path: string): string {
  const real = realpathSync(path);
  return real === path ? displayPath(path) : `${displayPath(path)} → ${real}`;
}
