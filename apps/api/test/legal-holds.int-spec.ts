import { ApiFixture } from './api-fixture.js';

interface Hold {
  id: string;
  scope: string;
  ticketId: string | null;
  contactId: string | null;
  reason: string;
  until: string | null;
  active: boolean;
  releasedAt: string | null;
}
interface Failure {
  code: string;
  message: string;
  fields?: Record<string, string[]>;
  holds?: { id: string; reason: string }[];
}

/** Legal holds over HTTP on the built api: placed, listed, released, and what they refuse. */
describe('legal holds (built process)', () => {
  const app = new ApiFixture();
  let lead: string;
  let specialist: string;

  const user = async (email: string, role: string): Promise<string> => {
    const { body: created } = await app.call<{ id: string }>('/users', { method: 'POST', json: { email, name: role, role } });
    return (await app.call<{ token: string }>(`/users/${created.id}/tokens`, { method: 'POST', json: { name: 'holds' } })).body.token;
  };
  const hold = (path: string, json: object, token = lead) => app.call<Hold & Failure>(path, { method: 'POST', json, token });
  const merge = (id: string, intoTicketId: string) => app.call<Failure>(`/tickets/${id}/merge`, { method: 'POST', json: { intoTicketId }, token: lead });

  beforeAll(async () => {
    await app.start();
    lead = await user('lee@holds.test', 'lead');
    specialist = await user('sam@holds.test', 'specialist');
  }, 90_000);

  afterAll(() => app.stop(), 60_000);

  it('holds a ticket: listed, audited with its reason, refuses a merge naming the hold, and released lets it go', async () => {
    const source = await app.seedTicket('Threat against a moderator', 30);
    const target = await app.seedTicket('Same threat, second mail', 20);
    const placed = await hold(`/tickets/${source.id}/holds`, { reason: 'Police preservation request 2026-4471' });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ scope: 'ticket', ticketId: source.id, contactId: null, reason: 'Police preservation request 2026-4471', until: null, active: true, releasedAt: null });

    const { body: listed } = await app.call<{ items: Hold[] }>(`/holds?ticketId=${source.id}`, { token: lead });
    expect(listed.items.map((h) => h.id)).toEqual([placed.body.id]);
    expect((await app.call<Hold>(`/holds/${placed.body.id}`, { token: lead })).body.reason).toBe('Police preservation request 2026-4471');

    const refused = await merge(source.id, target.id);
    expect([refused.status, refused.body.code]).toEqual([409, 'LegalHoldActive']);
    expect(refused.body.message).toContain(placed.body.id);
    expect(refused.body.holds).toEqual([{ id: placed.body.id, ticketId: source.id, contactId: null, reason: 'Police preservation request 2026-4471' }]);
    // Absorbing another ticket is not losing anything: a held ticket may be a merge's target.
    const other = await app.seedTicket('A third mail', 10);
    expect((await merge(other.id, source.id)).status).toBe(200);

    const releasing = await app.request(`/holds/${placed.body.id}`, { method: 'DELETE', token: lead });
    expect(releasing.status).toBe(204);
    expect((await app.call<{ items: Hold[] }>(`/holds?ticketId=${source.id}`, { token: lead })).body.items).toEqual([]);
    const kept = (await app.call<{ items: Hold[] }>(`/holds?ticketId=${source.id}&includeInactive=true`, { token: lead })).body.items;
    expect(kept).toMatchObject([{ id: placed.body.id, active: false, releasedAt: expect.any(String) }]);
    expect((await merge(source.id, target.id)).status).toBe(200);

    const { body: audit } = await app.call<{ items: { action: string; details: Record<string, unknown>; ticketIds: string[] }[] }>('/audit?action=hold.placed');
    expect(audit.items.find((e) => e.details.holdId === placed.body.id)).toMatchObject({ details: { reason: 'Police preservation request 2026-4471' }, ticketIds: [source.id] });
    const { body: released } = await app.call<{ items: { details: Record<string, unknown> }[] }>('/audit?action=hold.released');
    expect(released.items.map((e) => e.details)).toContainEqual(expect.objectContaining({ holdId: placed.body.id, reason: 'Police preservation request 2026-4471' }));
  });

  it("holds a person: every ticket of theirs, including one opened after the hold", async () => {
    const before = await app.seedTicket('Harassment report', 9);
    const [{ requester_id: contactId }] = await app.ds.query(`SELECT requester_id FROM ticket WHERE id = $1`, [before.id]);
    const placed = await hold(`/contacts/${contactId}/holds`, { reason: 'Court order: preserve all correspondence', until: new Date(Date.now() + 86_400_000).toISOString() });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ scope: 'contact', contactId, ticketId: null, active: true });

    const after = await app.seedTicket('Harassment, again', 8);
    const target = await app.seedTicket('Harassment, third', 7);
    for (const id of [before.id, after.id]) expect((await merge(id, target.id)).body.code).toBe('LegalHoldActive');
    expect((await app.call<{ items: Hold[] }>(`/holds?ticketId=${after.id}`, { token: lead })).body.items.map((h) => h.id)).toEqual([placed.body.id]);

    // Past its `until` a hold protects nothing.
    await app.ds.query(`UPDATE legal_hold SET until = now() - interval '1 second' WHERE id = $1`, [placed.body.id]);
    expect((await app.call<Hold>(`/holds/${placed.body.id}`, { token: lead })).body.active).toBe(false);
    expect((await merge(after.id, target.id)).status).toBe(200);
  });

  it('refuses bad input, deleted and merged tickets, and callers who may not', async () => {
    const ticket = await app.seedTicket('Hold input', 6);
    const bad = await hold(`/tickets/${ticket.id}/holds`, { reason: ' ', until: 'tomorrow' });
    expect([bad.status, Object.keys(bad.body.fields ?? {}).sort()]).toEqual([400, ['reason', 'until']]);
    const past = await hold(`/tickets/${ticket.id}/holds`, { reason: 'x', until: '2020-01-01T00:00:00Z' });
    expect([past.status, past.body.fields?.until]).toEqual([400, ['until must lie in the future']]);

    await app.ds.query(`UPDATE ticket SET purged_at = now() WHERE id = $1`, [ticket.id]);
    const purged = await hold(`/tickets/${ticket.id}/holds`, { reason: 'too late' });
    expect([purged.status, purged.body.code]).toEqual([409, 'HoldRefused']);
    const source = await app.seedTicket('Merged away', 5);
    const target = await app.seedTicket('Merge target', 4);
    expect((await merge(source.id, target.id)).status).toBe(200);
    expect((await hold(`/tickets/${source.id}/holds`, { reason: 'late' })).body.code).toBe('HoldRefused');

    expect((await hold(`/tickets/00000000-0000-4000-8000-000000000000/holds`, { reason: 'x' })).status).toBe(404);
    expect((await hold(`/contacts/00000000-0000-4000-8000-000000000000/holds`, { reason: 'x' })).status).toBe(404);
    expect((await hold(`/tickets/${target.id}/holds`, { reason: 'x' }, specialist)).status).toBe(403);
    expect((await app.request(`/holds/not-a-uuid`, { method: 'DELETE', token: lead })).status).toBe(404);

    // A restricted queue the lead holds no grant on: its tickets do not exist for them, nor their holds.
    const secret = await app.seedTicket('Restricted case', 3);
    const { body: queue } = await app.call<{ id: string }>('/queues', { method: 'POST', json: { slug: 'cp-holds', name: 'Child protection', address: 'cp-holds@casework.test', restricted: true } });
    await app.ds.query(`UPDATE ticket SET queue_id = $2 WHERE id = $1`, [secret.id, queue.id]);
    const { body: byAdmin } = await app.call<Hold>(`/tickets/${secret.id}/holds`, { method: 'POST', json: { reason: 'admin placed, after granting' } });
    expect(byAdmin.id).toBeUndefined();
    const hidden = await hold(`/tickets/${secret.id}/holds`, { reason: 'x' });
    expect([hidden.status, hidden.body.code]).toEqual([404, 'TicketNotFound']);
  });
});
