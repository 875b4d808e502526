import { createHash } from 'node:crypto';
import { Module, type DynamicModule, type ExecutionContext } from '@nestjs/common';
import { ThrottlerModule, type ThrottlerOptions } from '@nestjs/throttler';
import type { Request } from 'express';
import type { ApiSettings } from '@casework/config';
import { HealthController, MetricsController } from '@casework/observability';
import { presentedBearer } from '../auth/caller.js';
import { presentedSession } from '../sessions/session-cookie.js';
import { RateLimitBuckets } from './rate-limit-buckets.js';
import { RATE_LIMITERS } from './rate-limit.guard.js';

const MINUTE_MS = 60_000;
/** Probes and the metrics scrape are never limited: a busy API must still say how it is. */
const UNLIMITED_CONTROLLERS: readonly unknown[] = [HealthController, MetricsController];

const requestOf = (context: ExecutionContext) => context.switchToHttp().getRequest<Request>();
const unlimited = (context: ExecutionContext) => UNLIMITED_CONTROLLERS.includes(context.getClass());

/** The credential a request presents: its bearer, else the web inbox's session cookie (a session counts as its own client). */
const presentedCredential = (request: Request) => presentedBearer(request) ?? presentedSession(request);

/** A credential is tracked by its SHA-256, so not even this process's memory keeps the secret. */
function tokenTracker(request: Request): string {
  return createHash('sha256').update(presentedCredential(request) ?? '').digest('hex');
}

/**
 * Per-address and per-token limits over every route (RATE_LIMIT_PER_IP_PER_MINUTE,
 * RATE_LIMIT_PER_TOKEN_PER_MINUTE; 0 turns one off), shared by all routes rather than counted
 * per route. Any presented bearer counts, valid or not; the per-address limit is checked first,
 * so a client spraying made-up tokens is stopped by it. Register RateLimitGuard as an APP_GUARD.
 */
@Module({})
export class RateLimitModule {
  static register(config: ApiSettings): DynamicModule {
    const perIp = config.RATE_LIMIT_PER_IP_PER_MINUTE;
    const perToken = config.RATE_LIMIT_PER_TOKEN_PER_MINUTE;
    const buckets = new RateLimitBuckets();
    // Listed per address first: the throttler checks them in this order (equal ttls keep it).
    const throttlers: ThrottlerOptions[] = [
      { name: RATE_LIMITERS.ip, ttl: MINUTE_MS, limit: perIp, skipIf: (context) => perIp === 0 || unlimited(context) },
      {
        name: RATE_LIMITERS.token,
        ttl: MINUTE_MS,
        limit: perToken,
        getTracker: (request) => tokenTracker(request as Request),
        skipIf: (context) => perToken === 0 || unlimited(context) || presentedCredential(requestOf(context)) === undefined,
      },
    ];
    return {
      module: RateLimitModule,
      imports: [ThrottlerModule.forRoot({ throttlers, storage: buckets, setHeaders: false, generateKey: (_context, tracker, name) => `${name}:${tracker}` })],
      providers: [{ provide: RateLimitBuckets, useValue: buckets }],
      exports: [RateLimitBuckets],
    };
  }
}
