/**
 * `npm start`: the whole suite on one machine.
 *
 * Reuses the PostgreSQL and NATS servers named by DATABASE_URL / NATS_URL when they answer and
 * otherwise starts private ones with their data under .casework/. Without IMAP_HOST it also runs a
 * dev Dovecot (IMAP 127.0.0.1:14143, casework/casework) and an SMTP catcher (127.0.0.1:2525) that
 * saves every outgoing mail to .casework/outbox/. Then it migrates and seeds the database, starts
 * the five services and prints where everything is. Ctrl-C stops what it started, and only that.
 */
import { chmod, mkdir } from 'node:fs/promises';
import { loadConfigOrExit, SeedSettings } from '@casework/config';
import {
  redactUrl,
  SERVICE_NAMES,
  startService,
  waitForHealthy,
  type ManagedProcess,
  type ServiceName,
} from '@casework/devkit';
import { prepareNats, preparePostgres, type Backend } from './lib/backing-servers.js';
import { migrate, ScriptError, seed } from './lib/database-setup.js';
import { startDevMail } from './lib/dev-mail.js';
import { bold, message, say, warn } from './lib/dev-output.js';
import {
  API_PREFIX,
  DEV_MAIL,
  displayLinkedPath,
  displayPath,
  DOCS_PATH,
  REPO_ROOT,
  STATE,
  STATE_DIR,
} from './lib/dev-paths.js';
import { assertPortsFree, choosePorts, WORKERS } from './lib/dev-ports.js';
import { resolveApiToken, resolveMailboxSecretKey, serviceEnv, validateAllSettings, type ApiToken } from './lib/dev-settings.js';
import { checkpoint, isStopping, own, shutdown, stopOnSignals } from './lib/owned-processes.js';

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
  const ports = await choosePorts(draftEnv);
  const { api: apiPort, workers: workerPorts } = ports;
  await assertPortsFree(ports, devMail);

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

main().catch(async (error: unknown) => {
  if (isStopping()) return;
  if (error instanceof ScriptError) warn(error.message);
  else warn(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await shutdown(1);
});
