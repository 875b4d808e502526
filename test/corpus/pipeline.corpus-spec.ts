import { readFileSync } from 'node:fs';
import { ImapFlow } from 'imapflow';
import pg from 'pg';
import { CaseworkSuite } from '@casework/devkit';
import { loadCorpus } from '../support/corpus.js';
import { eventually } from '../support/poll.js';

/**
 * Every corpus message APPENDed to a private Dovecot ends as exactly one article or one
 * quarantined raw message; the counts reconcile and no service dies.
 */
describe('the whole suite over the real-mail corpus', () => {
  let suite: CaseworkSuite;
  let db: pg.Client;

  beforeAll(async () => {
    suite = await CaseworkSuite.start({ logLevel: 'warn' });
    db = new pg.Client({ connectionString: suite.database.url });
    await db.connect();
  }, 90_000);

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
  });

  it('ingests, routes or quarantines every message', async () => {
    const corpus = loadCorpus();
    const client = new ImapFlow({
      host: suite.dovecot.host,
      port: suite.dovecot.port,
      secure: false,
      auth: { user: suite.dovecot.user, pass: suite.dovecot.password },
      logger: false,
    });
    await client.connect();
    let appended = 0;
    const refusedByServer: string[] = [];
    for (const entry of corpus) {
      try {
        await client.append('INBOX', readFileSync(entry.absolutePath));
        appended++;
      } catch {
        // Dovecot refuses e.g. empty messages: they never reach a mailbox.
        refusedByServer.push(entry.path);
      }
    }
    await client.logout();
    expect(refusedByServer.length).toBeLessThan(10);

    const counts = await eventually(
      async () => {
        const { rows } = await db.query(
          `SELECT count(*)::int AS total,
                  count(*) FILTER (WHERE status = 'ticketed')::int AS ticketed,
                  count(*) FILTER (WHERE status = 'quarantined')::int AS quarantined
             FROM raw_message`,
        );
        const row = rows[0];
        return row.total === appended && row.ticketed + row.quarantined === appended ? row : undefined;
      },
      300_000,
      `all ${appended} appended messages to be ticketed or quarantined`,
      500,
    );

    const { rows: articles } = await db.query(`SELECT count(*)::int AS n, count(DISTINCT raw_message_id)::int AS distinct_raw FROM article WHERE direction = 'inbound'`);
    expect(articles[0].n).toBe(counts.ticketed);
    expect(articles[0].distinct_raw).toBe(counts.ticketed);
    const { rows: reasons } = await db.query(`SELECT count(*)::int AS n FROM raw_message WHERE status = 'quarantined' AND coalesce(quarantine_reason, '') = ''`);
    expect(reasons[0].n).toBe(0);
    for (const service of suite.services.values()) expect(service.child.exitCode).toBeNull();
  }, 600_000);
});
