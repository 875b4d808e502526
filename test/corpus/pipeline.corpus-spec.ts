import { readFileSync } from 'node:fs';
import pg from 'pg';
import { CaseworkSuite } from '@casework/devkit';
import { KNOWN_SUBJECTS } from '../support/corpus-subjects.js';
import { loadCorpus } from '../support/corpus.js';
import { eventually } from '../support/poll.js';

/**
 * Every corpus message APPENDed to a private Dovecot ends as exactly one article (a ticket's,
 * a follow-up, or a bounce or auto-reply kept as a system note) or one quarantined (or dropped)
 * raw message; the counts reconcile, no bounce or auto-reply opens a ticket outside the
 * postmaster queue, and no service dies.
 */
describe('the whole suite over the real-mail corpus', () => {
  let suite: CaseworkSuite;
  let db: pg.Client;

  beforeAll(async () => {
    suite = await CaseworkSuite.start({ logLevel: 'warn' });
    db = new pg.Client({ connectionString: suite.database.url });
    await db.connect();
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
  });

  it('ingests, routes or quarantines every message', async () => {
    const corpus = loadCorpus();
    const client = await suite.imap();
    let appended = 0;
    const refusedByServer: string[] = [];
    const pathByUid = new Map<string, string>();
    for (const entry of corpus) {
      try {
        const result = await client.append('INBOX', readFileSync(entry.absolutePath));
        if (result && result.uid !== undefined) pathByUid.set(String(result.uid), entry.path);
        appended++;
      } catch {
        // Dovecot refuses e.g. empty messages: they never reach a mailbox.
        refusedByServer.push(entry.path);
      }
    }
    await client.logout();
    expect(refusedByServer.length).toBeLessThan(10);

    let lastCounts: unknown = null;
    const counts = await eventually(
      async () => {
        const { rows } = await db.query(
          `SELECT count(*)::int AS total,
                  count(*) FILTER (WHERE status = 'ticketed')::int AS ticketed,
                  count(*) FILTER (WHERE status = 'quarantined')::int AS quarantined,
                  count(*) FILTER (WHERE status = 'duplicate')::int AS duplicates,
                  count(*) FILTER (WHERE status = 'dropped')::int AS dropped
             FROM raw_message`,
        );
        const row = rows[0];
        lastCounts = row;
        return row.total === appended && row.ticketed + row.quarantined + row.duplicates + row.dropped === appended ? row : undefined;
      },
      300_000,
      `all ${appended} appended messages to be ticketed, quarantined or recorded as duplicates`,
      500,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; last counts ${JSON.stringify(lastCounts)}\n${suite.logs().split('\n').filter((l) => /"level":(40|50|60)/.test(l)).slice(-20).join('\n')}`);
    });

    const { rows: articles } = await db.query(`SELECT count(*)::int AS n, count(DISTINCT raw_message_id)::int AS distinct_raw FROM article WHERE raw_message_id IS NOT NULL`);
    expect(articles[0].n).toBe(counts.ticketed);
    expect(articles[0].distinct_raw).toBe(counts.ticketed);
    // Duplicates are byte-identical copies (the corpus holds some; Dovecot normalises line endings).
    const { rows: orphans } = await db.query(`SELECT count(*)::int AS n FROM raw_message d LEFT JOIN raw_message o ON o.id = d.duplicate_of WHERE d.status = 'duplicate' AND (o.id IS NULL OR o.sha256 <> d.sha256)`);
    expect(orphans[0].n).toBe(0);
    const { rows: reasons } = await db.query(`SELECT count(*)::int AS n FROM raw_message WHERE status = 'quarantined' AND coalesce(quarantine_reason, '') = ''`);
    expect(reasons[0].n).toBe(0);
    for (const service of suite.services.values()) expect(service.child.exitCode).toBeNull();

    // Bounces and auto-replies (as INDEX.tsv tags them) open no ticket outside the postmaster queue.
    const reportPaths = new Set(corpus.filter((entry) => entry.tags.some((tag) => tag === 'bounce/dsn' || tag.startsWith('auto-reply'))).map((entry) => entry.path));
    const { rows: opened } = await db.query<{ uid: string; queue: string; system_note: string | null }>(
      `SELECT r.uid::text AS uid, q.slug AS queue, a.system_note FROM raw_message r JOIN article a ON a.raw_message_id = r.id
         JOIN ticket t ON t.id = a.ticket_id JOIN queue q ON q.id = t.queue_id WHERE a.direction = 'inbound'`,
    );
    const misfiled = opened.filter((row) => reportPaths.has(pathByUid.get(row.uid) ?? '') && row.queue !== 'postmaster' && row.system_note === null).map((row) => pathByUid.get(row.uid));
    // Two tagged bounces are a person forwarding a bounce to us: tickets like any other.
    expect(misfiled.sort()).toEqual(['sisimai-set-of-emails/maildir/bsd/lhost-sendmail-14.eml', 'sisimai-set-of-emails/maildir/err/make-test-36.eml']);

    // Subjects in exotic charsets reach the ticket's article as a reader should see them.
    const { rows: subjects } = await db.query<{ uid: string; subject: string }>(
      `SELECT r.uid::text AS uid, a.subject FROM raw_message r JOIN article a ON a.raw_message_id = coalesce(r.duplicate_of, r.id)`,
    );
    const subjectByPath = new Map(subjects.map((row) => [pathByUid.get(row.uid), row.subject]));
    for (const known of KNOWN_SUBJECTS) expect({ path: known.path, subject: subjectByPath.get(known.path) }).toEqual({ path: known.path, subject: known.subject });
  }, 600_000);
});
