import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Request } from 'express';
import type { Logger } from 'pino';
import { LOGGER } from '@casework/observability';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { SignInFailures } from './sign-in-failures.js';

/**
 * The answer to a presented credential that did not authenticate — a bearer on any route, or
 * the token of a session exchange: 401, slowed down for an address that keeps guessing, one
 * audit event per burst.
 */
@Injectable()
export class CredentialFailures {
  private readonly failures = new SignInFailures();

  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(AuditTrail) private readonly trail: AuditTrail,
  ) {}

  async refuse(request: Request, message: string): Promise<never> {
    await this.note(request);
    throw new UnauthorizedException(message);
  }

  /** The same record and slow-down, for a sign-in that answers with a redirect rather than a 401 (single sign-on). */
  async note(request: Request): Promise<void> {
    const { delayMs, burstStarted } = this.failures.record(request.ip ?? 'unknown');
    if (burstStarted) {
      this.logger.warn({ ip: request.ip }, 'repeated bad credentials from one address: answers slow down');
      // One event per burst, not per guess: the trail records the attempt without flooding.
      await this.trail.record(request, null, { action: 'auth.failed_burst', subject: `ip:${request.ip ?? 'unknown'}`, details: { route: `${request.method} ${request.path}` } });
    }
    if (delayMs > 0) await sleep(delayMs);
  }
}
