import { createHash, randomBytes } from 'node:crypto';
import type { Request } from 'express';

/**
 * The single sign-on flow's secrets between the redirect to the issuer and its callback: state,
 * nonce and PKCE verifier, in a cookie only the flow's two routes receive. SameSite=Lax, not
 * Strict: the issuer sends the browser back with a cross-site top-level navigation.
 */
export const OIDC_FLOW_COOKIE = 'casework_oidc_flow';
export const OIDC_FLOW_COOKIE_PATH = '/api/v1/sessions/oidc';
/** Time for a person to sign in at the issuer; a later callback starts over. */
export const OIDC_FLOW_MAX_AGE_SECONDS = 600;

export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Unix seconds: the cookie's Max-Age is the browser's limit, this one is ours. */
  startedAt: number;
}

const RANDOM = '[A-Za-z0-9_-]{43}';
const FLOW_VALUE = new RegExp(`^(${RANDOM})\\.(${RANDOM})\\.(${RANDOM})\\.(\\d{1,12})$`);

const random = () => randomBytes(32).toString('base64url');

export function newOidcFlow(now = new Date()): OidcFlow {
  return { state: random(), nonce: random(), codeVerifier: random(), startedAt: Math.floor(now.getTime() / 1000) };
}

/** RFC 7636 S256: the challenge the issuer keeps until the verifier is shown with the code. */
export function codeChallengeOf(codeVerifier: string): string {
  return createHash('sha256').update(codeVerifier, 'ascii').digest('base64url');
}

export function oidcFlowCookie(flow: OidcFlow, secure: boolean): string {
  const value = `${flow.state}.${flow.nonce}.${flow.codeVerifier}.${flow.startedAt}`;
  return [`${OIDC_FLOW_COOKIE}=${value}`, `Path=${OIDC_FLOW_COOKIE_PATH}`, `Max-Age=${OIDC_FLOW_MAX_AGE_SECONDS}`, 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])].join('; ');
}

export function clearedOidcFlowCookie(secure: boolean): string {
  return [`${OIDC_FLOW_COOKIE}=`, `Path=${OIDC_FLOW_COOKIE_PATH}`, 'Max-Age=0', 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])].join('; ');
}

/** The flow in the request's Cookie header, or undefined (also for a malformed one). */
export function presentedOidcFlow(request: Request): OidcFlow | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== OIDC_FLOW_COOKIE) continue;
    const match = FLOW_VALUE.exec(part.slice(eq + 1).trim());
    return match ? { state: match[1], nonce: match[2], codeVerifier: match[3], startedAt: Number(match[4]) } : undefined;
  }
  return undefined;
}
