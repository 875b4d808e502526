import { randomBytes } from 'node:crypto';
import type { Request } from 'express';

/** The web inbox's session cookie: HttpOnly, SameSite=Strict, only sent to the API's paths. */
export const SESSION_COOKIE = 'casework_session';
export const SESSION_COOKIE_PATH = '/api';

/**
 * What a state-changing request authenticated by the cookie must carry. A page of another site
 * cannot send a custom header without a CORS preflight, which the API never grants it.
 */
export const CSRF_HEADER = 'x-casework-csrf';
export const CSRF_HEADER_VALUE = '1';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** 32 random bytes, base64url: the only shape a session id has, so anything else is not looked up. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

/** The session id in the request's Cookie header, or undefined (also for a malformed one). */
export function presentedSession(request: Request): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return SESSION_ID.test(value) ? value : undefined;
  }
  return undefined;
}

/** Whether a cookie-authenticated request of this method needs the CSRF header, and lacks it. */
export function lacksCsrfHeader(request: Request): boolean {
  return !SAFE_METHODS.has(request.method.toUpperCase()) && request.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE;
}

/** Secure only over HTTPS (request.secure: TLS here, or X-Forwarded-Proto behind a trusted proxy), so plain-http development works. */
export function sessionCookie(id: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${SESSION_COOKIE}=${id}`, `Path=${SESSION_COOKIE_PATH}`, `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}
