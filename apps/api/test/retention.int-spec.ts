import { QueueRepository, TicketRepository } from '@casework/database';
import { ApiFixture } from './api-fixture.js';

interface Failure {
  code: string;
  message: string;
  holds?: { id: string; ticketId: string | null; contactId: string | null; reason: string }[];
}
interface Ticket {
  id: string;
  number: string;
  status: string;
  subject: string | null;
  purgedAt: string | null;
  tombstone: { reason: string; articles: { inbound: number; outbound: number; notes: number }; attachments: number; rawMessageSha256: string[] } | null;
  articles?: unknown[];
}

/** Deletion, erasure and retention's dry-run over HTTP on the built api. */
describe('deletion, erasure and retention (built process)', () => {
  const app = new ApiFixture();
  const tickets = new TicketRepository();
  let lead: string;

  /** A ticket from `from` (its requester), with `cc` copied, whose body carries `words`. */
  const mail = (from: { email: string; name: string }, words: string, cc: { email: string; name: string }[] = []) =>
    app.ds.transaction(async (tx) => {
      const queue = await new QueueRepository().findDefault(tx);
      const requesterId = await tickets.upsertContact(tx, from);
      const opened = await tickets.open(tx, { subject: `About ${words}`, queueId: queue!.id, requesterId, priority: 'normal' });
      await tickets.addArticle(tx, {
        ticketId: opened.id,
        direction: 'inbound',
        from,
        to: [{ email: 'safety@casework.test', name: null }],
        cc,
        subject: `About ${words}`,
        text: `Please look at ${words} again`,
        html: null,
        messageId: `${opened.id}@mail.example`,
        inReplyTo: null,
        references: [],
        automated: false,
      });
      return { ...opened, requesterId };
    });
  const search = async (q: string) => (await app.call<{ items: { ticket: { id: string } }[] }>(`/search?q=${encodeURIComponent(q)}`)).body.items.map((i) => i.ticket.id);
  const holdOn = async (path: string) => (await app.call<{ id: string }>(path, { method: 'POST', json: { reason: 'court order 17' } })).body.id;

  beforeAll(async () => {
    await app.start();
    const { body: user } = await app.call<{ id: string }>('/users', { method: 'POST', json: { email: 'lee@retention.test', name: 'Lee', role: 'lead' } });
    lead = (await app.call<{ token: string }>(`/users/${user.id}/tokens`, { method: 'POST', json: { name: 't' } })).body.token;
  }, 90_000);

  afterAll(() => app.stop(), 60_000);

  it('DELETE /tickets/:id leaves the tombstone (admin only); a held ticket is refused naming the hold; a tombstone is 409', async () => {
    const seeded = await app.seedTicket('Delete me', 5);
    expect((await app.call<Failure>(`/tickets/${seeded.id}`, { method: 'DELETE', token: lead })).status).toBe(403);

    const holdId = await holdOn(`/tickets/${seeded.id}/holds`);
    const refused = await app.call<Failure>(`/tickets/${seeded.id}`, { method: 'DELETE' });
    expect([refused.status, refused.body.code]).toEqual([409, 'LegalHoldActive']);
    expect(refused.body.holds).toEqual([{ id: holdId, ticketId: seeded.id, contactId: null, reason: 'court order 17' }]);
    expect((await app.call<Ticket>(`/tickets/${seeded.id}`)).body.articles).toHaveLength(2);
    expect((await app.request(`/holds/${holdId}`, { method: 'DELETE' })).status).toBe(204);

    const deleted = await app.call<Ticket>(`/tickets/${seeded.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id: seeded.id, number: seeded.number, status: 'closed', subject: '', tombstone: { reason: 'deletion', articles: { inbound: 1, outbound: 1, notes: 0 }, attachments: 0, rawMessageSha256: [] } });
    expect(deleted.body.purgedAt).not.toBeNull();
    const shown = (await app.call<Ticket>(`/tickets/${seeded.id}`)).body;
    expect([shown.articles, shown.purgedAt]).toEqual([[], deleted.body.purgedAt]);
    expect(await search('Delete me')).not.toContain(seeded.id);

    // Nothing is written to a tombstone: no reopening, no reply, no note.
    for (const [path, method, json] of [[`/tickets/${seeded.id}`, 'PATCH', { status: 'open' }], [`/tickets/${seeded.id}/replies`, 'POST', { body: 'hello?' }], [`/tickets/${seeded.id}/notes`, 'POST', { body: 'n' }]] as const) {
      const refusedWrite = await app.call<Failure>(path, { method, json });
      expect([path, method, refusedWrite.status, refusedWrite.body.code]).toEqual([path, method, 409, 'TicketPurged']);
    }
    const again = await app.call<Failure>(`/tickets/${seeded.id}`, { method: 'DELETE' });
    expect([again.status, again.body.code]).toEqual([409, 'TicketPurged']);
    const hold = await app.call<Failure>(`/tickets/${seeded.id}/holds`, { method: 'POST', json: { reason: 'late' } });
    expect([hold.status, hold.body.code]).toEqual([409, 'HoldRefused']);
    const [audit] = await app.ds.query(`SELECT details FROM audit_event WHERE action = 'ticket.deleted' AND $1 = ANY(ticket_ids)`, [seeded.id]);
    expect(audit.details).toMatchObject({ reason: 'deletion', tickets: 1, articles: 2 });
  });

  it('POST /contacts/:id/erase removes the person from search, bodies and addresses; refused whole under a hold; audited without the address', async () => {
    const eve = { email: 'eve.erasable@example.org', name: 'Eve Erasable' };
    const own = await mail(eve, 'quetzalfjord');
    const other = await mail({ email: 'olga@example.org', name: 'Olga Other' }, 'unrelatedword', [eve]);
    expect(await search('quetzalfjord')).toEqual([own.id]);
    expect(await search('look from:eve.erasable@example.org')).toEqual([own.id]);

    const holdId = await holdOn(`/contacts/${own.requesterId}/holds`);
    const refused = await app.call<Failure>(`/contacts/${own.requesterId}/erase`, { method: 'POST' });
    expect([refused.status, refused.body.code, refused.body.holds?.map((h) => h.id)]).toEqual([409, 'LegalHoldActive', [holdId]]);
    expect(await search('quetzalfjord')).toEqual([own.id]);
    expect((await app.request(`/holds/${holdId}`, { method: 'DELETE' })).status).toBe(204);
    expect((await app.call(`/contacts/${own.requesterId}/erase`, { method: 'POST', token: lead })).status).toBe(403);

    const erased = await app.call<Record<string, unknown>>(`/contacts/${own.requesterId}/erase`, { method: 'POST' });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ contactId: own.requesterId, tickets: 1, articles: 0, mentions: 1 });
    expect(await search('quetzalfjord')).toEqual([]);
    expect(await search('look from:eve.erasable@example.org')).toEqual([]);
    expect(await search('Erasable')).toEqual([]);
    const [contact] = await app.ds.query(`SELECT email, name, erased_at FROM contact WHERE id = $1`, [own.requesterId]);
    expect(contact).toMatchObject({ email: `erased-${own.requesterId}@erased.invalid`, name: null });
    const [leftovers] = await app.ds.query(
      `SELECT count(*)::int AS count FROM article WHERE (body_text ILIKE '%quetzalfjord%' OR to_addresses::text ILIKE '%eve.erasable%' OR cc_addresses::text ILIKE '%eve.erasable%' OR from_email ILIKE '%eve.erasable%')`,
    );
    expect(leftovers.count).toBe(0);
    // The other person's mail stays, without Eve's address.
    expect((await app.call<{ articles: { text: string; cc: { email: string }[] }[] }>(`/tickets/${other.id}`)).body.articles[0]).toMatchObject({
      text: 'Please look at unrelatedword again',
      cc: [{ email: `erased-${own.requesterId}@erased.invalid` }],
    });
    const audit: { details: unknown }[] = await app.ds.query(`SELECT details FROM audit_event WHERE action = 'contact.erased'`);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toMatch(/eve|erasable|quetzalfjord/i);

    // She writes again: a new person, her old tickets stay erased.
    const again = await mail(eve, 'secondletter');
    expect(again.requesterId).not.toBe(own.requesterId);
  });

  it('retentionDays on queues (1 or more, or null) and the dry-run lists what would go, changing nothing', async () => {
    const { body: queues } = await app.call<{ items: { id: string; slug: string; retentionDays: number | null }[] }>('/queues');
    const queue = queues.items.find((q) => q.slug !== 'spam' && q.slug !== 'postmaster' && q.retentionDays === null)!;
    expect((await app.call(`/queues/${queue.id}`, { method: 'PATCH', json: { retentionDays: 0 } })).status).toBe(400);
    const patched = await app.call<{ retentionDays: number }>(`/queues/${queue.id}`, { method: 'PATCH', json: { retentionDays: 30 } });
    expect([patched.status, patched.body.retentionDays]).toEqual([200, 30]);
    const old = await app.seedTicket('Closed long ago', 3);
    await app.ds.query(`UPDATE ticket SET status = 'closed', queue_id = $2 WHERE id = $1`, [old.id, queue.id]);
    await app.ds.query(`UPDATE ticket SET closed_at = now() - interval '31 days' WHERE id = $1`, [old.id]);

    expect((await app.call('/retention/dry-run', { method: 'POST', token: lead })).status).toBe(403);
    const { status, body } = await app.call<{ queues: { queueId: string; due: number }[]; tickets: { id: string; number: string }[] }>('/retention/dry-run', { method: 'POST' });
    expect(status).toBe(200);
    expect(body.queues.find((q) => q.queueId === queue.id)?.due).toBeGreaterThanOrEqual(1);
    expect(body.tickets.map((t) => t.id)).toContain(old.id);
    expect((await app.call<Ticket>(`/tickets/${old.id}`)).body.purgedAt).toBeNull();
    expect((await app.call(`/queues/${queue.id}`, { method: 'PATCH', json: { retentionDays: null } })).status).toBe(200);
  });
});
