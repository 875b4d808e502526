import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { Logger } from 'pino';
import { LOGGER } from '@casework/observability';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { Authenticator } from '../auth/authenticator.service.js';
import { constantTimeEquals } from '../auth/constant-time.util.js';
import { CredentialFailures } from '../auth/credential-failures.service.js';
import { OidcVerifier } from '../auth/oidc-verifier.js';
import { codeChallengeOf, newOidcFlow, OIDC_FLOW_MAX_AGE_SECONDS, type OidcFlow } from './oidc-flow-cookie.js';
import { WebSessions } from './web-sessions.service.js';

/** The web inbox's OAuth client at the issuer (OIDC_CLIENT_ID, else OIDC_AUDIENCE; OIDC_CLIENT_SECRET; OIDC_REDIRECT_URL). */
export interface OidcClientSettings {
  clientId?: string;
  clientSecret?: string;
  redirectUrl?: string;
}
export const OIDC_CLIENT_SETTINGS = Symbol('casework.oidc-client-settings');

export const OIDC_CALLBACK_PATH = '/api/v1/sessions/oidc/callback';
const SCOPE = 'openid email profile';
const TOKEN_TIMEOUT_MS = 10_000;

/** What the callback answers: a session for the cookie, or why there is none (the page's `?signIn=`). */
export type OidcSignInOutcome = { kind: 'signedIn'; sessionId: string; maxAgeSeconds: number } | { kind: 'failed' } | { kind: 'unknown' };

export interface OidcCallback {
  code?: unknown;
  state?: unknown;
  error?: unknown;
}

/**
 * Single sign-on for the web inbox: OAuth 2.0 authorization code with PKCE (S256), state and
 * nonce. The issuer's id_token is verified as bearer JWTs are (issuer, keys, audience = this
 * client) plus the nonce, and its e-mail must be an enabled user's, as for a bearer JWT; the
 * session then opened is the one `POST /sessions` opens.
 */
@Injectable()
export class OidcSignIn {
  constructor(
    @Inject(OIDC_CLIENT_SETTINGS) private readonly client: OidcClientSettings,
    @Inject(OidcVerifier) private readonly verifier: OidcVerifier,
    @Inject(Authenticator) private readonly authenticator: Authenticator,
    @Inject(WebSessions) private readonly sessions: WebSessions,
    @Inject(CredentialFailures) private readonly failures: CredentialFailures,
    @Inject(AuditTrail) private readonly trail: AuditTrail,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get enabled(): boolean {
    return this.verifier.enabled && this.client.clientId !== undefined;
  }

  /** The issuer's authorization URL for a new flow, and the flow for the cookie; null when the issuer cannot be reached. */
  async start(origin: string): Promise<{ location: string; flow: OidcFlow } | null> {
    const discovery = await this.verifier.discovery().catch((error: unknown) => {
      this.logger.warn({ err: error }, 'single sign-on: the issuer’s discovery document could not be read');
      return null;
    });
    if (!discovery?.authorizationEndpoint || !discovery.tokenEndpoint) {
      if (discovery) this.logger.warn('single sign-on: the issuer’s discovery document names no authorization_endpoint or token_endpoint');
      return null;
    }
    const flow = newOidcFlow();
    const location = new URL(discovery.authorizationEndpoint);
    const params: Record<string, string> = {
      response_type: 'code',
      client_id: this.client.clientId!,
      redirect_uri: this.redirectUri(origin),
      scope: SCOPE,
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: codeChallengeOf(flow.codeVerifier),
      code_challenge_method: 'S256',
    };
    for (const [name, value] of Object.entries(params)) location.searchParams.set(name, value);
    return { location: location.href, flow };
  }

  async finish(request: Request, callback: OidcCallback, flow: OidcFlow | undefined, origin: string, now = new Date()): Promise<OidcSignInOutcome> {
    const { code, state } = callback;
    // A callback without its flow's cookie, for another flow, or too late is not this browser's sign-in.
    if (!flow || typeof state !== 'string' || !constantTimeEquals(state, flow.state)) return { kind: 'failed' };
    if (now.getTime() / 1000 - flow.startedAt > OIDC_FLOW_MAX_AGE_SECONDS) return { kind: 'failed' };
    if (typeof callback.error === 'string' || typeof code !== 'string' || code === '' || code.length > 4096) return { kind: 'failed' };

    const idToken = await this.exchange(code, flow.codeVerifier, this.redirectUri(origin));
    const email = idToken && (await this.verifier.verifiedIdTokenEmail(idToken, { clientId: this.client.clientId!, nonce: flow.nonce }));
    if (!email) {
      await this.failures.note(request);
      return { kind: 'failed' };
    }
    const caller = await this.authenticator.oidcUserByEmail(email);
    if (!caller) {
      this.logger.info({ email }, 'single sign-on by an e-mail that is no enabled user: no session');
      await this.failures.note(request);
      return { kind: 'unknown' };
    }
    const session = await this.sessions.open(caller, now);
    await this.trail.record(request, caller, { action: 'session.created', subject: `session:${session.sessionRowId}`, ticketIds: [], queueId: null, details: { via: 'oidc', tokenId: null } });
    return { kind: 'signedIn', sessionId: session.id, maxAgeSeconds: this.sessions.maxAgeSeconds };
  }

  /** OIDC_REDIRECT_URL, else this API's callback at the origin the browser used. */
  private redirectUri(origin: string): string {
    return this.client.redirectUrl ?? `${origin}${OIDC_CALLBACK_PATH}`;
  }

  /** The code (with the PKCE verifier) for the id_token at the token endpoint; null when refused. */
  private async exchange(code: string, codeVerifier: string, redirectUri: string): Promise<string | null> {
    try {
      const { tokenEndpoint } = await this.verifier.discovery();
      const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: this.client.clientId!, code_verifier: codeVerifier });
      if (this.client.clientSecret !== undefined) form.set('client_secret', this.client.clientSecret);
      const response = await fetch(tokenEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form,
        signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
      });
      if (!response.ok) {
        this.logger.warn({ status: response.status }, 'single sign-on: the issuer’s token endpoint refused the code');
        return null;
      }
      const { id_token: idToken } = (await response.json()) as { id_token?: unknown };
      return typeof idToken === 'string' ? idToken : null;
    } catch (error) {
      this.logger.warn({ err: error }, 'single sign-on: the issuer’s token endpoint could not be reached');
      return null;
    }
  }
}
