import { ApiFixture } from './api-fixture.js';

interface AuditEvent {
  id: string;
  action: string;
  actor: { id: string | null; email: string | null };
  subject: string;
  ticketIds: string[];
  queueId: string | null;
  details: Record<string, unknown>;
  requestId: string | null;
  hash: string;
  prevHash: string;
}

/** The audit trail over HTTP: one event per change, a verifiable chain, scoped reading. */
describe('audit trail (built process)', () => {
  const app = new ApiFixture();
  beforeAll(() => app.start(), 90_000);
  afterAll(() => app.stop(), 60_000);

  const events = async (query = '', token?: string) => (await app.call<{ items: AuditEvent[]; nextCursor: string | null }>(`/audit${query}`, token ? { token } : {})).body.items;

  it('records each change once, with who, what and the changed fields, and never a secret', async () => {
    const created = await app.call<{ id: string }>('/users', { method: 'POST', json: { email: 'ann@audit.test', name: 'Ann', role: 'specialist' }, headers: { 'x-request-id': 'req-create-ann' } });
    await app.call(`/users/${created.body.id}`, { method: 'PATCH', json: { role: 'lead' } });
    const token = await app.call<{ id: string; token: string }>(`/users/${created.body.id}/tokens`, { method: 'POST', json: { name: 'laptop' } });
    // A failed change records nothing.
    expect((await app.call('/users', { method: 'POST', json: { email: 'ann@audit.test', name: 'Ann', role: 'specialist' } })).status).toBe(409);

    const trail = await events();
    expect(trail.map((e) => e.action)).toEqual(['token.created', 'user.updated', 'user.created']);
    const [tokenEvent, updated, createdEvent] = trail;
    expect(createdEvent).toMatchObject({ actor: { email: 'bootstrap@casework.local' }, subject: `user:${created.body.id}`, requestId: 'req-create-ann' });
    expect(updated.details).toEqual({ role: { before: 'specialist', after: 'lead' } });
    expect(tokenEvent.subject).toBe(`token:${token.body.id}`);
    expect(JSON.stringify(trail)).not.toContain(token.body.token);

    expect((await app.call<{ ok: boolean; checked: number }>('/audit/verify')).body).toEqual({ ok: true, checked: 3, firstBrokenId: null });
  });

  it('filters by actor and action and pages newest first', async () => {
    const [{ id: bootstrapId }] = await app.ds.query(`SELECT id FROM app_user WHERE email = 'bootstrap@casework.local'`);
    expect((await events(`?actorId=${bootstrapId}&action=user.created`)).map((e) => e.action)).toEqual(['user.created']);
    const first = await app.call<{ items: AuditEvent[]; nextCursor: string }>('/audit?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await app.call<{ items: AuditEvent[]; nextCursor: string | null }>(`/audit?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.items.map((e) => e.id)).not.toContain(first.body.items[0].id);
    const bad = await app.call<{ fields: Record<string, string[]> }>('/audit?since=yesterday&action=DROP');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['action', 'since']);
  });

  it('records one event for a burst of bad tokens from one address', async () => {
    for (let i = 0; i < 7; i++) await app.request('/me', { token: `cw_${'y'.repeat(43)}` });
    const bursts = await events('?action=auth.failed_burst');
    expect(bursts).toHaveLength(1);
    expect(bursts[0]).toMatchObject({ actor: { id: null, email: null }, subject: expect.stringMatching(/^ip:/) });
  });

  it('records every one of many concurrent changes, each with its own request, in one unbroken chain', async () => {
    const created = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        app.call<{ id: string }>('/users', { method: 'POST', json: { email: `burst-${i}@audit.test`, name: `Burst ${i}`, role: 'specialist' }, headers: { 'x-request-id': `req-burst-${i}` } }),
      ),
    );
    expect(created.map((r) => r.status)).toEqual(created.map(() => 201));
    const recorded = (await events('?action=user.created&limit=100')).filter((e) => e.requestId?.startsWith('req-burst-'));
    expect(recorded.map((e) => e.subject).sort()).toEqual(created.map((r) => `user:${r.body.id}`).sort());
    expect(new Set(recorded.map((e) => e.requestId)).size).toBe(25);
    expect((await app.call<{ ok: boolean }>('/audit/verify')).body.ok).toBe(true);
  });

  it('reports a row altered behind its back', async () => {
    const [victim] = await events('?action=user.updated');
    await app.ds.query(`ALTER TABLE audit_event DISABLE TRIGGER USER`);
    await app.ds.query(`UPDATE audit_event SET details = '{"role":{"before":"specialist","after":"admin"}}' WHERE id = $1`, [victim.id]);
    await app.ds.query(`ALTER TABLE audit_event ENABLE TRIGGER USER`);
    const verdict = await app.call<{ ok: boolean; firstBrokenId: string }>('/audit/verify');
    expect(verdict.body).toMatchObject({ ok: false, firstBrokenId: victim.id });
  });
});
