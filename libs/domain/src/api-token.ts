import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'cw_';

/** A new API token: `cw_` and 32 random bytes, base64url. Shown once; only its SHA-256 is stored. */
export function newTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function tokenSha256(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Whether a presented bearer has the shape of a Casework token (else it may be a JWT). */
export function looksLikeApiToken(presented: string): boolean {
  return presented.startsWith(TOKEN_PREFIX) && /^cw_[A-Za-z0-9_-]{43}$/.test(presented);
}
