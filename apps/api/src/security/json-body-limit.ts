import { HttpStatus, PayloadTooLargeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** A reply may hold 100 000 characters; JSON escaping can make that several times as many bytes. */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The body parser's own 413 reads "request entity too large"; this one names the limit and
 * carries a code, and the API's exception filter answers it in the usual error shape.
 */
export function explainTooLargeBody(error: unknown, _request: Request, _response: Response, next: NextFunction): void {
  if ((error as { type?: unknown } | null)?.type !== 'entity.too.large') return next(error);
  next(
    new PayloadTooLargeException({
      statusCode: HttpStatus.PAYLOAD_TOO_LARGE,
      error: 'Payload Too Large',
      code: 'PayloadTooLarge',
      message: `the JSON body is larger than ${JSON_BODY_LIMIT_BYTES / (1024 * 1024)} MB`,
    }),
  );
}
