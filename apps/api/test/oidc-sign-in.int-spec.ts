import { FakeOidcProvider } from '../../../test/support/fake-oidc-provider.js';
import { ApiFixture } from './api-fixture.js';

// The client id is left to default to OIDC_AUDIENCE here; the e2e sets OIDC_CLIENT_ID.
const CLIENT_ID = 'casework-web';
const CLIENT_SECRET = 'the-web-client-secret';

/** A cookie's `name=value` from a response's Set-Cookie headers, or undefined. */
function cookieIn(response: Response, name: string): string | undefined {
  const line = response.headers.getSetCookie().find((header) => header.startsWith(`${name}=`));
  return line?.split(';')[0];
}

function setCookieLine(response: Response, name: string): string {
  return response.headers.getSetCookie().find((header) => header.startsWith(`${name}=`)) ?? '';
}

/**
 * Single sign-on for the web inbox against the built api and a local OpenID provider: the whole
 * authorization code + PKCE flow with manual redirects, as a browser would follow them, and
 * each way it must end without a session.
 */
describe('OIDC sign-in for the web inbox (built process, local provider)', () => {
  const app = new ApiFixture();
  const provider = new FakeOidcProvider({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  let olgaId = '';

  beforeAll(async () => {
    await provider.start();
    await app.start({ OIDC_ISSUER: provider.url, OIDC_AUDIENCE: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET });
    ({ body: { id: olgaId } } = await app.call<{ id: string }>('/users', { method: 'POST', json: { email: 'olga@example.org', name: 'Olga', role: 'lead' } }));
    const { body: gone } = await app.call<{ id: string }>('/users', { method: 'POST', json: { email: 'gone@example.org', name: 'Gone', role: 'lead' } });
    await app.call(`/users/${gone.id}`, { method: 'PATCH', json: { disabled: true } });
  }, 90_000);

  afterAll(async () => {
    await app.stop();
    await provider.stop();
  }, 60_000);

  /** Start at the API, let the provider answer, and come back to the callback; `tamper` may change what the browser brings. */
  async function signInAs(email: string, tamper: { state?: (state: string) => string; flowCookie?: (cookie: string) => string } = {}) {
    provider.next = { ...provider.next, email };
    const start = await app.request('/sessions/oidc', { token: null, redirect: 'manual' });
    expect(start.status).toBe(302);
    const flowCookie = cookieIn(start, 'casework_oidc_flow')!;
    expect(flowCookie).toBeDefined();
    const atProvider = await fetch(start.headers.get('location')!, { redirect: 'manual' });
    expect(atProvider.status).toBe(302);
    const callback = new URL(atProvider.headers.get('location')!);
    if (tamper.state) callback.searchParams.set('state', tamper.state(callback.searchParams.get('state')!));
    const back = await fetch(callback, { redirect: 'manual', headers: { cookie: tamper.flowCookie ? tamper.flowCookie(flowCookie) : flowCookie } });
    return { start, back, session: cookieIn(back, 'casework_session') };
  }

  const me = (cookie: string) => app.request('/me', { token: null, headers: { cookie } });

  it('offers single sign-on on the sign-in page', async () => {
    expect((await app.call('/sessions/methods', { token: null })).body).toEqual({ token: true, oidc: true });
  });

  it('redirects to the authorization endpoint with code, PKCE S256, state and nonce, keeping the secrets in a Lax flow cookie', async () => {
    const start = await app.request('/sessions/oidc', { token: null, redirect: 'manual' });
    expect(start.status).toBe(302);
    const location = new URL(start.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(`${provider.url}/authorize`);
    const params = Object.fromEntries(location.searchParams);
    expect(params).toMatchObject({ response_type: 'code', client_id: CLIENT_ID, scope: 'openid email profile', code_challenge_method: 'S256', redirect_uri: `${app.base}/sessions/oidc/callback` });
    expect(params.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const flow = setCookieLine(start, 'casework_oidc_flow');
    expect(flow).toContain('HttpOnly');
    expect(flow).toContain('SameSite=Lax');
    expect(flow).toContain('Path=/api/v1/sessions/oidc');
    expect(flow).toContain('Max-Age=600');
    // The verifier never leaves the browser's cookie for the URL: only its challenge does.
    const verifier = flow.split(';')[0].split('=')[1].split('.')[2];
    expect(start.headers.get('location')).not.toContain(verifier);
  });

  it('signs a known user in: the session cookie authenticates /me, the flow cookie is cleared, the session is audited as via oidc', async () => {
    const { back, session } = await signInAs('Olga@Example.org');
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/');
    expect(session).toMatch(/^casework_session=[A-Za-z0-9_-]{43}$/);
    expect(setCookieLine(back, 'casework_session')).toContain('SameSite=Strict');
    expect(setCookieLine(back, 'casework_oidc_flow')).toContain('Max-Age=0');
    const answer = await me(session!);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ id: olgaId, email: 'olga@example.org' });

    const exchange = provider.tokenRequests.at(-1)!;
    expect(exchange.get('client_secret')).toBe(CLIENT_SECRET);
    expect(exchange.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await app.ds.query(`SELECT count(*)::int AS n FROM web_session WHERE user_id = $1 AND via = 'oidc' AND api_token_id IS NULL`, [olgaId]);
    expect(row.n).toBe(1);
    const [event] = await app.ds.query(`SELECT details FROM audit_event WHERE action = 'session.created' AND actor_id = $1`, [olgaId]);
    expect(event.details).toEqual({ via: 'oidc', tokenId: null });
  });

  it('opens no session when the state does not match the flow cookie', async () => {
    const { back, session } = await signInAs('olga@example.org', { state: (state) => `${state.slice(0, -1)}${state.endsWith('A') ? 'B' : 'A'}` });
    expect(back.headers.get('location')).toBe('/?signIn=failed');
    expect(session).toBeUndefined();
  });

  it('opens no session for a callback without the flow cookie', async () => {
    const { back, session } = await signInAs('olga@example.org', { flowCookie: () => '' });
    expect(back.headers.get('location')).toBe('/?signIn=failed');
    expect(session).toBeUndefined();
  });

  it('opens no session when the id_token carries another nonce', async () => {
    provider.next = { email: 'olga@example.org', nonceOverride: 'a-nonce-of-another-sign-in' };
    try {
      const { back, session } = await signInAs('olga@example.org');
      expect(back.headers.get('location')).toBe('/?signIn=failed');
      expect(session).toBeUndefined();
    } finally {
      provider.next = { email: 'olga@example.org' };
    }
  });

  it('opens no session when the PKCE verifier is not the one challenged (the token endpoint refuses)', async () => {
    const refusalsBefore = provider.refusals.length;
    const otherVerifier = 'x'.repeat(43);
    const { back, session } = await signInAs('olga@example.org', { flowCookie: (cookie) => cookie.replace(/^([^.]+\.[^.]+\.)[^.]+/, `$1${otherVerifier}`) });
    expect(back.headers.get('location')).toBe('/?signIn=failed');
    expect(session).toBeUndefined();
    expect(provider.refusals.slice(refusalsBefore)).toEqual(['token: code_verifier']);
  });

  it.each([
    ['an e-mail no user has', 'stranger@example.org'],
    ['a disabled user', 'gone@example.org'],
  ])('opens no session for %s and says why (signIn=unknown)', async (_case, email) => {
    const { back, session } = await signInAs(email);
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/?signIn=unknown');
    expect(session).toBeUndefined();
    const [row] = await app.ds.query(`SELECT count(*)::int AS n FROM web_session s JOIN app_user u ON u.id = s.user_id WHERE u.email = $1`, [email]);
    expect(row.n).toBe(0);
  });

  it('refuses a replayed callback (the code was used, the flow cookie is gone)', async () => {
    provider.next = { email: 'olga@example.org' };
    const start = await app.request('/sessions/oidc', { token: null, redirect: 'manual' });
    const flowCookie = cookieIn(start, 'casework_oidc_flow')!;
    const callback = (await fetch(start.headers.get('location')!, { redirect: 'manual' })).headers.get('location')!;
    const first = await fetch(callback, { redirect: 'manual', headers: { cookie: flowCookie } });
    expect(cookieIn(first, 'casework_session')).toBeDefined();
    const again = await fetch(callback, { redirect: 'manual', headers: { cookie: flowCookie } });
    expect(again.headers.get('location')).toBe('/?signIn=failed');
    expect(cookieIn(again, 'casework_session')).toBeUndefined();
  });
});

describe('OIDC sign-in when not configured (built process)', () => {
  const app = new ApiFixture();
  beforeAll(() => app.start(), 90_000);
  afterAll(() => app.stop(), 60_000);

  it('offers the token only, and the flow is not there', async () => {
    expect((await app.call('/sessions/methods', { token: null })).body).toEqual({ token: true, oidc: false });
    expect((await app.request('/sessions/oidc', { token: null, redirect: 'manual' })).status).toBe(404);
    const callback = await app.request('/sessions/oidc/callback?code=x&state=y', { token: null, redirect: 'manual' });
    expect(callback.headers.get('location')).toBe('/?signIn=failed');
    expect(cookieIn(callback, 'casework_session')).toBeUndefined();
  });
});
