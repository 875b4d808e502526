import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface.js';

/**
 * Cross-origin calls from the listed browser origins only (CORS_ORIGINS; unset, CORS stays
 * off and browsers refuse every cross-origin call). Credentials travel as a bearer header,
 * never cookies, so no credentialed CORS.
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
