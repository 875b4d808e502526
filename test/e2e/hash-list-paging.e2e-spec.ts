import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { CaseworkSuite } from '@casework/devkit';
import { multipart } from '../support/multipart-mail.js';

const ON_CALL = 'hotline-duty@oncall.test';

/**
 * A hash-list match through the whole suite: an admin uploads a hotline's list, a mail arrives
 * whose attachment is on it, and routing files it in the restricted child-safety queue as an
 * emergency with level-2 triage, the attachment blocked — and the person on call is paged.
 */
describe('an attachment on a hash list pages the on-call person', () => {
  let suite: CaseworkSuite;

  beforeAll(async () => {
    suite = await CaseworkSuite.start({ logLevel: 'warn' });
    const now = Date.now();
    const shift = await suite.api('/oncall/shifts', { method: 'POST', body: { name: 'Hotline duty', email: ON_CALL, from: new Date(now - 60_000).toISOString(), to: new Date(now + 3_600_000).toISOString() } });
    expect(shift.status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await suite?.stop();
  });

  it('files it in the child-safety queue, blocks the attachment and pages', async () => {
    const image = randomBytes(2048);
    const listed = await suite.api('/hash-lists', { method: 'POST', body: { name: 'Hotline list 2026-12', source: 'test hotline', entries: [createHash('sha256').update(image).digest('hex')] } });
    expect(listed.status).toBe(201);

    const subject = 'Look at this picture';
    const raw = multipart(subject, [{ filename: 'photo.png', contentType: 'image/png', content: image }]);
    await suite.append(raw);
    const page = await suite.smtp.waitFor((m) => m.envelopeTo.includes(ON_CALL), 20_000);

    const db = new pg.Client({ connectionString: suite.database.url });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT t.number, t.priority, (t.triage->>'level')::int AS level, q.slug, q.restricted, att.blocked_at IS NOT NULL AS blocked
           FROM article a JOIN ticket t ON t.id = a.ticket_id JOIN queue q ON q.id = t.queue_id JOIN attachment att ON att.article_id = a.id
          WHERE a.subject = $1`,
        [subject],
      );
      expect(rows).toEqual([{ number: expect.any(String), priority: 'emergency', level: 2, slug: 'child-safety', restricted: true, blocked: true }]);
      expect(page.subject).toContain(rows[0].number);
    } finally {
      await db.end();
    }
  }, 60_000);
});
