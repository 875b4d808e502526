import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * A client's id is kept when it could not break a log line or a header: UUIDs, ULIDs, hex and
 * the usual trace ids fit. Anything else is replaced, so a log search by id stays exact.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const REQUEST_ID = Symbol('casework.requestId');
type WithRequestId = Request & { [REQUEST_ID]?: string };

/** The id of the request being served, for log lines written far from the request object. */
const servedRequest = new AsyncLocalStorage<string>();

/** The client's X-Request-Id when it looks sane, else null. */
function acceptableRequestId(presented: string | string[] | undefined): string | null {
  return typeof presented === 'string' && SANE_REQUEST_ID.test(presented) ? presented : null;
}

/** The request's id (the client's or generated), as echoed in its X-Request-Id response header. */
export function requestIdOf(request: Request): string {
  const id = (request as WithRequestId)[REQUEST_ID];
  if (!id) throw new Error('no request id on this request: is assignRequestId installed (see apps/api/src/security/http-security.ts)?');
  return id;
}

/** For the pino logger's mixin: every line written while a request is served names it. */
export function requestLogFields(): { requestId?: string } {
  const requestId = servedRequest.getStore();
  return requestId === undefined ? {} : { requestId };
}

/**
 * First middleware of all: gives the request its id, echoes it, and serves the rest under it.
 * The context survives the JSON body parser: raw-body resumes the chain bound to it.
 */
export function assignRequestId(request: Request, response: Response, next: NextFunction): void {
  const id = acceptableRequestId(request.headers['x-request-id']) ?? randomUUID();
  (request as WithRequestId)[REQUEST_ID] = id;
  response.setHeader(REQUEST_ID_HEADER, id);
  servedRequest.run(id, next);
}
