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
import { prepareNats, preparePostgres } from './lib/backing-servers.js';
import { printBanner } from './lib/banner.js';
import { migrate, ScriptError, seed } from './lib/database-setup.js';
import { ensureDemoSpecialist } from './lib/demo-specialist.js';
import { startDevMail } from './lib/dev-mail.js';
import { say, warn } from './lib/dev-output.js';
import { STATE_DIR } from './lib/dev-paths.js';
import { assertPortsFree, choosePorts } from './lib/dev-ports.js';
import { resolveApiToken, resolveMailboxSecretKey, serviceEnv, validateAllSettings } from './lib/dev-settings.js';
import { checkpoint, isStopping, shutdown, stopOnSignals } from './lib/owned-processes.js';
import { startServices } from './lib/start-services.js';

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
  const specialist = await ensureDemoSpecialist(postgres.url);
  say(`demo specialist ${specialist.email} (role specialist, no admin rights)`);
  checkpoint();

  const env = serviceEnv({ devMail, token: token.value, mailboxKey, databaseUrl: postgres.url, natsUrl: nats.url });
  await startServices(env, ports);
  checkpoint();

  printBanner({ ports, token, specialist, devMail, postgres, nats });
}

main().catch(async (error: unknown) => {
  if (isStopping()) return;
  if (error instanceof ScriptError) warn(error.message);
  else warn(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await shutdown(1);
});
