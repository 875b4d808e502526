import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import type { ApiSettings } from '@casework/config';
import { accessLog } from './access-log.js';
import { corsPolicyFor } from './cors-policy.js';
import { json } from 'express';
import { explainTooLargeBody, JSON_BODY_LIMIT_BYTES, LARGE_BODY_ROUTES, REPLY_JSON_BODY_LIMIT_BYTES } from './json-body-limit.js';
import { assignRequestId } from './request-id.js';
import { securityHeaders } from './security-headers.js';

export interface HttpSecurityPaths {
  /** Where the Swagger UI is served (e.g. /api/docs): it gets a page's security policy. */
  docs: string;
  /** Routes whose access lines go to debug (probes, the metrics scrape). */
  quietRoutes: readonly string[];
}

/**
 * The middleware every request passes before Nest's routing, in this order: its id (first, so
 * even a refused request has one), its access line, helmet's headers, CORS when CORS_ORIGINS
 * lists origins, and the 1 MB JSON body (16 MB for a reply, which carries its attachments). Call before setupDocs, so the docs get them too, and
 * create the app with `bodyParser: false`. Rate limits are RateLimitGuard's.
 */
export function applyHttpSecurity(app: NestExpressApplication, config: ApiSettings, logger: Logger, paths: HttpSecurityPaths): void {
  app.use(assignRequestId);
  app.use(accessLog(logger, new Set(paths.quietRoutes)));
  app.use(securityHeaders(paths.docs));
  if (config.CORS_ORIGINS) app.enableCors(corsPolicyFor(config.CORS_ORIGINS));
  // The first parser that reads a body marks it read: the reply route's larger limit, then everyone's.
  app.use(LARGE_BODY_ROUTES, json({ limit: REPLY_JSON_BODY_LIMIT_BYTES }));
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT_BYTES });
  app.use(explainTooLargeBody);
}
