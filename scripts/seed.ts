/**
 * `npm run seed`: what `npm run migrate` does, then the idempotent defaults (default queue for
 * MAIL_FROM, templates, SLA policy with SLA_FIRST_RESPONSE_MINUTES).
 */
import { loadConfigOrExit, SeedSettings } from '@casework/config';
import { migrate, reportFailure, seed } from './lib/database-setup.js';

const settings = loadConfigOrExit('seed', SeedSettings);
const report = (line: string): void => void process.stdout.write(`${line}\n`);
try {
  await migrate(settings.DATABASE_URL, report);
  await seed(settings, report);
} catch (error) {
  reportFailure('seed', error);
}
