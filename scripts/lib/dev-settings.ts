/**
 * The settings `npm start` hands every service: the API token and the mailbox secret key (kept
 * under .casework/ between runs), the dev mail servers, and the up-front check of them all.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ApiSettings,
  ConfigError,
  IngestSettings,
  loadConfig,
  NotificationSettings,
  RoutingSettings,
  SeedSettings,
  TemplateReplySettings,
} from '@casework/config';
import { DEV_IMAP_ENV, DEV_MAIL, displayPath, MIN_TOKEN_LENGTH, STATE, STATE_DIR } from './dev-paths.js';

export interface ApiToken {
  value: string;
  source: string;
}

export async function resolveApiToken(): Promise<ApiToken> {
  if (process.env.API_BOOTSTRAP_TOKEN) return { value: process.env.API_BOOTSTRAP_TOKEN, source: 'from API_BOOTSTRAP_TOKEN' };
  if (existsSync(STATE.apiToken)) {
    const saved = (await readFile(STATE.apiToken, 'utf8')).trim();
    if (saved.length >= MIN_TOKEN_LENGTH) return { value: saved, source: `saved in ${displayPath(STATE.apiToken)}` };
  }
  const value = `dev-${randomBytes(24).toString('base64url')}`;
  await writeFile(STATE.apiToken, `${value}\n`, { mode: 0o600 });
  return { value, source: `new, saved in ${displayPath(STATE.apiToken)}` };
}

/** The key that encrypts stored mailbox passwords: it must survive restarts, or they cannot be opened. */
export async function resolveMailboxSecretKey(): Promise<string> {
  if (process.env.MAILBOX_SECRET_KEY) return process.env.MAILBOX_SECRET_KEY;
  const path = join(STATE_DIR, 'mailbox-secret-key');
  if (existsSync(path)) return (await readFile(path, 'utf8')).trim();
  const value = randomBytes(32).toString('base64');
  await writeFile(path, `${value}\n`, { mode: 0o600 });
  return value;
}

interface EnvInputs {
  devMail: boolean;
  token: string;
  mailboxKey: string;
  /** Undefined: the settings' default. */
  databaseUrl: string | undefined;
  natsUrl: string | undefined;
}

/**
 * The environment every service gets (workers additionally get their own HTTP_PORT, the api its
 * PORT). MAIL_FROM, OPS_EMAIL, SLA_*, LOG_LEVEL pass through; unset, every service has the same
 * defaults as the seed.
 */
export function serviceEnv({ devMail, token, mailboxKey, databaseUrl, natsUrl }: EnvInputs): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NATS_URL: natsUrl,
    API_BOOTSTRAP_TOKEN: token,
    MAILBOX_SECRET_KEY: mailboxKey,
  };
  if (devMail) {
    Object.assign(env, {
      ...DEV_IMAP_ENV,
      SMTP_HOST: DEV_MAIL.host,
      SMTP_PORT: String(DEV_MAIL.smtpPort),
      SMTP_TLS: 'false',
      // Empty means unset to loadConfig: the catcher needs no credentials.
      SMTP_USER: '',
      SMTP_PASSWORD: '',
    });
  }
  return env;
}

const ALL_SETTINGS = [SeedSettings, ApiSettings, IngestSettings, RoutingSettings, TemplateReplySettings, NotificationSettings] as const;

/** Checks the seed's and every service's settings up front, so a bad value stops the runner, not one service. */
export function validateAllSettings(env: NodeJS.ProcessEnv): void {
  const problems = new Map<string, Set<string>>();
  for (const cls of ALL_SETTINGS) {
    try {
      loadConfig(cls as new () => object, env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      for (const setting of error.settings) {
        const known = problems.get(setting.name) ?? new Set<string>();
        setting.problems.forEach((p) => known.add(p));
        problems.set(setting.name, known);
      }
    }
  }
  if (problems.size === 0) return;
  const error = new ConfigError([...problems].map(([name, set]) => ({ name, problems: [...set] })));
  process.stderr.write(`casework dev-start: ${error.message}\n`);
  process.exit(78); // EX_CONFIG, like the services
}
