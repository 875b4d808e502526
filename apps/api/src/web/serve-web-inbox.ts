import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';

/** apps/web/dist seen from dist/apps/api/src/web/ (the build) — the same in the image. */
const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../../../apps/web/dist/', import.meta.url));

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

/**
 * The web inbox at `/`, same origin as the API (so no CORS, and the session cookie is
 * SameSite=Strict): Vite's hashed assets cached for good, index.html never cached, and every
 * other GET outside /api answered with index.html (the app's own routes). Call before Nest's
 * routes are registered. Without a build, / is not served and a warning says how to build it.
 */
export function serveWebInbox(app: NestExpressApplication, logger: Logger, distDir = DEFAULT_WEB_DIST): boolean {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) {
    logger.warn({ distDir }, 'the web inbox is not built (npm run build:web): / is not served');
    return false;
  }
  const assets = express.static(distDir, {
    index: false,
    setHeaders: (response, path) => response.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (isApiPath(request.path) || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
    assets(request, response, () => {
      // A missing asset is a 404, not the app: a stale page asking for old chunks must fail plainly.
      if (request.path.startsWith('/assets/')) return next();
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(index);
    });
  });
  return true;
}
