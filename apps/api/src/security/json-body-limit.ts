import { HttpStatus, PayloadTooLargeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** A reply may hold 100 000 characters; JSON escaping can make that several times as many bytes. */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * A reply's body also carries its attachments, base64 (10 MB decoded is 13.4 MB encoded), so its
 * route alone takes more; the use case then answers 413 past 10 MB of decoded attachments.
 */
export const REPLY_JSON_BODY_LIMIT_BYTES = 16 * 1024 * 1024;

/** The routes with the larger limit, as Express sees their paths (before Nest's prefix is stripped): replies, and hash-list uploads (≈ 200,000 values). */
export const LARGE_BODY_ROUTES = /^\/api\/v1\/(tickets\/[^/]+\/replies|hash-lists(\/[^/]+\/entries)?)\/?$/;

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/**
 * The body parser's own 413 reads "request entity too large"; this one names the limit and
 * carries a code, and the API's exception filter answers it in the usual error shape.
 */
export function explainTooLargeBody(error: unknown, _request: Request, _response: Response, next: NextFunction): void {
  if ((error as { type?: unknown } | null)?.type !== 'entity.too.large') return next(error);
  const limit = Number((error as { limit?: unknown }).limit) || JSON_BODY_LIMIT_BYTES;
  next(
    new PayloadTooLargeException({
      statusCode: HttpStatus.PAYLOAD_TOO_LARGE,
      error: 'Payload Too Large',
      code: 'PayloadTooLarge',
      message: `the JSON body is larger than ${megabytes(limit)}`,
    }),
  );
}
