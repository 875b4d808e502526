import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/** One authorization the provider granted, kept until its code is exchanged. */
interface Grant {
  clientId: string;
  redirectUri: string;
  nonce: string;
  codeChallenge: string;
  email: string;
}

/** What the next sign-in at the provider does: whose e-mail it vouches for, and how it misbehaves. */
export interface ProviderBehaviour {
  email: string;
  /** Sign the id_token with this nonce instead of the one the request carried. */
  nonceOverride?: string;
}

/**
 * A local OpenID provider on 127.0.0.1 for tests: discovery, JWKS, an /authorize that signs the
 * person in at once and redirects straight back with a code bound to the request's nonce and
 * PKCE challenge, and a /token that checks the verifier (S256), client and redirect URI before
 * answering an id_token signed with jose. Every refusal is counted, so a test can tell why.
 */
export class FakeOidcProvider {
  url = '';
  readonly refusals: string[] = [];
  readonly tokenRequests: URLSearchParams[] = [];
  next: ProviderBehaviour = { email: 'nobody@example.org' };
  private server!: Server;
  private key!: CryptoKey;
  private jwk!: JWK;
  private readonly grants = new Map<string, Grant>();

  constructor(private readonly client: { clientId: string; clientSecret?: string }) {}

  async start(): Promise<this> {
    const pair = await generateKeyPair('RS256');
    this.key = pair.privateKey;
    this.jwk = { ...(await exportJWK(pair.publicKey)), kid: 'fake-1', alg: 'RS256', use: 'sig' };
    this.server = createServer((request, response) => {
      this.answer(request)
        .then(({ status, headers, body }) => {
          response.writeHead(status, headers);
          response.end(body);
        })
        .catch((error: unknown) => {
          response.writeHead(500);
          response.end(String(error));
        });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async answer(request: IncomingMessage): Promise<{ status: number; headers: Record<string, string>; body: string }> {
    const url = new URL(request.url ?? '/', this.url);
    const json = (status: number, value: unknown) => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, { issuer: this.url, authorization_endpoint: `${this.url}/authorize`, token_endpoint: `${this.url}/token`, jwks_uri: `${this.url}/jwks`, code_challenge_methods_supported: ['S256'] });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [this.jwk] });
    if (url.pathname === '/authorize' && request.method === 'GET') return this.authorize(url.searchParams);
    if (url.pathname === '/token' && request.method === 'POST') return this.token(new URLSearchParams(await bodyOf(request)), json);
    return { status: 404, headers: {}, body: '' };
  }

  private authorize(params: URLSearchParams) {
    const refuse = (why: string) => {
      this.refusals.push(`authorize: ${why}`);
      return { status: 400, headers: { 'content-type': 'text/plain' }, body: why };
    };
    const redirectUri = params.get('redirect_uri') ?? '';
    if (params.get('response_type') !== 'code') return refuse('response_type');
    if (params.get('client_id') !== this.client.clientId) return refuse('client_id');
    if (!(params.get('scope') ?? '').split(' ').includes('openid')) return refuse('scope');
    if (params.get('code_challenge_method') !== 'S256' || !params.get('code_challenge')) return refuse('code_challenge');
    if (!params.get('nonce') || !params.get('state') || !URL.canParse(redirectUri)) return refuse('nonce, state or redirect_uri');
    const code = randomBytes(16).toString('hex');
    this.grants.set(code, { clientId: this.client.clientId, redirectUri, nonce: params.get('nonce')!, codeChallenge: params.get('code_challenge')!, email: this.next.email });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    back.searchParams.set('state', params.get('state')!);
    return { status: 302, headers: { location: back.href }, body: '' };
  }

  private async token(form: URLSearchParams, json: (status: number, value: unknown) => { status: number; headers: Record<string, string>; body: string }) {
    this.tokenRequests.push(form);
    const refuse = (why: string) => {
      this.refusals.push(`token: ${why}`);
      return json(400, { error: 'invalid_grant', error_description: why });
    };
    const grant = this.grants.get(form.get('code') ?? '');
    // A code is good once.
    this.grants.delete(form.get('code') ?? '');
    if (form.get('grant_type') !== 'authorization_code') return refuse('grant_type');
    if (!grant) return refuse('unknown code');
    if (form.get('client_id') !== grant.clientId) return refuse('client_id');
    if (this.client.clientSecret !== undefined && form.get('client_secret') !== this.client.clientSecret) return refuse('client_secret');
    if (form.get('redirect_uri') !== grant.redirectUri) return refuse('redirect_uri');
    const challenge = createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url');
    if (challenge !== grant.codeChallenge) return refuse('code_verifier');
    const idToken = await new SignJWT({ email: grant.email, email_verified: true, nonce: this.next.nonceOverride ?? grant.nonce })
      .setProtectedHeader({ alg: 'RS256', kid: 'fake-1' })
      .setIssuer(this.url)
      .setAudience(grant.clientId)
      .setSubject(grant.email)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(this.key);
    return json(200, { access_token: randomBytes(16).toString('hex'), token_type: 'Bearer', expires_in: 300, id_token: idToken });
  }
}

function bodyOf(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
