import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * The API answers JSON and attachment downloads, never pages: nothing in a response may load
 * or run anything, or be framed (an attachment opened inline cannot run a script).
 */
const apiHeaders = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
});

/**
 * The Swagger UI is a page of our own scripts and styles (inline <style> blocks and style
 * attributes included): helmet's default policy fits, minus upgrade-insecure-requests, which
 * would send its assets to https:// on a plain-http deployment and leave the page blank.
 */
const docsHeaders = helmet({
  contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
});

/** helmet's headers on every response; `docsPath` (e.g. /api/docs) gets the page policy. */
export function securityHeaders(docsPath: string): RequestHandler {
  const isDocs = (path: string) => path === docsPath || path.startsWith(`${docsPath}/`);
  return (request: Request, response: Response, next: NextFunction) => (isDocs(request.path) ? docsHeaders : apiHeaders)(request, response, next);
}
