import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { requestIdOf } from './request-id.js';

/** An unmatched path is the client's text: enough of it to see what was asked, no more. */
const MAX_LOGGED_PATH = 200;

interface AccessLine {
  requestId: string;
  method: string;
  /** The matched route's pattern (ids stay out of it), or null when no route matched. */
  route: string | null;
  /** Only for unmatched requests: the path asked for, without its query. */
  path?: string;
  status: number;
  durationMs: number;
  /** The client went away before the whole answer was sent. */
  aborted?: true;
}

/**
 * One info line per request once it is answered: method, route, status, duration, request id.
 * Never the query (it may carry a secret), headers or bodies. Routes in `quietRoutes` (the
 * probes and the metrics scrape, every few seconds) log at debug so they do not drown the rest.
 */
export function accessLog(logger: Logger, quietRoutes: ReadonlySet<string>): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const started = performance.now();
    response.once('close', () => {
      const route = (request.route as { path?: unknown } | undefined)?.path;
      const line: AccessLine = {
        requestId: requestIdOf(request),
        method: request.method,
        // Nest answers unknown paths under its prefix from a catch-all route, `*path`.
        route: typeof route === 'string' && !route.startsWith('*') ? route : null,
        status: response.statusCode,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
      };
      if (line.route === null) line.path = request.originalUrl.split('?')[0].slice(0, MAX_LOGGED_PATH);
      if (!response.writableFinished) line.aborted = true;
      if (line.route !== null && quietRoutes.has(line.route)) logger.debug(line, 'request');
      else logger.info(line, 'request');
    });
    next();
  };
}
