import { ApiFixture } from './api-fixture.js';

interface User {
  id: string;
  email: string;
  role: string;
  locale: string;
  timeZone: string;
  disabled: boolean;
}
interface CreatedToken {
  id: string;
  name: string;
  token: string;
  expiresAt: string | null;
}

/** Users, their tokens and /me over HTTP against the built api. */
describe('identities and tokens (built process)', () => {
  const app = new ApiFixture();

  beforeAll(() => app.start(), 90_000);
  afterAll(() => app.stop(), 60_000);

  const createUser = async (body: object) => app.call<User>('/users', { method: 'POST', json: body });
  const newToken = async (userId: string, body: object = { name: 'laptop' }, token?: string) =>
    app.call<CreatedToken>(`/users/${userId}/tokens`, { method: 'POST', json: body, ...(token ? { token } : {}) });

  it('the bootstrap token acts as the built-in admin', async () => {
    const me = await app.call<User & { grants: unknown[] }>('/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: 'bootstrap@casework.local', role: 'admin', disabled: false, grants: [] });
    expect((me.body as unknown as { capabilities: string[] }).capabilities).toEqual(expect.arrayContaining(['users:manage', 'queues:manage', 'templates:manage']));
  });

  it('creates users, refusing bad fields by name and a taken email case-insensitively', async () => {
    const created = await createUser({ email: 'Sam@Example.org', name: 'Sam', role: 'specialist', locale: 'pt-br', timeZone: 'America/Sao_Paulo' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'Sam@Example.org', role: 'specialist', locale: 'pt-BR', timeZone: 'America/Sao_Paulo', disabled: false });
    expect((await createUser({ email: 'sam@example.ORG', name: 'Other Sam', role: 'lead' })).status).toBe(409);

    const bad = await app.call<{ fields: Record<string, string[]> }>('/users', {
      method: 'POST',
      json: { email: 'not-an-email', name: 'X', role: 'superuser', locale: 'no such locale', timeZone: 'Mars/Base' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['email', 'locale', 'role', 'timeZone']);
  });

  it('runs a token through its life: create, use, list, revoke; expiry and a disabled user end it too', async () => {
    const { body: user } = await createUser({ email: 'tess@example.org', name: 'Tess', role: 'specialist' });
    const created = await newToken(user.id);
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^cw_[A-Za-z0-9_-]{43}$/);

    const me = await app.call<User & { capabilities: string[] }>('/me', { token: created.body.token });
    expect(me.body).toMatchObject({ id: user.id, role: 'specialist', capabilities: ['sla:view'] });

    const listed = await app.call<{ items: Record<string, unknown>[] }>(`/users/${user.id}/tokens`, { token: created.body.token });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([{ id: created.body.id, name: 'laptop', expiresAt: null, createdAt: expect.any(String), lastUsedAt: expect.any(String) }]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    const [{ stored }] = await app.ds.query(`SELECT encode(token_sha256, 'hex') AS stored FROM api_token WHERE id = $1`, [created.body.id]);
    expect(stored).toHaveLength(64);

    // A specialist manages their own tokens only, and is not an admin.
    expect((await app.call('/users', { token: created.body.token })).status).toBe(403);
    expect((await newToken(await app.bootstrapUserId(), { name: 'x' }, created.body.token)).status).toBe(403);

    expect((await app.request(`/tokens/${created.body.id}`, { method: 'DELETE', token: created.body.token })).status).toBe(204);
    expect((await app.request('/me', { token: created.body.token })).status).toBe(401);

    // Expired: a token whose expiry passed is refused; one in the past cannot be asked for.
    const past = await newToken(user.id, { name: 'old', expiresAt: new Date(Date.now() - 60_000).toISOString() });
    expect(past.status).toBe(400);
    const soon = await newToken(user.id, { name: 'soon', expiresAt: new Date(Date.now() + 60_000).toISOString() });
    await app.ds.query(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1`, [soon.body.id]);
    expect((await app.request('/me', { token: soon.body.token })).status).toBe(401);

    // Disabling the user stops every token at once.
    const a = await newToken(user.id, { name: 'a' });
    const b = await newToken(user.id, { name: 'b' });
    expect((await app.request('/me', { token: a.body.token })).status).toBe(200);
    expect((await app.call(`/users/${user.id}`, { method: 'PATCH', json: { disabled: true } })).status).toBe(200);
    expect((await app.request('/me', { token: a.body.token })).status).toBe(401);
    expect((await app.request('/me', { token: b.body.token })).status).toBe(401);
  });

  it('lets every user change their own language and time zone, and nothing else of themselves', async () => {
    const { body: user } = await createUser({ email: 'pref@example.org', name: 'Pref', role: 'specialist' });
    const { body: token } = await newToken(user.id);
    const changed = await app.call<User>('/me', { method: 'PATCH', json: { locale: 'AR', timeZone: 'Asia/Tokyo' }, token: token.token });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: user.id, role: 'specialist', locale: 'ar', timeZone: 'Asia/Tokyo' });
    const escalate = await app.call<{ fields: Record<string, string[]> }>('/me', { method: 'PATCH', json: { role: 'admin', timeZone: 'Mars/Base' }, token: token.token });
    expect([escalate.status, Object.keys(escalate.body.fields).sort()]).toEqual([400, ['role', 'timeZone']]);
    expect((await app.call<User>(`/users/${user.id}`)).body).toMatchObject({ role: 'specialist', timeZone: 'Asia/Tokyo' });
    const [event] = await app.ds.query(`SELECT details FROM audit_event WHERE action = 'user.preferences_changed' ORDER BY seq DESC LIMIT 1`);
    expect(event.details).toMatchObject({ locale: { before: 'en', after: 'ar' } });
  });

  it('keeps at least one enabled admin', async () => {
    const bootstrap = await app.bootstrapUserId();
    const demoted = await app.call<{ code: string }>(`/users/${bootstrap}`, { method: 'PATCH', json: { role: 'lead' } });
    expect(demoted.status).toBe(409);
    expect(demoted.body.code).toBe('LastAdmin');
    const { body: other } = await createUser({ email: 'ada@example.org', name: 'Ada', role: 'admin' });
    const { body: adaToken } = await newToken(other.id);
    expect((await app.call(`/users/${bootstrap}`, { method: 'PATCH', json: { disabled: true } })).status).toBe(200);
    // Even the bootstrap token stops when its user is disabled.
    expect((await app.request('/me')).status).toBe(401);
    expect((await app.call(`/users/${other.id}`, { method: 'PATCH', json: { role: 'specialist' }, token: adaToken.token })).status).toBe(409);
    expect((await app.call(`/users/${bootstrap}`, { method: 'PATCH', json: { disabled: false }, token: adaToken.token })).status).toBe(200);
    expect((await app.request('/me')).status).toBe(200);
  });

  it('slows down repeated bad tokens from one address', async () => {
    const timings: number[] = [];
    for (let i = 0; i < 8; i++) {
      const started = Date.now();
      expect((await app.request('/me', { token: `cw_${'x'.repeat(43)}` })).status).toBe(401);
      timings.push(Date.now() - started);
    }
    // The sixth to eighth wait 100, 200 and 400 ms.
    expect(timings[7]).toBeGreaterThanOrEqual(380);
  });

  it('answers 404 for an unknown user and an unknown token', async () => {
    expect((await app.request('/users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await app.request('/users/not-a-uuid')).status).toBe(404);
    expect((await app.request('/tokens/00000000-0000-4000-8000-000000000000', { method: 'DELETE' })).status).toBe(404);
  });
});
