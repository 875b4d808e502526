import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, runMigrations } from '@casework/database';
import { MIGRATIONS } from '../src/migrations/index.js';
import { createDatabase, type TestDatabase } from '@casework/devkit';

const BIG_MAIL_COLUMNS = ['raw_message.raw', 'article.body_text', 'article.body_html', 'blob.content'];

/**
 * The schema's own behaviour, on a fresh database: every migration applies and the newest ones
 * undo and redo cleanly; big mail columns use lz4 where the server has it; any write to the
 * mailbox table notifies `casework_mailboxes` at its commit.
 */
describe('migrations (real Postgres)', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createDatabase({ adminUrl: process.env.TEST_DATABASE_ADMIN_URL });
    expect(await runMigrations(db.url)).toHaveLength(MIGRATIONS.length);
    ds = createDataSource({ url: db.url, poolSize: 2 });
    await ds.initialize();
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  async function compression(): Promise<Record<string, string>> {
    const rows: { col: string; method: string }[] = await ds.query(
      `SELECT attrelid::regclass || '.' || attname AS col, attcompression::text AS method
         FROM pg_attribute WHERE attrelid::regclass::text IN ('raw_message', 'article', 'blob') AND attnum > 0 AND NOT attisdropped`,
    );
    const byColumn = Object.fromEntries(rows.map((r) => [r.col, r.method]));
    return Object.fromEntries(BIG_MAIL_COLUMNS.map((col) => [col, byColumn[col]]));
  }

  async function serverHasLz4(): Promise<boolean> {
    const runner = ds.createQueryRunner();
    try {
      await runner.query(`SET default_toast_compression = 'lz4'`);
      return true;
    } catch {
      return false;
    } finally {
      await runner.release();
    }
  }

  it('compresses raw messages, article bodies and blobs with lz4 (pglz only where the server lacks lz4)', async () => {
    const expected = (await serverHasLz4()) ? 'l' : '';
    expect(await compression()).toEqual(Object.fromEntries(BIG_MAIL_COLUMNS.map((col) => [col, expected])));
  });

  it('notifies casework_mailboxes once per committed mailbox write, and not for a rolled-back one', async () => {
    const listener = new pg.Client({ connectionString: db.url });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(n.channel));
    await listener.query('LISTEN casework_mailboxes');
    try {
      const [queue] = await ds.query(`INSERT INTO queue (slug, name, address) VALUES ('notify-test', 'Notify test', 'notify@casework.test') RETURNING id`);
      await ds.query(
        `INSERT INTO mailbox (address, imap_host, imap_port, imap_user, folder, queue_id) VALUES ('n1@casework.test', 'imap.example', 143, 'u', 'A', $1), ('n2@casework.test', 'imap.example', 143, 'u', 'B', $1)`,
        [queue.id],
      );
      await ds.transaction(async (tx) => {
        await tx.query(`UPDATE mailbox SET enabled = false WHERE folder = 'A'`);
        throw new Error('roll back');
      }).catch(() => undefined);
      await ds.query(`DELETE FROM mailbox WHERE folder IN ('A', 'B')`);
      await new Promise((r) => setTimeout(r, 300));
      // One for the two-row insert, one for the delete; none for the rolled-back update.
      expect(heard).toEqual(['casework_mailboxes', 'casework_mailboxes']);
    } finally {
      await listener.end();
    }
  });

  it('undoes and redoes its newest migrations', async () => {
    // Back to before the mailbox trigger: every migration since is undone, newest first.
    const newest = MIGRATIONS.slice(MIGRATIONS.findIndex((m) => new m().name === 'MailboxChangeNotify1764900000000'));
    for (let i = 0; i < newest.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(Object.values(await compression()).every((method) => method === '')).toBe(true);
    expect(await ds.query(`SELECT 1 FROM pg_trigger WHERE tgname = 'mailbox_changed'`)).toHaveLength(0);
    expect(await ds.query(`SELECT to_regclass('dead_letter') AS t`)).toEqual([{ t: null }]);
    expect((await ds.runMigrations({ transaction: 'each' })).map((m) => m.name)).toEqual(newest.map((m) => new m().name));
    expect(await ds.query(`SELECT 1 FROM pg_trigger WHERE tgname = 'mailbox_changed'`)).toHaveLength(1);
    expect(await ds.query(`SELECT to_regclass('dead_letter')::text AS t`)).toEqual([{ t: 'dead_letter' }]);
  });
});
