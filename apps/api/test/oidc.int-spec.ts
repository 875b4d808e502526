import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { ApiFixture } from './api-fixture.js';

const AUDIENCE = 'casework-api';

/** A local OpenID provider: discovery document and JWKS over HTTP on 127.0.0.1. */
async function startIssuer(jwk: JWK): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (request.url === '/.well-known/openid-configuration') {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ issuer: url, jwks_uri: `${url}/jwks` }));
    } else if (request.url === '/jwks') {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [{ ...jwk, kid: 'k1', alg: 'RS256', use: 'sig' }] }));
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('OIDC bearer tokens (built process, local issuer)', () => {
  const app = new ApiFixture();
  let issuer: { url: string; server: Server };
  let key: CryptoKey;
  let otherKey: CryptoKey;

  const jwt = (claims: Record<string, unknown>, options: { signWith?: CryptoKey; audience?: string; expiresIn?: string; iss?: string } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(options.iss ?? issuer.url)
      .setAudience(options.audience ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '5m')
      .sign(options.signWith ?? key);

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    otherKey = (await generateKeyPair('RS256')).privateKey;
    issuer = await startIssuer(await exportJWK(pair.publicKey));
    await app.start({ OIDC_ISSUER: issuer.url, OIDC_AUDIENCE: AUDIENCE });
    await app.call('/users', { method: 'POST', json: { email: 'olga@example.org', name: 'Olga', role: 'lead' } });
    await app.call('/users', { method: 'POST', json: { email: 'gone@example.org', name: 'Gone', role: 'lead' } });
    const [{ id }] = await app.ds.query(`SELECT id FROM app_user WHERE email = 'gone@example.org'`);
    await app.call(`/users/${id}`, { method: 'PATCH', json: { disabled: true } });
  }, 90_000);

  afterAll(async () => {
    await app.stop();
    await new Promise((resolve) => issuer?.server.close(resolve));
  }, 60_000);

  it("accepts the issuer's JWT for a known, enabled user (matched by email, case-insensitively)", async () => {
    const me = await app.call<{ email: string; role: string }>('/me', { token: await jwt({ email: 'Olga@Example.org' }) });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: 'olga@example.org', role: 'lead' });
  });

  it.each<[string, () => Promise<string>]>([
    ['an unknown user (no silent provisioning)', () => jwt({ email: 'stranger@example.org' })],
    ['a disabled user', () => jwt({ email: 'gone@example.org' })],
    ['another audience', () => jwt({ email: 'olga@example.org' }, { audience: 'someone-else' })],
    ['another issuer', () => jwt({ email: 'olga@example.org' }, { iss: 'http://127.0.0.1:1/' })],
    ['an expired token', () => jwt({ email: 'olga@example.org' }, { expiresIn: '-10m' })],
    ['a signature by another key', () => jwt({ email: 'olga@example.org' }, { signWith: otherKey })],
    ['an unverified email', () => jwt({ email: 'olga@example.org', email_verified: false })],
    ['no email claim', () => jwt({ sub: 'olga' })],
  ])('refuses %s with 401', async (_name, token) => {
    expect((await app.request('/me', { token: await token() })).status).toBe(401);
  });
});
