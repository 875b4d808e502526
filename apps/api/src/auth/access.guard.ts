import { ForbiddenException, HttpStatus, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Logger } from 'pino';
import { DomainError, hasCapability } from '@casework/domain';
import { LOGGER } from '@casework/observability';
import { lacksCsrfHeader, presentedSession } from '../sessions/session-cookie.js';
import { WebSessions } from '../sessions/web-sessions.service.js';
import { Authenticator } from './authenticator.service.js';
import { presentedBearer, setCaller, type Caller } from './caller.js';
import { CredentialFailures } from './credential-failures.service.js';
import { routeOf, type RouteRule } from './route-access.js';

const BEARER_REQUIRED = 'a valid bearer token is required';

/**
 * The one gate every request passes: finds the route's rule in ROUTE_ACCESS, authenticates the
 * caller unless the route is public (a bearer credential, else the web inbox's session cookie,
 * whose state-changing requests must carry the CSRF header), and enforces role capabilities.
 * Ticket rules are applied by the use cases, which know the ticket's queue.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(Authenticator) private readonly authenticator: Authenticator,
    @Inject(WebSessions) private readonly sessions: WebSessions,
    @Inject(CredentialFailures) private readonly failures: CredentialFailures,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const { key, entry: rule } = routeOf(request);
    if (!rule) {
      // Closed by default: a route added without a row is refused, loudly.
      this.logger.error({ route: key }, 'route missing from the access table (apps/api/src/auth/route-access.ts); refused');
      throw new Error(`route ${key} is not in the access table`);
    }
    if (rule.kind === 'public') return true;
    const caller = await this.authenticate(request);
    setCaller(request, caller);
    this.enforce(rule, caller, request);
    return true;
  }

  private async authenticate(request: Request): Promise<Caller> {
    const presented = presentedBearer(request);
    if (presented === undefined) return this.sessionCaller(request);
    const caller = await this.authenticator.authenticate(presented);
    // Only a presented credential is a guess; a request without one is merely unauthenticated.
    return caller ?? this.failures.refuse(request, BEARER_REQUIRED);
  }

  /** The cookie's session. An ended one is not a guess (a 256-bit id is not guessed): a plain 401. */
  private async sessionCaller(request: Request): Promise<Caller> {
    const session = presentedSession(request);
    if (session === undefined) throw new UnauthorizedException(BEARER_REQUIRED);
    const caller = await this.sessions.callerOf(session);
    if (!caller) throw new UnauthorizedException('the session has ended: sign in again');
    if (lacksCsrfHeader(request)) {
      throw new ForbiddenException({ statusCode: HttpStatus.FORBIDDEN, error: 'Forbidden', code: 'CsrfHeaderMissing', message: 'a change made with the session cookie must carry the X-Casework-CSRF: 1 header' });
    }
    return caller;
  }

  private enforce(rule: RouteRule, caller: Caller, request: Request): void {
    switch (rule.kind) {
      case 'signedIn':
        return;
      case 'ticket':
      case 'ticketList':
      case 'capability':
        if (rule.capability && !hasCapability(caller.role, rule.capability)) throw DomainError.forbidden(rule.capability);
        return;
      case 'selfOr':
        if (request.params.id !== caller.userId && !hasCapability(caller.role, rule.capability)) throw DomainError.forbidden(rule.capability);
        return;
    }
  }
}
