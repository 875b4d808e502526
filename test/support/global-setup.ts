import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import pg from 'pg';

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Integration and e2e suites need real servers. A missing one fails the run with the way
 * to get it; nothing is skipped silently.
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
