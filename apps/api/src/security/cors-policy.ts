import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface.js';

/**
 * Cross-origin calls from the listed browser origins only (CORS_ORIGINS; unset, CORS stays
 * off and browsers refuse every cross-origin call). Cross-origin credentials travel as a bearer
 * header, never cookies: the web inbox's session cookie is same-origin only (SameSite=Strict),
 * so no credentialed CORS, and X-Casework-CSRF is not an allowed header.
 */
export function corsPolicyFor(origins: readonly string[]): CorsOptions {
  return {
    origin: [...origins],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id', 'Retry-After', 'Content-Disposition'],
    credentials: false,
    maxAge: 600,
  };
}
