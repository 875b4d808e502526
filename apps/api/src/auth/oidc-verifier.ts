import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';

export interface OidcSettings {
  issuer?: string;
  audience?: string;
  jwksUrl?: string;
}

/** What the browser sign-in needs of the issuer's `/.well-known/openid-configuration`. */
export interface OidcDiscovery {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
}

/** Clock skew tolerated between the issuer and us. */
const CLOCK_TOLERANCE_S = 30;

/**
 * Verifies an OIDC JWT against its issuer's JWKS (fetched once and cached by jose, refreshed on
 * an unknown key id) and answers its verified `email`, or null for any token that is not one.
 * The issuer's discovery document is read once (a failure is retried next time) and also
 * serves the web inbox's sign-in, which needs its authorization and token endpoints.
 */
export class OidcVerifier {
  private keys: Promise<JWTVerifyGetKey> | null = null;
  private discovered: Promise<OidcDiscovery> | null = null;

  constructor(private readonly settings: OidcSettings) {}

  get enabled(): boolean {
    return this.settings.issuer !== undefined;
  }

  /** A bearer JWT: the issuer's, for OIDC_AUDIENCE when set. */
  verifiedEmail(token: string): Promise<string | null> {
    return this.verify(token, this.settings.audience);
  }

  /**
   * An id_token from the code exchange: the issuer's, for this client, carrying the nonce the
   * sign-in started with (else it may be one replayed from another sign-in).
   */
  verifiedIdTokenEmail(idToken: string, expected: { clientId: string; nonce: string }): Promise<string | null> {
    return this.verify(idToken, expected.clientId, (payload) => payload.nonce === expected.nonce);
  }

  discovery(): Promise<OidcDiscovery> {
    const issuer = this.settings.issuer;
    if (!issuer) return Promise.reject(new Error('OIDC_ISSUER is not set'));
    this.discovered ??= this.discover(issuer);
    // A failed discovery is retried on the next call rather than cached.
    this.discovered.catch(() => (this.discovered = null));
    return this.discovered;
  }

  private async verify(token: string, audience: string | undefined, accept: (payload: Record<string, unknown>) => boolean = () => true): Promise<string | null> {
    const issuer = this.settings.issuer;
    if (!issuer || token.split('.').length !== 3) return null;
    try {
      const { payload } = await jwtVerify(token, await this.keySet(), { issuer, audience, clockTolerance: CLOCK_TOLERANCE_S });
      if (!accept(payload)) return null;
      if (typeof payload.email !== 'string' || payload.email === '') return null;
      // An issuer that says the address is unverified does not prove who this is.
      if (payload.email_verified === false) return null;
      return payload.email;
    } catch {
      return null;
    }
  }

  private keySet(): Promise<JWTVerifyGetKey> {
    const jwksUrl = this.settings.jwksUrl;
    this.keys ??= (jwksUrl ? Promise.resolve(jwksUrl) : this.discovery().then((found) => found.jwksUri)).then((url) => createRemoteJWKSet(new URL(url)));
    this.keys.catch(() => (this.keys = null));
    return this.keys;
  }

  private async discover(issuer: string): Promise<OidcDiscovery> {
    const response = await fetch(new URL(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`), { signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new Error(`OIDC discovery answered ${response.status}`);
    const document = (await response.json()) as Record<string, unknown>;
    const url = (name: string): string => {
      const value = document[name];
      if (typeof value !== 'string' || !URL.canParse(value)) throw new Error(`OIDC discovery has no ${name}`);
      return value;
    };
    // A bearer-only issuer may publish no endpoints for browsers; only the sign-in needs them.
    const optional = (name: string) => (typeof document[name] === 'string' ? url(name) : '');
    return { jwksUri: this.settings.jwksUrl ?? url('jwks_uri'), authorizationEndpoint: optional('authorization_endpoint'), tokenEndpoint: optional('token_endpoint') };
  }
}
