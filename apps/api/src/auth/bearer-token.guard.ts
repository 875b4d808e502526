import { Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext, type Type } from '@nestjs/common';
import type { Request } from 'express';
import { HealthController } from '@casework/observability';
import { API_TOKEN } from './api-token.constants.js';
import { constantTimeEquals } from './constant-time.util.js';

/** Controllers reachable without a token: only /health (load balancers and probes). */
const PUBLIC_CONTROLLERS: ReadonlySet<Type> = new Set<Type>([HealthController]);

const BEARER = /^Bearer +([^\s]+) *$/i;

/** Every route but the public ones needs `Authorization: Bearer <API_BOOTSTRAP_TOKEN>`. */
@Injectable()
export class BearerTokenGuard implements CanActivate {
  constructor(@Inject(API_TOKEN) private readonly token: string) {}

  canActivate(context: ExecutionContext): boolean {
    if (PUBLIC_CONTROLLERS.has(context.getClass())) return true;
    const header = context.switchToHttp().getRequest<Request>().headers.authorization;
    const presented = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
    // Compare even when nothing was presented, so a missing token costs the same time.
    const valid = constantTimeEquals(presented ?? '', this.token) && presented !== undefined;
    if (!valid) throw new UnauthorizedException('a valid bearer token is required');
    return true;
  }
}
