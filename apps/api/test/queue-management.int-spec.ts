import { ApiFixture } from './api-fixture.js';

interface Queue {
  id: string;
  slug: string;
  name: string;
  address: string;
  restricted: boolean;
  opsEmails: string[];
  addresses: string[];
  role: string | null;
  unknownSenderFollowup: string;
  reopenWindowDays: number;
  spamScoreThreshold: number | null;
}

type Fields = { fields: Record<string, string[]> };

describe('queue management and grants (built process)', () => {
  const app = new ApiFixture();
  beforeAll(() => app.start(), 90_000);
  afterAll(() => app.stop(), 60_000);

  it('creates a restricted queue, refusing a taken slug or address and naming bad fields', async () => {
    const created = await app.call<Queue>('/queues', { method: 'POST', json: { slug: 'child-protection', name: 'Child protection', address: 'cp@casework.test', restricted: true } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ slug: 'child-protection', restricted: true, opsEmails: [] });
    expect((await app.call('/queues', { method: 'POST', json: { slug: 'child-protection', name: 'X', address: 'x@casework.test' } })).status).toBe(409);
    expect((await app.call('/queues', { method: 'POST', json: { slug: 'other', name: 'X', address: 'CP@casework.test' } })).status).toBe(409);
    const bad = await app.call<{ fields: Record<string, string[]> }>('/queues', { method: 'POST', json: { slug: 'Bad Slug', name: '', address: 'nope', restricted: 'yes' } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['address', 'name', 'restricted', 'slug']);

    const { body: list } = await app.call<{ items: Queue[] }>('/queues');
    expect(list.items.map((q) => [q.slug, q.restricted])).toEqual(expect.arrayContaining([['child-protection', true], ['safety', false]]));
  });

  it('changes the given fields only', async () => {
    const { body: queue } = await app.call<Queue>('/queues', { method: 'POST', json: { slug: 'general', name: 'General', address: 'general@casework.test' } });
    const changed = await app.call<Queue>(`/queues/${queue.id}`, { method: 'PATCH', json: { restricted: true, name: 'General help' } });
    expect(changed.body).toMatchObject({ name: 'General help', address: 'general@casework.test', restricted: true, defaultLocale: null, timeZone: null, emergency: false });
    expect((await app.call(`/queues/${queue.id}`, { method: 'PATCH', json: { address: 'cp@casework.test' } })).status).toBe(409);
    expect((await app.call('/queues/00000000-0000-4000-8000-000000000000', { method: 'PATCH', json: { name: 'x' } })).status).toBe(404);
  });

  it('turns round-robin on open on with a cap per assignee; a cap outside 1..1000 is a 400', async () => {
    const { body: queue } = await app.call<Queue>('/queues', { method: 'POST', json: { slug: 'rota', name: 'Rota', address: 'rota@casework.test', autoAssign: true } });
    expect(queue).toMatchObject({ autoAssign: true, maxOpenPerAssignee: 10 });
    expect((await app.call<Queue>(`/queues/${queue.id}`, { method: 'PATCH', json: { maxOpenPerAssignee: 3 } })).body).toMatchObject({ autoAssign: true, maxOpenPerAssignee: 3 });
    expect((await app.call<Queue>(`/queues/${queue.id}`, { method: 'PATCH', json: { autoAssign: false } })).body).toMatchObject({ autoAssign: false, maxOpenPerAssignee: 3 });
    const bad = await app.call<{ fields: Record<string, string[]> }>(`/queues/${queue.id}`, { method: 'PATCH', json: { maxOpenPerAssignee: 0, autoAssign: 'yes' } });
    expect([bad.status, Object.keys(bad.body.fields).sort()]).toEqual([400, ['autoAssign', 'maxOpenPerAssignee']]);
  });

  it("sets the language, time zone and emergency flag of a queue's mail; null clears them; a bad locale or zone is a 400", async () => {
    const { body: queue } = await app.call<Queue>('/queues', { method: 'POST', json: { slug: 'ayuda', name: 'Ayuda', address: 'ayuda@casework.test', defaultLocale: 'es', timeZone: 'Europe/Madrid' } });
    expect(queue).toMatchObject({ defaultLocale: 'es', timeZone: 'Europe/Madrid', emergency: false });
    const flagged = await app.call<Queue>(`/queues/${queue.id}`, { method: 'PATCH', json: { emergency: true } });
    expect(flagged.body).toMatchObject({ defaultLocale: 'es', timeZone: 'Europe/Madrid', emergency: true });
    const cleared = await app.call<Queue>(`/queues/${queue.id}`, { method: 'PATCH', json: { defaultLocale: null, timeZone: null } });
    expect(cleared.body).toMatchObject({ defaultLocale: null, timeZone: null, emergency: true });
    const bad = await app.call<{ fields: Record<string, string[]> }>(`/queues/${queue.id}`, { method: 'PATCH', json: { defaultLocale: 'sp', timeZone: 'Mars/Olympus', emergency: 'yes' } });
    expect([bad.status, Object.keys(bad.body.fields).sort()]).toEqual([400, ['defaultLocale', 'emergency', 'timeZone']]);
    // Only the nullable settings take null; for the others a null is a 400 naming it, and nothing changes.
    const nulls = { name: null, address: null, restricted: null, emergency: null, reopenWindowDays: null, unknownSenderFollowup: null, autoAssign: null, maxOpenPerAssignee: null };
    const refused = await app.call<{ fields: Record<string, string[]> }>(`/queues/${queue.id}`, { method: 'PATCH', json: nulls });
    expect([refused.status, Object.keys(refused.body.fields).sort()]).toEqual([400, Object.keys(nulls).sort()]);
    const after = (await app.call<{ items: Queue[] }>('/queues')).body.items.find((q) => q.id === queue.id);
    expect(after).toMatchObject({ name: 'Ayuda', address: 'ayuda@casework.test', emergency: true });
  });

  it('replaces the grant list and answers it, refusing unknown users and repeats', async () => {
    const { body: queue } = await app.call<Queue>('/queues', { method: 'POST', json: { slug: 'grants', name: 'Grants', address: 'grants@casework.test', restricted: true } });
    const { body: sam } = await app.call<{ id: string }>('/users', { method: 'POST', json: { email: 'sam@grants.test', name: 'Sam', role: 'specialist' } });
    const { body: lee } = await app.call<{ id: string }>('/users', { method: 'POST', json: { email: 'lee@grants.test', name: 'Lee', role: 'lead' } });
    expect((await app.call(`/queues/${queue.id}/access`)).body).toEqual({ grants: [] });

    const grants = [{ userId: sam.id, level: 'read' }, { userId: lee.id, level: 'write' }];
    const put = await app.call<{ grants: unknown[] }>(`/queues/${queue.id}/access`, { method: 'PUT', json: { grants } });
    expect(put.status).toBe(200);
    expect(put.body.grants).toEqual(expect.arrayContaining(grants));
    expect((await app.call<{ grants: unknown[] }>(`/queues/${queue.id}/access`)).body.grants).toHaveLength(2);

    const { body: samToken } = await app.call<{ token: string }>(`/users/${sam.id}/tokens`, { method: 'POST', json: { name: 't' } });
    const me = await app.call<{ grants: unknown[] }>('/me', { token: samToken.token });
    expect(me.body.grants).toEqual([{ queueId: queue.id, slug: 'grants', level: 'read' }]);

    const unknown = await app.call<{ fields: Record<string, string[]> }>(`/queues/${queue.id}/access`, {
      method: 'PUT',
      json: { grants: [{ userId: '00000000-0000-4000-8000-000000000000', level: 'read' }] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields.grants).toEqual(['grants.0.userId is not a user']);
    expect((await app.call(`/queues/${queue.id}/access`, { method: 'PUT', json: { grants: [grants[0], grants[0]] } })).status).toBe(400);
    expect((await app.call(`/queues/${queue.id}/access`, { method: 'PUT', json: { grants: [{ userId: sam.id, level: 'admin' }] } })).status).toBe(400);

    expect((await app.call(`/queues/${queue.id}/access`, { method: 'PUT', json: { grants: [] } })).body).toEqual({ grants: [] });
  });

  it('takes further addresses (each one queue\'s) and routing settings, naming bad fields', async () => {
    const created = await app.call<Queue>('/queues', {
      method: 'POST',
      json: { slug: 'abuse', name: 'Abuse', address: 'abuse@casework.test', addresses: ['Report@Casework.test', 'report@casework.test', 'phish@casework.test'], unknownSenderFollowup: 'new_ticket', reopenWindowDays: 7, spamScoreThreshold: 8.5 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ address: 'abuse@casework.test', addresses: ['report@casework.test', 'phish@casework.test'], role: null, unknownSenderFollowup: 'new_ticket', reopenWindowDays: 7, spamScoreThreshold: 8.5 });
    // Another queue's primary or further address is taken, whichever field names it.
    expect((await app.call('/queues', { method: 'POST', json: { slug: 'x1', name: 'X', address: 'PHISH@casework.test' } })).status).toBe(409);
    expect((await app.call('/queues', { method: 'POST', json: { slug: 'x2', name: 'X', address: 'x2@casework.test', addresses: ['abuse@casework.test'] } })).status).toBe(409);
    expect((await app.call('/queues', { method: 'POST', json: { slug: 'x3', name: 'X', address: 'x3@casework.test', addresses: ['safety@casework.test'] } })).status).toBe(409);

    const patched = await app.call<Queue>(`/queues/${created.body.id}`, { method: 'PATCH', json: { addresses: ['phish@casework.test'], spamScoreThreshold: null, reopenWindowDays: 0 } });
    expect(patched.body).toMatchObject({ addresses: ['phish@casework.test'], spamScoreThreshold: null, reopenWindowDays: 0, unknownSenderFollowup: 'new_ticket' });
    expect((await app.call<Queue>(`/queues/${created.body.id}`, { method: 'PATCH', json: { name: 'Abuse desk' } })).body).toMatchObject({ addresses: ['phish@casework.test'], spamScoreThreshold: null });

    const bad = await app.call<Fields>(`/queues/${created.body.id}`, { method: 'PATCH', json: { addresses: ['not an address'], unknownSenderFollowup: 'ignore', reopenWindowDays: -1, spamScoreThreshold: 'high' } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['addresses', 'reopenWindowDays', 'spamScoreThreshold', 'unknownSenderFollowup']);
    expect(Object.keys((await app.call<Fields>(`/queues/${created.body.id}`, { method: 'PATCH', json: { addresses: 'phish@casework.test' } })).body.fields)).toEqual(['addresses']);
  });

  it('refuses addresses on the system queues, which routing fills by itself', async () => {
    const { body: list } = await app.call<{ items: Queue[] }>('/queues');
    const spam = list.items.find((queue) => queue.role === 'spam')!;
    const refused = await app.call<Fields>(`/queues/${spam.id}`, { method: 'PATCH', json: { addresses: ['spam@casework.test'] } });
    expect([refused.status, Object.keys(refused.body.fields)]).toEqual([400, ['addresses']]);
    expect((await app.call<Queue>(`/queues/${spam.id}`, { method: 'PATCH', json: { opsEmails: ['spam-review@casework.test'] } })).status).toBe(200);
  });

  it('counts open and breached tickets per queue, over the queues the caller sees, metadata readers included', async () => {
    type Counts = { items: { queueId: string; open: number; breached: number }[] };
    const { body: list } = await app.call<{ items: Queue[] }>('/queues');
    const safety = list.items.find((queue) => queue.slug === 'safety')!;
    const restricted = list.items.find((queue) => queue.slug === 'child-protection')!;
    const before = (await app.call<Counts>('/queues/counts')).body.items.find((row) => row.queueId === safety.id) ?? { open: 0, breached: 0 };
    const late = await app.seedTicket('Counted late', 30);
    await app.seedBreach(late.id);
    await app.seedTicket('Counted on time', 20);
    const answered = await app.seedTicket('Counted, breached but answered', 10);
    await app.seedBreach(answered.id);
    await app.ds.query(`UPDATE sla_clock SET met_at = now() WHERE ticket_id = $1`, [answered.id]);
    const hidden = await app.seedTicket('Counted in a restricted queue', 5);
    await app.ds.query(`UPDATE ticket SET queue_id = $2 WHERE id = $1`, [hidden.id, restricted.id]);

    const countsAs = async (token?: string) => (await app.call<Counts>('/queues/counts', token ? { token } : {})).body.items;
    const admin = await countsAs();
    expect(admin.find((row) => row.queueId === safety.id)).toEqual({ queueId: safety.id, open: before.open + 3, breached: before.breached + 1 });
    // Restricted: need-to-know, even for an admin without a grant.
    expect(admin.find((row) => row.queueId === restricted.id)).toBeUndefined();

    const tokenOf = async (role: string) => {
      const { body: user } = await app.call<{ id: string }>('/users', { method: 'POST', json: { email: `${role}@counts.test`, name: role, role } });
      return { id: user.id, token: (await app.call<{ token: string }>(`/users/${user.id}/tokens`, { method: 'POST', json: { name: 'counts' } })).body.token };
    };
    const ops = await tokenOf('ops');
    expect((await countsAs(ops.token)).find((row) => row.queueId === safety.id)).toMatchObject({ open: before.open + 3, breached: before.breached + 1 });
    const specialist = await tokenOf('specialist');
    expect((await countsAs(specialist.token)).some((row) => row.queueId === restricted.id)).toBe(false);
    expect((await app.call(`/queues/${restricted.id}/access`, { method: 'PUT', json: { grants: [{ userId: specialist.id, level: 'read' }] } })).status).toBe(200);
    expect((await countsAs(specialist.token)).find((row) => row.queueId === restricted.id)).toEqual({ queueId: restricted.id, open: 1, breached: 0 });
    expect((await app.request('/queues/counts', { token: null })).status).toBe(401);
  });
});
