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

/**
 * The web inbox (everything outside /api): our own scripts only, never inline, nothing from
 * elsewhere, never framed. Inline styles are allowed because the email frame (srcdoc) inherits
 * this policy and mail HTML is styled inline; they run nothing. data: images are the frame's too.
 */
export const WEB_PAGE_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  // https: images only reach the page through the mail frame, once a reader pressed "show images" (the API parks them until then).
  imgSrc: ["'self'", 'data:', 'https:'],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};
const webHeaders = helmet({ contentSecurityPolicy: { useDefaults: false, directives: WEB_PAGE_POLICY } });

/** helmet's headers on every response: `docsPath` (e.g. /api/docs) gets the docs policy, paths outside `apiRoot` the inbox's. */
export function securityHeaders(docsPath: string, apiRoot = '/api'): RequestHandler {
  const isDocs = (path: string) => path === docsPath || path.startsWith(`${docsPath}/`);
  const isApi = (path: string) => path === apiRoot || path.startsWith(`${apiRoot}/`);
  return (request: Request, response: Response, next: NextFunction) => {
    const headers = isDocs(request.path) ? docsHeaders : isApi(request.path) ? apiHeaders : webHeaders;
    headers(request, response, next);
  };
}
