import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { Observable, mergeMap } from 'rxjs';
import { callerOf } from '../auth/caller.js';
import { routeOf } from '../auth/route-access.js';
import { withAuditScope } from './audit-context.js';
import { AuditTrail } from './audit-trail.service.js';

/**
 * Records, before the answer leaves: one event per successful change (the route's `audit`
 * action in ROUTE_ACCESS) or audited read (its `readAudit`: a case export's download), and one `ticket.read` per response carrying restricted-queue ticket
 * content (noted by the use case), listing every such ticket, and one `raw.read` per restricted
 * queue's ticketless raw message it carries (quarantine). A failed request records nothing.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(@Inject(AuditTrail) private readonly trail: AuditTrail) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const { key, entry } = routeOf(request);
    if (!entry || entry.kind === 'public') return next.handle();
    return new Observable<unknown>((subscriber) => {
      const { scope, result } = withAuditScope(() => next.handle());
      const subscription = result
        .pipe(
          mergeMap(async (body: unknown) => {
            const caller = callerOf(request);
            const action = entry.audit ?? entry.readAudit;
            if (action) {
              const { note } = scope;
              await this.trail.record(request, caller, {
                action,
                subject: note.subject ?? subjectOf(action, request, body),
                ticketIds: note.ticketIds ?? ticketIdsOf(action, request),
                queueId: note.queueId ?? null,
                details: note.details ?? { fields: Object.keys(isObject(request.body) ? request.body : {}) },
              });
            }
            if (scope.restrictedReads.size > 0) {
              const queues = new Set(scope.restrictedReads.values());
              await this.trail.record(request, caller, {
                action: 'ticket.read',
                subject: key,
                ticketIds: [...scope.restrictedReads.keys()],
                queueId: queues.size === 1 ? [...queues][0] : null,
                details: { route: key, queueIds: [...queues] },
              });
            }
            for (const [rawMessageId, queueId] of scope.restrictedRawReads) {
              await this.trail.record(request, caller, {
                action: 'raw.read',
                subject: `raw_message:${rawMessageId}`,
                ticketIds: [],
                queueId,
                details: { route: key },
              });
            }
            return body;
          }),
        )
        .subscribe(subscriber);
      return () => subscription.unsubscribe();
    });
  }
}

function param(request: Request, name: string): string | undefined {
  const value: unknown = request.params[name];
  return typeof value === 'string' ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A ticket route's ticket, when the use case noted none. */
function ticketIdsOf(action: string, request: Request): string[] {
  const id = param(request, 'ticketId') ?? (action.startsWith('ticket.') ? param(request, 'id') : undefined);
  return id ? [id] : [];
}

/** `<thing>:<id>`: the path's id, else the created thing's id from the answer. */
function subjectOf(action: string, request: Request, body: unknown): string {
  const thing = action.split('.')[0];
  const id = param(request, 'id') ?? param(request, 'ticketId') ?? (isObject(body) && typeof body.id === 'string' ? body.id : 'unknown');
  return `${thing}:${id}`;
}
