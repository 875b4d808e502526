import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import type { TestDatabase } from '@casework/devkit';

declare global {
  /** This run's template, set by globalSetup for globalTeardown (which alone sees its globals). */
  var caseworkTemplateDatabase: TestDatabase | undefined;
}

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Integration and e2e suites need real servers. A missing one fails the run with the way
 * to get it; nothing is skipped silently. Then the run's template database is migrated once:
 * each test file clones it (createMigratedDatabase) instead of migrating its own.
 */
export default async function globalSetup(): Promise<void> {
  const problems: string[] = [];
  for (const [binary, hint] of [
    ['nats-server', 'apt-get install -y nats-server'],
    ['dovecot', 'apt-get install -y dovecot-imapd'],
  ]) {
    if (!onPath(binary)) problems.push(`${binary} not found: install it with \`${hint}\``);
  }
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch {
    problems.push(
      'PostgreSQL is not reachable at ' + ADMIN_URL.replace(/:[^:@/]*@/, ':***@') +
        ': start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` or set TEST_DATABASE_ADMIN_URL',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  if (!existsSync('dist/apps/api/src/main.js')) problems.push('dist/ is missing: run `npm run build` (npm test does it first)');
  if (problems.length) throw new Error('test prerequisites missing:\n  ' + problems.join('\n  '));

  const devkit = await compiledDevkit();
  globalThis.caseworkTemplateDatabase = await devkit.createTemplateDatabase(ADMIN_URL);
  // Workers are forked after global setup: they inherit the name.
  process.env[devkit.TEMPLATE_DATABASE_ENV] = globalThis.caseworkTemplateDatabase.name;
}

/**
 * Jest loads global setup outside its module map (no @casework/* paths, no .ts imports), so it
 * uses the compiled devkit: the template gets dist/'s migrations, as the services under test
 * do. A changed migration needs `npm run build` (npm test runs it first).
 */
async function compiledDevkit(): Promise<typeof import('@casework/devkit')> {
  return import(pathToFileURL(resolve('dist/libs/devkit/src/index.js')).href);
}

function onPath(binary: string): boolean {
  if (existsSync(`/usr/sbin/${binary}`)) return true;
  try {
    execFileSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
