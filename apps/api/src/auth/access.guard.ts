import { Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Request } from 'express';
import type { Logger } from 'pino';
import { DomainError, hasCapability } from '@casework/domain';
import { LOGGER } from '@casework/observability';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { Authenticator } from './authenticator.service.js';
import { presentedBearer, setCaller, type Caller } from './caller.js';
import { routeOf, type RouteRule } from './route-access.js';
import { SignInFailures } from './sign-in-failures.js';


/**
 * The one gate every request passes: finds the route's rule in ROUTE_ACCESS, authenticates the
 * caller unless the route is public, and enforces role capabilities. Ticket rules are applied
 * by the use cases, which know the ticket's queue.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly failures = new SignInFailures();

  constructor(
    @Inject(Authenticator) private readonly authenticator: Authenticator,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(AuditTrail) private readonly trail: AuditTrail,
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
    const caller = presented === undefined ? null : await this.authenticator.authenticate(presented);
    if (caller) return caller;
    // Only a presented credential is a guess; a request without one is merely unauthenticated.
    if (presented === undefined) throw new UnauthorizedException('a valid bearer token is required');
    const { delayMs, burstStarted } = this.failures.record(request.ip ?? 'unknown');
    if (burstStarted) {
      this.logger.warn({ ip: request.ip }, 'repeated bad credentials from one address: answers slow down');
      // One event per burst, not per guess: the trail records the attempt without flooding.
      await this.trail.record(request, null, { action: 'auth.failed_burst', subject: `ip:${request.ip ?? 'unknown'}`, details: { route: `${request.method} ${request.path}` } });
    }
    if (delayMs > 0) await sleep(delayMs);
    throw new UnauthorizedException('a valid bearer token is required');
  }

  private enforce(rule: RouteRule, caller: Caller, request: Request): void {
    switch (rule.kind) {
      case 'signedIn':
      case 'ticket':
        return;
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
