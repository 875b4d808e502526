import { ImapFlow } from 'imapflow';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { createDatabase, DEFAULT_ADMIN_URL, ensureDatabase, databaseExists } from './create-database.js';
import { startDovecot } from './start-dovecot.js';
import { startNats } from './start-nats.js';
import { startPostgres } from './start-postgres.js';
import { freePort } from './free-port.js';
import pg from 'pg';

const client = (s: { host: string; port: number; user: string; password: string }, idle = false) =>
  new ImapFlow({ host: s.host, port: s.port, secure: false, auth: { user: s.user, pass: s.password }, logger: false, disableAutoIdle: idle });

it('timings', async () => {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = Date.now();
    const s = await startDovecot();
    times.push(Date.now() - t);
    const t2 = Date.now();
    await s.stop();
    times.push(-(Date.now() - t2));
  }
  console.log('dovecot start/stop ms', times.join(' '));
  let t = Date.now(); const n = await startNats(); console.log('nats start', Date.now() - t); t = Date.now(); await n.stop(); console.log('nats stop', Date.now()-t);
  t = Date.now(); const p = await startPostgres(); console.log('pg start', Date.now() - t); t = Date.now(); await p.restart(); console.log('pg restart', Date.now()-t); t = Date.now(); await p.stop(); console.log('pg stop', Date.now()-t);
});

it('idle latency', async () => {
  const s = await startDovecot();
  const w = client(s, true); const a = client(s);
  await w.connect(); await a.connect();
  await w.mailboxOpen('INBOX');
  let appendedAt = 0;
  const got = new Promise<number>((r) => w.on('exists', () => r(Date.now() - appendedAt)));
  void w.idle();
  await new Promise((r) => setTimeout(r, 100));
  appendedAt = Date.now();
  await a.append('INBOX', 'Subject: x\r\n\r\nhi\r\n');
  console.log('idle exists latency after append start', await got);
  await a.logout(); await w.logout(); await s.stop();
});

it('dir persists', async () => {
  const dir = '/tmp/casework-devkit-scratch/dovecot';
  let s = await startDovecot({ dir });
  let c = client(s); await c.connect(); await c.append('INBOX', 'Subject: keep\r\n\r\nhi\r\n'); await c.logout();
  await s.stop();
  s = await startDovecot({ dir, password: 'changed' });
  c = client(s); await c.connect(); const st = await c.status('INBOX', { messages: true }); await c.logout();
  console.log('persisted messages', st && st.messages);
  await s.stop();
  expect(existsSync(dir)).toBe(true);
});

it('port clash errors', async () => {
  const port = await freePort();
  const blocker = createServer(); await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', r));
  try {
    await startDovecot({ port }).then(() => console.log('UNEXPECTED dovecot start'), (e: Error) => console.log('dovecot clash:', e.message.slice(0, 600)));
    await startNats({ port }).then(() => console.log('UNEXPECTED nats'), (e: Error) => console.log('nats clash:', e.message.slice(0, 600)));
    await startPostgres({ port }).then(() => console.log('UNEXPECTED pg'), (e: Error) => console.log('pg clash:', e.message.slice(0, 600)));
  } finally { blocker.close(); }
});

it('template + ensure', async () => {
  const tpl = await createDatabase({});
  const c = new pg.Client({ connectionString: tpl.url }); await c.connect(); await c.query('create table t(x int)'); await c.end();
  const clone = await createDatabase({ template: tpl.name });
  const c2 = new pg.Client({ connectionString: clone.url }); await c2.connect(); console.log('clone has t', (await c2.query("select to_regclass('t') as r")).rows[0]); await c2.end();
  await clone.drop(); await tpl.drop();
  await ensureDatabase(DEFAULT_ADMIN_URL, 'casework_scratch_ensure'); await ensureDatabase(DEFAULT_ADMIN_URL, 'casework_scratch_ensure');
  console.log('ensure exists', await databaseExists(DEFAULT_ADMIN_URL, 'casework_scratch_ensure'));
  const pgc = new pg.Client({ connectionString: DEFAULT_ADMIN_URL }); await pgc.connect(); await pgc.query('drop database casework_scratch_ensure'); await pgc.end();
});
