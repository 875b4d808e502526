/**
 * `npm run migrate`: creates the database named in DATABASE_URL when it is missing (through the
 * same server's `postgres` database) and applies pending migrations.
 */
import { loadConfigOrExit, SeedSettings } from '@casework/config';
import { migrate, reportFailure } from './lib/database-setup.js';

const settings = loadConfigOrExit('migrate', SeedSettings);
try {
  await migrate(settings.DATABASE_URL, (line) => process.stdout.write(`${line}\n`));
} catch (error) {
  reportFailure('migrate', error);
}
