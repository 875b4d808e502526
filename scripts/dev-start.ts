/**
 * `npm start`: the whole suite on one machine.
 *
 * Reuses the PostgreSQL and NATS servers named by DATABASE_URL / NATS_URL when they answer and
 * otherwise starts private ones with their data under .casework/. Without IMAP_HOST it also runs a
 * dev Dovecot (IMAP 127.0.0.1:14143, casework/casework) and an SMTP catcher (127.0.0.1:2525) that
 * saves every outgoing mail to .casework/outbox/. Then it migrates and seeds the database, starts
 * the five services and prints where everything is. Ctrl-C stops what it started, and only that.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import {
  ApiSettings,
  ConfigError,
  IngestSettings,
  loadConfig,
  loadConfigOrExit,
  NotificationSettings,
  RoutingSettings,
  SeedSettings,
  TemplateReplySettings,
} from '@casework/config';
import {
  freePort,
  redactUrl,
  SERVICE_NAMES,
  startService,
  waitForHealthy,
  type ManagedProcess,
  type ServiceName,
} from '@casework/devkit';
import { prepareNats, preparePostgres, type Backend } from './lib/backing-servers.js';
import { migrate, ScriptError, seed } from './lib/database-setup.js';
import { leftoverDovecotHint, startDevMail } from './lib/dev-mail.js';
import { bold, message, say, warn } from './lib/dev-output.js';
import {
  API_PREFIX,
  DEFAULT_API_PORT,
  DEV_MAIL,
  displayLinkedPath,
  displayPath,
  DOCS_PATH,
  MIN_TOKEN_LENGTH,
  REPO_ROOT,
  STATE,
  STATE_DIR,
} from './lib/dev-paths.js';
import { checkpoint, isStopping, own, shutdown, stopOnSignals } from './lib/owned-processes.js';

const WORKERS = SERVICE_NAMES.filter((name) => name !== 'api');
const DEFAULT_WORKER_PORT = 3101;
const HEALTH_TIMEOUT_MS = 60_000;

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  stopOnSignals();

  const devMail = !process.env.IMAP_HOST;
  await mkdir(STATE_DIR, { recursive: true });
  // Dovecot's unprivileged processes must be able to traverse it.
  await chmod(STATE_DIR, 0o755);
  const token = await resolveApiToken();
  const mailboxKey = await resolveMailboxSecretKey();

  // A bad setting stops everything before anything starts, naming every bad setting at once.
  const draftEnv = serviceEnv({ devMail, token: token.value, mailboxKey, databaseUrl: process.env.DATABASE_URL, natsUrl: process.env.NATS_URL });
  validateAllSettings(draftEnv);
  const settings = loadConfigOrExit('dev-start', SeedSettings);
  const apiPort = await choosePort(loadConfig(ApiSettings, draftEnv).PORT, DEFAULT_API_PORT, process.env.PORT);
  const workerPorts = await chooseWorkerPorts(process.env.HTTP_PORT);
  await assertPortsFree([
    { port: apiPort, host: '0.0.0.0', what: 'the api (set PORT to use another)' },
    ...WORKERS.map((name) => ({ port: workerPorts[name], host: '127.0.0.1', what: `${name} /health (set HTTP_PORT to move the workers)` })),
    ...(devMail
      ? [
          { port: DEV_MAIL.imapPort, host: DEV_MAIL.host, what: 'the dev IMAP server', hint: leftoverDovecotHint() },
          { port: DEV_MAIL.smtpPort, host: DEV_MAIL.host, what: 'the dev SMTP catcher' },
        ]
      : []),
  ]);

  checkpoint();
  const postgres = await preparePostgres(settings.DATABASE_URL);
  checkpoint();
  const nats = await prepareNats(settings.NATS_URL);
  checkpoint();
  if (devMail) await startDevMail();
  else say(`IMAP_HOST is set: using the IMAP and SMTP servers from the environment (${process.env.IMAP_HOST})`);
  checkpoint();

  const runtimeSettings = Object.assign(new SeedSettings(), settings, { DATABASE_URL: postgres.url, NATS_URL: nats.url });
  await migrate(postgres.url, say);
  await seed(runtimeSettings, say);
  checkpoint();

  const env = serviceEnv({ devMail, token: token.value, mailboxKey, databaseUrl: postgres.url, natsUrl: nats.url });
  await startServices(env, apiPort, workerPorts);
  checkpoint();

  printBanner({ apiPort, workerPorts, token, devMail, postgres, nats });
}

// ---------------------------------------------------------------------------------------------
// Settings

interface ApiToken {
  value: string;
  source: string;
}

async function resolveApiToken(): Promise<ApiToken> {
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
async function resolveMailboxSecretKey(): Promise<string> {
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
function serviceEnv({ devMail, token, mailboxKey, databaseUrl, natsUrl }: EnvInputs): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NATS_URL: natsUrl,
    API_BOOTSTRAP_TOKEN: token,
    MAILBOX_SECRET_KEY: mailboxKey,
  };
  if (devMail) {
    Object.assign(env, {
      IMAP_HOST: DEV_MAIL.host,
      IMAP_PORT: String(DEV_MAIL.imapPort),
      IMAP_TLS: 'false',
      IMAP_USER: DEV_MAIL.user,
      IMAP_PASSWORD: DEV_MAIL.password,
      IMAP_MAILBOX: DEV_MAIL.mailbox,
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
function validateAllSettings(env: NodeJS.ProcessEnv): void {
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

/** PORT / HTTP_PORT 0 means "any free port". */
async function choosePort(validated: number, fallback: number, raw: string | undefined): Promise<number> {
  if (!raw) return fallback;
  return validated === 0 ? freePort() : validated;
}

/** Workers get HTTP_PORT, +1, +2, +3 (default 3101..3104). */
async function chooseWorkerPorts(raw: string | undefined): Promise<Record<ServiceName, number>> {
  const ports = {} as Record<ServiceName, number>;
  const base = raw ? Number(raw) : DEFAULT_WORKER_PORT; // validated as an integer 0..65535 already
  if (base !== 0 && base + WORKERS.length - 1 > 65535) fatal(`HTTP_PORT ${base} leaves no room for ${WORKERS.length} workers (base + 0..${WORKERS.length - 1})`);
  for (const [index, name] of WORKERS.entries()) ports[name] = base === 0 ? await freePort() : base + index;
  return ports;
}

interface PortClaim {
  port: number;
  host: string;
  what: string;
  hint?: string;
}

async function assertPortsFree(claims: PortClaim[]): Promise<void> {
  const taken: string[] = [];
  for (const claim of claims) {
    if (!(await canListen(claim.port, claim.host))) {
      taken.push(`  port ${claim.port} is already in use; it is needed for ${claim.what}${claim.hint ? `\n    ${claim.hint}` : ''}`);
    }
  }
  if (taken.length === 0) return;
  fatal(`cannot start, ports are taken (is another \`npm start\` running?):\n${taken.join('\n')}`);
}

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

// ---------------------------------------------------------------------------------------------
// The five services

async function startServices(env: NodeJS.ProcessEnv, apiPort: number, workerPorts: Record<ServiceName, number>): Promise<void> {
  const started: ManagedProcess[] = [];
  own('services', async () => {
    await Promise.allSettled(started.map((service) => service.kill('SIGTERM')));
  });
  const waits: Promise<void>[] = [];
  for (const name of SERVICE_NAMES) {
    const isApi = name === 'api';
    const port = isApi ? apiPort : workerPorts[name];
    const service = startService(name, isApi ? { ...env, PORT: String(port) } : { ...env, HTTP_PORT: String(port) }, true, REPO_ROOT);
    started.push(service);
    watchForUnexpectedExit(service);
    const healthUrl = isApi ? `http://127.0.0.1:${port}/${API_PREFIX}/health` : `http://127.0.0.1:${port}/health`;
    waits.push(waitForHealthy(service, healthUrl, HEALTH_TIMEOUT_MS).then(() => say(`${name} is healthy (${healthUrl})`)));
  }
  say(`started ${SERVICE_NAMES.join(', ')}; waiting for /health…`);
  try {
    await Promise.all(waits);
  } catch (error) {
    // The service's own output was already printed above with its prefix.
    const reason = message(error).split('\n')[0].replace(/:$/, '');
    throw new ScriptError(`a service did not come up: ${reason} (see its log lines above)`);
  }
}

function watchForUnexpectedExit(service: ManagedProcess): void {
  void service.exited.then((code) => {
    // A terminal Ctrl-C reaches the children as well; give our own handler the chance to run first.
    setTimeout(() => {
      if (isStopping()) return;
      const how = code === null ? `signal ${service.child.signalCode ?? 'unknown'}` : `exit code ${code}`;
      warn(`${bold(service.name)} exited unexpectedly (${how}); the others keep running. Ctrl-C stops everything.`);
    }, 250);
  });
}

// ---------------------------------------------------------------------------------------------

interface BannerInputs {
  apiPort: number;
  workerPorts: Record<ServiceName, number>;
  token: ApiToken;
  devMail: boolean;
  postgres: Backend;
  nats: Backend;
}

function printBanner({ apiPort, workerPorts, token, devMail, postgres, nats }: BannerInputs): void {
  const base = `http://localhost:${apiPort}`;
  const rule = '─'.repeat(78);
  const row = (label: string, value: string): string => `  ${label.padEnd(12)}${value}`;
  const lines = [
    '',
    rule,
    bold('  casework is running'),
    '',
    row('API', `${base}/${API_PREFIX}`),
    row('API docs', `${base}/${DOCS_PATH}`),
    row('API token', `${token.value}   (${token.source})`),
    row('Try', `curl -H "Authorization: Bearer ${token.value}" ${base}/${API_PREFIX}/tickets`),
    '',
  ];
  if (devMail) {
    lines.push(
      row('Mailbox', `IMAP ${DEV_MAIL.host}:${DEV_MAIL.imapPort}, user ${DEV_MAIL.user} / password ${DEV_MAIL.password} (Dovecot, ${displayLinkedPath(STATE.dovecot)})`),
      row('Outbox', `acknowledgements and other sent mail are caught on SMTP ${DEV_MAIL.host}:${DEV_MAIL.smtpPort}`),
      row('', `and saved to ${displayPath(STATE.outbox)}/ (one .eml per mail; [smtp] lines below)`),
      row('Demo mail', 'npm run demo:mail            drops a sample email into the dev mailbox'),
      row('', 'npm run demo:mail -- --auto  the same as an auto-reply (no acknowledgement)'),
    );
  } else {
    lines.push(
      row('Mailbox', `IMAP ${process.env.IMAP_HOST}:${process.env.IMAP_PORT ?? '993'} (from the environment)`),
      row('Outbox', `SMTP ${process.env.SMTP_HOST ?? '127.0.0.1'}:${process.env.SMTP_PORT ?? '25'} (from the environment)`),
    );
  }
  lines.push(
    row('PostgreSQL', `${redactUrl(postgres.url)} (${postgres.origin})`),
    row('NATS', `${nats.url} (${nats.origin})`),
    row('Health', `${base}/${API_PREFIX}/health; workers ${WORKERS.map((n) => `${n} :${workerPorts[n]}`).join(', ')} (/health, /metrics)`),
    '',
    '  Ctrl-C stops the services and everything this run started.',
    rule,
    '',
  );
  process.stdout.write(lines.join('\n') + '\n');
}

// ---------------------------------------------------------------------------------------------

function fatal(text: string): never {
  throw new ScriptError(text);
}

main().catch(async (error: unknown) => {
  if (isStopping()) return;
  if (error instanceof ScriptError) warn(error.message);
  else warn(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await shutdown(1);
});
