import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource, RetentionPurge, seedDefaults } from '@casework/database';
import { createMigratedDatabase, type TestDatabase } from '@casework/devkit';

const DAY_MS = 86_400_000;
const quiet = { info: () => undefined };
const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** A small seeded PRNG (mulberry32): each round is reproducible from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Retention's purge on real Postgres: random tickets, holds (ticket and person, some released,
 * some expired) and closure ages; no held ticket loses a byte, every due one is a tombstone with
 * its counts and hashes, and two purges at once take each ticket once.
 */
describe('RetentionPurge (real Postgres)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let mailboxId: string;
  let userId: string;
  /** Attachment contents shared across tickets, so a blob is referenced by purged and kept ones alike. */
  const shared = [randomBytes(64), randomBytes(64), randomBytes(64)];

  beforeAll(async () => {
    db = await createMigratedDatabase();
    ds = createDataSource({ url: db.url, poolSize: 6, applicationName: 'casework-retention-test' });
    await ds.initialize();
    await seedDefaults(ds, { queueAddress: 'safety@retention.test', firstResponseMinutes: 60 });
    [{ id: mailboxId }] = await ds.query(`INSERT INTO mailbox (address, imap_host, imap_port, imap_user, folder) VALUES ('in@retention.test', 'h', 993, 'u', 'INBOX') RETURNING id`);
    [{ id: userId }] = await ds.query(`INSERT INTO app_user (email, name, role) VALUES ('lead@retention.test', 'Lead', 'lead') RETURNING id`);
    for (const content of shared) await ds.query(`INSERT INTO blob (sha256, size, content) VALUES ($1, $2, $3)`, [sha(content), content.length, content]);
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const queue = async (retentionDays: number | null): Promise<string> =>
    (await ds.query(`INSERT INTO queue (slug, name, address, retention_days) VALUES ($1, $1, $2, $3) RETURNING id`, [`q-${randomUUID().slice(0, 8)}`, `${randomUUID()}@retention.test`, retentionDays]))[0].id;

  /** A ticket with two received mails (each with an attachment), a reply and a draft. */
  async function ticket(queueId: string, requesterId: string, status: string, closedDaysAgo: number | null, random: () => number): Promise<string> {
    const closedAt = closedDaysAgo === null ? null : new Date(Date.now() - closedDaysAgo * DAY_MS);
    const [{ id }] = await ds.query(`INSERT INTO ticket (number, subject, status, queue_id, requester_id, closed_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, [
      randomUUID(),
      `subject ${randomUUID()}`,
      status,
      queueId,
      requesterId,
      closedAt,
    ]);
    for (let i = 0; i < 2; i++) {
      const raw = randomBytes(200);
      const [{ id: rawId }] = await ds.query(`INSERT INTO raw_message (mailbox_id, uid_validity, uid, sha256, size, raw, status) VALUES ($1, 1, $2, $3, $4, $5, 'ticketed') RETURNING id`, [
        mailboxId,
        Math.floor(random() * 1e12),
        sha(raw),
        raw.length,
        raw,
      ]);
      const [{ id: articleId }] = await ds.query(
        `INSERT INTO article (ticket_id, direction, from_email, subject, body_text, body_html, raw_message_id, to_addresses) VALUES ($1, 'inbound', 'who@example.org', 's', $2, '<p>b</p>', $3, '[{"email":"safety@retention.test","name":null}]') RETURNING id`,
        [id, `body ${randomUUID()}`, rawId],
      );
      const content = random() < 0.5 ? shared[Math.floor(random() * shared.length)]! : randomBytes(32);
      await ds.query(`INSERT INTO blob (sha256, size, content) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [sha(content), content.length, content]);
      await ds.query(`INSERT INTO attachment (article_id, position, sha256, blob_sha256, filename, declared_content_type, size) VALUES ($1, 0, $2, $2, 'a.png', 'image/png', $3)`, [articleId, sha(content), content.length]);
    }
    const [{ id: outboundId }] = await ds.query(
      `INSERT INTO outbound_message (ticket_id, kind, message_id, from_email, to_email, subject, body_text, status) VALUES ($1, 'reply', $2, 'safety@retention.test', 'who@example.org', 're', 'our answer', 'sent') RETURNING id`,
      [id, `<${randomUUID()}@retention.test>`],
    );
    await ds.query(`INSERT INTO article (ticket_id, direction, subject, body_text, outbound_id) VALUES ($1, 'outbound', 're', 'our answer', $2)`, [id, outboundId]);
    await ds.query(`INSERT INTO ticket_draft (ticket_id, user_id, body) VALUES ($1, $2, 'draft text')`, [id, userId]);
    return id;
  }

  /** Everything of a ticket's content, hashed: equal before and after means not a byte lost. */
  async function fingerprint(ticketId: string): Promise<string> {
    const rows = await ds.query(
      `SELECT t.subject, t.purged_at,
              (SELECT json_agg(json_build_object('s', a.subject, 'b', a.body_text, 'h', a.body_html, 'f', a.from_email, 'to', a.to_addresses, 'raw', encode(sha256(r.raw), 'hex'),
                        'att', (SELECT json_agg(json_build_object('sha', x.sha256, 'f', x.filename, 'blob', encode(sha256(b.content), 'hex')) ORDER BY x.position)
                                  FROM attachment x LEFT JOIN blob b ON b.sha256 = x.blob_sha256 WHERE x.article_id = a.id)) ORDER BY a.created_at, a.id)
                 FROM article a LEFT JOIN raw_message r ON r.id = a.raw_message_id WHERE a.ticket_id = t.id) AS articles,
              (SELECT json_agg(o.body_text || o.to_email ORDER BY o.id) FROM outbound_message o WHERE o.ticket_id = t.id) AS outbound,
              (SELECT json_agg(d.body) FROM ticket_draft d WHERE d.ticket_id = t.id) AS drafts
         FROM ticket t WHERE t.id = $1`,
      [ticketId],
    );
    return sha(JSON.stringify(rows));
  }

  it.each([1, 2, 4])('round %i: no held ticket loses a byte; every due, unheld one is a tombstone with its counts and hashes', async (seed) => {
    const random = prng(seed * 7919);
    const keep = await queue(null);
    const short = await queue(10);
    const contacts: string[] = [];
    for (let i = 0; i < 4; i++) contacts.push((await ds.query(`INSERT INTO contact (email) VALUES ($1) RETURNING id`, [`c${seed}-${i}-${randomUUID()}@example.org`]))[0].id);
    const tickets: { id: string; due: boolean }[] = [];
    for (let i = 0; i < 24; i++) {
      const queueId = random() < 0.25 ? keep : short;
      const status = random() < 0.75 ? 'closed' : (['open', 'pending', 'resolved'] as const)[Math.floor(random() * 3)]!;
      const age = Math.floor(random() * 20);
      const id = await ticket(queueId, contacts[Math.floor(random() * contacts.length)]!, status, status === 'closed' ? age : null, random);
      tickets.push({ id, due: queueId === short && status === 'closed' && age >= 10 });
    }
    // Holds: on tickets and on people; some released, some expired, some lapsing later.
    const holdKinds = ['active', 'released', 'expired', 'later'] as const;
    for (let i = 0; i < 10; i++) {
      const onContact = random() < 0.3;
      const kind = holdKinds[Math.floor(random() * holdKinds.length)]!;
      const target = onContact ? contacts[Math.floor(random() * contacts.length)]! : tickets[Math.floor(random() * tickets.length)]!.id;
      // An expired hold was placed with a future `until` that has passed since.
      await ds.query(
        `INSERT INTO legal_hold (ticket_id, contact_id, reason, until, created_by, released_at, released_by) VALUES ($1, $2, 'r', $3, $4, $5, $6)`,
        [
          onContact ? null : target,
          onContact ? target : null,
          kind === 'expired' ? new Date(Date.now() - DAY_MS) : kind === 'later' ? new Date(Date.now() + DAY_MS) : null,
          userId,
          kind === 'released' ? new Date() : null,
          kind === 'released' ? userId : null,
        ],
      );
    }
    const heldRows: { id: string }[] = await ds.query(
      `SELECT t.id FROM ticket t WHERE t.id = ANY($1::uuid[]) AND EXISTS (SELECT 1 FROM legal_hold h WHERE (h.ticket_id = t.id OR h.contact_id = t.requester_id) AND h.released_at IS NULL AND (h.until IS NULL OR h.until > now()))`,
      [tickets.map((t) => t.id)],
    );
    const held = new Set(heldRows.map((r) => r.id));
    const before = new Map<string, string>();
    for (const t of tickets) before.set(t.id, await fingerprint(t.id));
    const rawHashes = new Map<string, string[]>();
    for (const t of tickets) rawHashes.set(t.id, (await ds.query(`SELECT r.sha256 FROM article a JOIN raw_message r ON r.id = a.raw_message_id WHERE a.ticket_id = $1 ORDER BY a.created_at, a.id`, [t.id])).map((r: { sha256: string }) => r.sha256));

    const report = await new RetentionPurge(ds, quiet).purgeDue(new Date(), 7);

    const purgeable = tickets.filter((t) => t.due && !held.has(t.id));
    expect(report.tickets).toBe(purgeable.length);
    // The seeds give every round both kinds: due tickets taken, and due tickets a hold keeps.
    expect(purgeable.length).toBeGreaterThan(0);
    expect(tickets.filter((t) => t.due && held.has(t.id)).length).toBeGreaterThan(0);
    for (const t of tickets) {
      if (!purgeable.includes(t)) {
        expect(await fingerprint(t.id)).toBe(before.get(t.id));
        continue;
      }
      const [row] = await ds.query(`SELECT subject, status, purged_at, tombstone, search_tokens::text AS tokens FROM ticket WHERE id = $1`, [t.id]);
      expect(row).toMatchObject({ subject: '', status: 'closed', tokens: '' });
      expect(row.purged_at).toBeInstanceOf(Date);
      expect(row.tombstone).toMatchObject({ reason: 'retention', articles: { inbound: 2, outbound: 1, notes: 0 }, attachments: 2, rawMessageSha256: rawHashes.get(t.id) });
      expect(row.tombstone.attachmentSha256).toHaveLength(2);
      const [left] = await ds.query(
        `SELECT (SELECT count(*)::int FROM article WHERE ticket_id = $1 AND (body_text <> '' OR subject <> '' OR body_html IS NOT NULL OR from_email IS NOT NULL OR to_addresses <> '[]')) AS articles,
                (SELECT count(*)::int FROM article a JOIN raw_message r ON r.id = a.raw_message_id WHERE a.ticket_id = $1 AND r.raw IS NOT NULL) AS raw,
                (SELECT count(*)::int FROM attachment x JOIN article a ON a.id = x.article_id WHERE a.ticket_id = $1) AS attachments,
                (SELECT count(*)::int FROM outbound_message WHERE ticket_id = $1 AND (body_text <> '' OR to_email <> '')) AS outbound,
                (SELECT count(*)::int FROM ticket_draft WHERE ticket_id = $1) AS drafts`,
        [t.id],
      );
      expect(left).toEqual({ articles: 0, raw: 0, attachments: 0, outbound: 0, drafts: 0 });
    }
    // No blob is left that nothing references, except the shared ones seeded unreferenced.
    const orphans = await ds.query(`SELECT sha256 FROM blob b WHERE NOT EXISTS (SELECT 1 FROM attachment x WHERE x.blob_sha256 = b.sha256) AND NOT (sha256 = ANY($1::text[]))`, [shared.map((s) => sha(s))]);
    expect(orphans).toEqual([]);
    const [audit] = await ds.query(`SELECT count(*)::int AS events, COALESCE(sum(cardinality(ticket_ids)), 0)::int AS tickets FROM audit_event WHERE action = 'ticket.purged' AND ticket_ids && $1::uuid[]`, [tickets.map((t) => t.id)]);
    expect(audit.tickets).toBe(purgeable.length);
    // A second run finds nothing left to do.
    expect((await new RetentionPurge(ds, quiet).purgeDue(new Date(), 7)).tickets).toBe(0);
  });

  it('two purges at once (two connections each) take each ticket once', async () => {
    const short = await queue(1);
    const [{ id: contactId }] = await ds.query(`INSERT INTO contact (email) VALUES ($1) RETURNING id`, [`race-${randomUUID()}@example.org`]);
    const random = prng(42);
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) ids.push(await ticket(short, contactId, 'closed', 5, random));
    const other = createDataSource({ url: db.url, poolSize: 2, applicationName: 'casework-retention-test-2' });
    await other.initialize();
    try {
      const [a, b] = await Promise.all([new RetentionPurge(ds, quiet).purgeDue(new Date(), 5), new RetentionPurge(other, quiet).purgeDue(new Date(), 5)]);
      expect(a.tickets + b.tickets).toBe(60);
      const events: { ticket_ids: string[] }[] = await ds.query(`SELECT ticket_ids::text[] AS ticket_ids FROM audit_event WHERE action = 'ticket.purged' AND ticket_ids && $1::uuid[]`, [ids]);
      const purged = events.flatMap((e) => e.ticket_ids);
      expect(purged.sort()).toEqual([...ids].sort());
    } finally {
      await other.destroy();
    }
  });

  it('keeps closed_at with the status: set on closing, cleared on reopening', async () => {
    const [{ id: contactId }] = await ds.query(`INSERT INTO contact (email) VALUES ($1) RETURNING id`, [`closing-${randomUUID()}@example.org`]);
    const [{ id }] = await ds.query(`INSERT INTO ticket (number, subject, queue_id, requester_id) VALUES ($1, 's', $2, $3) RETURNING id`, [randomUUID(), await queue(5), contactId]);
    const closedAt = async () => (await ds.query(`SELECT closed_at FROM ticket WHERE id = $1`, [id]))[0].closed_at as Date | null;
    expect(await closedAt()).toBeNull();
    await ds.query(`UPDATE ticket SET status = 'closed' WHERE id = $1`, [id]);
    const first = await closedAt();
    expect(first).toBeInstanceOf(Date);
    await ds.query(`UPDATE ticket SET priority = 'high', status = 'closed' WHERE id = $1`, [id]);
    expect(await closedAt()).toEqual(first);
    await ds.query(`UPDATE ticket SET status = 'open' WHERE id = $1`, [id]);
    expect(await closedAt()).toBeNull();
  });
});
