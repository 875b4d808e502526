import { ApiFixture } from './api-fixture.js';

interface Session {
  user: { id: string; email: string; role: string };
  expiresAt: string;
}

const CSRF = { 'x-casework-csrf': '1' };

/** The web inbox's sign-in over HTTP against the built api: token → cookie, CSRF, sign-out, revocation. */
describe('web sessions (built process)', () => {
  const app = new ApiFixture();
  let userId = '';

  beforeAll(async () => {
    await app.start();
    const { body: user } = await app.call<{ id: string }>('/users', { method: 'POST', json: { email: 'sam@sessions.test', name: 'Sam', role: 'specialist' } });
    userId = user.id;
  }, 90_000);
  afterAll(() => app.stop(), 60_000);

  const newToken = async () => (await app.call<{ id: string; token: string }>(`/users/${userId}/tokens`, { method: 'POST', json: { name: 'browser' } })).body;
  const signIn = (token: string, headers: Record<string, string> = CSRF) => app.request('/sessions', { method: 'POST', token: null, headers, json: { token } });
  const cookieOf = (response: Response) => /^casework_session=([^;]*)/.exec(response.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const withCookie = (cookie: string, init: RequestInit & { json?: unknown } = {}) => app.request('/me', { token: null, ...init, headers: { cookie, ...(init.headers as Record<string, string>) } });

  it('exchanges a token for an HttpOnly, SameSite=Strict cookie on /api that authenticates the user', async () => {
    const token = await newToken();
    const response = await signIn(token.token);
    expect(response.status).toBe(201);
    const body = (await response.json()) as Session;
    expect(body.user).toMatchObject({ id: userId, email: 'sam@sessions.test', role: 'specialist' });
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^casework_session=[A-Za-z0-9_-]{43}; /);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/api');
    // Plain http here: Secure would keep the browser from ever sending it back.
    expect(setCookie).not.toContain('Secure');
    expect(JSON.stringify(body)).not.toContain(token.token);

    const me = await withCookie(cookieOf(response));
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: userId });
    const [row] = await app.ds.query(`SELECT count(*)::int AS n FROM web_session WHERE user_id = $1 AND api_token_id = $2`, [userId, token.id]);
    expect(row.n).toBe(1);
  });

  it('refuses a change made with the cookie but without the CSRF header (403), and allows it with the header', async () => {
    const cookie = cookieOf(await signIn((await newToken()).token));
    const { body: created } = await app.call<{ id: string }>(`/users/${userId}/tokens`, { method: 'POST', json: { name: 'to-revoke' } });
    const refused = await app.request(`/tokens/${created.id}`, { method: 'DELETE', token: null, headers: { cookie } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'CsrfHeaderMissing' });
    const allowed = await app.request(`/tokens/${created.id}`, { method: 'DELETE', token: null, headers: { cookie, ...CSRF } });
    expect(allowed.status).toBe(204);
    // Reads need no header; bearer requests never do.
    expect((await withCookie(cookie)).status).toBe(200);
    const { body: other } = await app.call<{ id: string }>(`/users/${userId}/tokens`, { method: 'POST', json: { name: 'bearer-revoke' } });
    expect((await app.request(`/tokens/${other.id}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('refuses the exchange itself without the CSRF header (login CSRF)', async () => {
    const response = await signIn((await newToken()).token, {});
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('signs out: the cookie is cleared and the session no longer authenticates', async () => {
    const cookie = cookieOf(await signIn((await newToken()).token));
    const out = await app.request('/sessions', { method: 'DELETE', token: null, headers: { cookie, ...CSRF } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^casework_session=; .*Max-Age=0/);
    expect((await withCookie(cookie)).status).toBe(401);
  });

  it('ends the session when its token is revoked or its user disabled', async () => {
    const token = await newToken();
    const cookie = cookieOf(await signIn(token.token));
    expect((await withCookie(cookie)).status).toBe(200);
    expect((await app.request(`/tokens/${token.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await withCookie(cookie)).status).toBe(401);

    const second = cookieOf(await signIn((await newToken()).token));
    expect((await withCookie(second)).status).toBe(200);
    expect((await app.request(`/users/${userId}`, { method: 'PATCH', json: { disabled: true } })).status).toBe(200);
    expect((await withCookie(second)).status).toBe(401);
    expect((await app.request(`/users/${userId}`, { method: 'PATCH', json: { disabled: false } })).status).toBe(200);
  });

  it('ends an idle session and one past its absolute end', async () => {
    const idle = cookieOf(await signIn((await newToken()).token));
    const old = cookieOf(await signIn((await newToken()).token));
    await app.ds.query(`UPDATE web_session SET last_seen_at = now() - interval '2 hours' WHERE id = (SELECT id FROM web_session ORDER BY created_at DESC OFFSET 1 LIMIT 1)`);
    await app.ds.query(`UPDATE web_session SET expires_at = now() - interval '1 second' WHERE id = (SELECT id FROM web_session ORDER BY created_at DESC LIMIT 1)`);
    expect((await withCookie(idle)).status).toBe(401);
    expect((await withCookie(old)).status).toBe(401);
  });

  it('answers 401 to a bad token and 400 to a missing one, and records sign-ins in the audit trail', async () => {
    const bad = await signIn('cw_not-a-real-token-at-all-0123456789');
    expect(bad.status).toBe(401);
    expect(bad.headers.get('set-cookie')).toBeNull();
    expect((await app.request('/sessions', { method: 'POST', token: null, headers: CSRF, json: {} })).status).toBe(400);
    const [row] = await app.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'session.created' AND actor_id = $1`, [userId]);
    expect(row.n).toBeGreaterThan(0);
    const [secret] = await app.ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE details::text LIKE '%cw_%'`);
    expect(secret.n).toBe(0);
  });
});
