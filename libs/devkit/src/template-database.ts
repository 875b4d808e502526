import { randomBytes } from 'node:crypto';
import { runMigrations } from '@casework/database';
import { createDatabase, DEFAULT_ADMIN_URL, sessionCount, type TestDatabase } from './create-database.js';
import { pollUntil } from './poll-until.js';

/**
 * Names the migrated template of this test run. test/support/global-setup.ts sets it; the jest
 * workers inherit it.
 */
export const TEMPLATE_DATABASE_ENV = 'CASEWORK_TEST_TEMPLATE_DATABASE';

/** The shared server the integration tests create their databases on. */
export function testAdminUrl(): string {
  return process.env.TEST_DATABASE_ADMIN_URL ?? DEFAULT_ADMIN_URL;
}

/**
 * Creates and migrates a uniquely named template (so concurrent runs never share one), and
 * returns once no session is left on it: CREATE DATABASE … TEMPLATE refuses a template in use.
 */
export async function createTemplateDatabase(adminUrl: string = testAdminUrl()): Promise<TestDatabase> {
  const template = await createDatabase({ adminUrl, name: `casework_template_${randomBytes(6).toString('hex')}` });
  try {
    await runMigrations(template.url);
    await pollUntil(
      async () => {
        const sessions = await sessionCount(adminUrl, template.name);
        if (sessions > 0) throw new Error(`${sessions} session(s) still on it`);
      },
      { timeoutMs: 10_000, what: `template ${template.name} without sessions` },
    );
  } catch (error) {
    await template.drop().catch(() => undefined);
    throw error;
  }
  return template;
}

/**
 * A fresh, migrated database (on the shared test server unless `adminUrl` names another): a
 * clone of the run's template when global setup made one there, else migrated from scratch
 * (a private cluster; no jest global setup, e.g. a bench).
 */
export async function createMigratedDatabase(adminUrl: string = testAdminUrl()): Promise<TestDatabase> {
  const template = adminUrl === testAdminUrl() ? process.env[TEMPLATE_DATABASE_ENV] || undefined : undefined;
  const db = await createDatabase({ adminUrl, template });
  if (!template) {
    try {
      await runMigrations(db.url);
    } catch (error) {
      await db.drop().catch(() => undefined);
      throw error;
    }
  }
  return db;
}
