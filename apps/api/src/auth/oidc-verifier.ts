import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';

export interface OidcSettings {
  issuer?: string;
  audience?: string;
  jwksUrl?: string;
}

/** Clock skew tolerated between the issuer and us. */
const CLOCK_TOLERANCE_S = 30;

/**
 * Verifies an OIDC JWT against its issuer's JWKS (fetched once and cached by jose, refreshed on
 * an unknown key id) and answers its verified `email`, or null for any token that is not one.
 */
export class OidcVerifier {
  private keys: Promise<JWTVerifyGetKey> | null = null;

  constructor(private readonly settings: OidcSettings) {}

  get enabled(): boolean {
    return this.settings.issuer !== undefined;
  }

  async verifiedEmail(token: string): Promise<string | null> {
    const issuer = this.settings.issuer;
    if (!issuer || token.split('.').length !== 3) return null;
    try {
      const { payload } = await jwtVerify(token, await this.keySet(issuer), {
        issuer,
        audience: this.settings.audience,
        clockTolerance: CLOCK_TOLERANCE_S,
      });
      if (typeof payload.email !== 'string' || payload.email === '') return null;
      // An issuer that says the address is unverified does not prove who this is.
      if (payload.email_verified === false) return null;
      return payload.email;
    } catch {
      return null;
    }
  }

  private keySet(issuer: string): Promise<JWTVerifyGetKey> {
    this.keys ??= this.discoverJwks(issuer).then((url) => createRemoteJWKSet(url));
    // A failed discovery is retried on the next token rather than cached.
    this.keys.catch(() => (this.keys = null));
    return this.keys;
  }

  private async discoverJwks(issuer: string): Promise<URL> {
    if (this.settings.jwksUrl) return new URL(this.settings.jwksUrl);
    const response = await fetch(new URL(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`), { signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new Error(`OIDC discovery answered ${response.status}`);
    const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: unknown };
    if (typeof jwksUri !== 'string') throw new Error('OIDC discovery has no jwks_uri');
    return new URL(jwksUri);
  }
}
