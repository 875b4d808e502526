import { Catch, HttpException, HttpStatus, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { LOGGER } from '@casework/observability';
import { DomainError, type DomainErrorCode } from '@casework/domain';
import { databaseUnavailabilityOf, describeUnavailability, responseCodeOf } from '@casework/database';
import { validationErrorBody } from './validation-exception.factory.js';

/** The one place domain error codes become HTTP statuses; a new code fails to compile here. */
export function statusOf(code: DomainErrorCode): HttpStatus {
  switch (code) {
    case 'TicketNotFound':
    case 'QueueNotFound':
    case 'QuarantinedMessageNotFound':
    case 'DeadLetterNotFound':
    case 'AttachmentNotFound':
    case 'ArticleNotFound':
    case 'HashListNotFound':
      return HttpStatus.NOT_FOUND;
    case 'InvalidHashList':
      return HttpStatus.BAD_REQUEST;
    case 'AttachmentBlocked':
      return HttpStatus.FORBIDDEN;
    case 'AttachmentNotStored':
      return HttpStatus.GONE;
    case 'MessageNotQuarantined':
    case 'TicketNotInSpam':
    case 'AssignmentRefused':
    case 'TicketChanged':
    case 'TriageNotDismissable':
    case 'MergeRefused':
    case 'LegalHoldActive':
    case 'HoldRefused':
    // Routing's: a reply waiting for its original (never an API answer).
    case 'AwaitingEarlierMail':
    case 'TicketPurged':
    case 'InvalidStatusTransition':
    case 'DeadLetterNotRedrivable':
      return HttpStatus.CONFLICT;
    case 'InvalidCursor':
    case 'InvalidTags':
    case 'InvalidMailbox':
    case 'InvalidSla':
    case 'InvalidSplit':
    case 'InvalidHold':
      return HttpStatus.BAD_REQUEST;
    case 'ContactNotFound':
    case 'HoldNotFound':
    case 'DraftNotFound':
    case 'SlaPolicyNotFound':
    case 'SlaCalendarNotFound':
      return HttpStatus.NOT_FOUND;
    case 'SlaConflict':
      return HttpStatus.CONFLICT;
    case 'MailboxNotFound':
      return HttpStatus.NOT_FOUND;
    case 'MailboxConflict':
      return HttpStatus.CONFLICT;
    case 'MailboxSecretKeyMissing':
    case 'ExportSigningKeyMissing':
      return HttpStatus.SERVICE_UNAVAILABLE;
    case 'ExportNotFound':
      return HttpStatus.NOT_FOUND;
    case 'InvalidOncallShift':
      return HttpStatus.BAD_REQUEST;
    case 'OncallShiftNotFound':
    case 'PageNotFound':
    case 'WebhookNotFound':
    case 'UserNotFound':
    case 'TokenNotFound':
      return HttpStatus.NOT_FOUND;
    case 'Forbidden':
      return HttpStatus.FORBIDDEN;
    case 'UserConflict':
    case 'LastAdmin':
    case 'QueueConflict':
      return HttpStatus.CONFLICT;
    case 'InvalidQueue':
    case 'InvalidTemplate':
      return HttpStatus.BAD_REQUEST;
    case 'RuleNotFound':
    case 'RawMessageNotFound':
      return HttpStatus.NOT_FOUND;
    case 'InvalidRule':
      return HttpStatus.BAD_REQUEST;
    case 'UnparsableMessage':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'TemplateNotFound':
      return HttpStatus.NOT_FOUND;
    case 'TemplateConflict':
      return HttpStatus.CONFLICT;
    case 'InvalidRecipient':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'AttachmentsTooLarge':
      return HttpStatus.PAYLOAD_TOO_LARGE;
    default: {
      const unhandled: never = code;
      throw new Error(`unmapped domain error code ${String(unhandled)}`);
    }
  }
}

/** What a 503 for a busy or unreachable database tells the client to wait before it tries again. */
export const OVERLOAD_RETRY_AFTER_SECONDS = 2;

/**
 * Every error leaves as JSON; unexpected ones are logged (never with the request body) and
 * hidden. A database too busy to take the request, or down (see databaseUnavailabilityOf), is a
 * 503 with Retry-After and a warning, not an unhandled error.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const { status, body, retryAfterSeconds } = this.describe(exception, http.getRequest<Request>());
    if (response.headersSent) return;
    if (status === HttpStatus.UNAUTHORIZED) response.setHeader('WWW-Authenticate', 'Bearer');
    if (retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(retryAfterSeconds));
    response.status(status).json(body);
  }

  private describe(exception: unknown, request: Request): { status: number; body: object; retryAfterSeconds?: number } {
    if (exception instanceof DomainError) {
      const status = statusOf(exception.code);
      if (status === HttpStatus.BAD_REQUEST) return { status, body: validationErrorBody(exception.fields) };
      // A collision answers in the contract's own shape: {"error":"TicketChanged","newArticles":[…]}.
      if (exception.code === 'TicketChanged') return { status: HttpStatus.CONFLICT, body: { statusCode: HttpStatus.CONFLICT, error: 'TicketChanged', code: exception.code, message: exception.message, ...exception.details } };
      return { status, body: { statusCode: status, error: reasonOf(status), code: exception.code, message: exception.message, ...exception.details } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const body = typeof payload === 'string' ? { statusCode: status, error: reasonOf(status), message: payload } : payload;
      return { status, body };
    }
    const unavailable = databaseUnavailabilityOf(exception);
    if (unavailable) {
      // Load or an outage, not a bug: one warning per refused request, without a stack.
      const code = responseCodeOf(unavailable);
      const what = code === 'Overloaded' ? 'overload' : 'database unavailable';
      this.logger.warn({ database: unavailable, method: request.method, route: request.route?.path }, `${what}: ${describeUnavailability(unavailable)}; answered 503`);
      const status = HttpStatus.SERVICE_UNAVAILABLE;
      const message = `${code === 'Overloaded' ? 'the service is overloaded' : 'the database is unavailable'}; retry in ${OVERLOAD_RETRY_AFTER_SECONDS} s`;
      return { status, body: { statusCode: status, error: reasonOf(status), code, message }, retryAfterSeconds: OVERLOAD_RETRY_AFTER_SECONDS };
    }
    this.logger.error({ err: exception, method: request.method, route: request.route?.path }, 'unhandled error');
    const status = HttpStatus.INTERNAL_SERVER_ERROR;
    return { status, body: { statusCode: status, error: reasonOf(status), message: 'Internal server error' } };
  }
}

function reasonOf(status: number): string {
  const name = HttpStatus[status];
  if (!name) return 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
