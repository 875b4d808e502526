import { HttpException, HttpStatus, Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerOptions, ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { LOGGER } from '@casework/observability';
import { RateLimitBuckets } from './rate-limit-buckets.js';

/** The limiters, by the name the throttler knows them by (the first part of their keys). */
export const RATE_LIMITERS = { ip: 'ip', token: 'token' } as const;
export type RateLimiter = keyof typeof RATE_LIMITERS;

/**
 * @nestjs/throttler's guard with the API's answer: 429 in the usual error shape, Retry-After
 * in whole seconds (the throttler would name the header after the limiter, Retry-After-token),
 * and one warning per limited client and episode, never with its token or the token's hash.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @Inject(RateLimitBuckets) private readonly buckets: RateLimitBuckets,
    @Inject(Reflector) reflector: Reflector,
    @Inject(LOGGER) private readonly log: Logger,
  ) {
    super(options, buckets, reflector);
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const limiter: RateLimiter = detail.key.startsWith(`${RATE_LIMITERS.token}:`) ? 'token' : 'ip';
    const retryAfterSeconds = Math.max(1, detail.timeToBlockExpire);
    http.getResponse<Response>().setHeader('Retry-After', String(retryAfterSeconds));
    const per = limiter === 'token' ? 'with this token' : 'from this address';
    if (this.buckets.firstRefusal(detail.key)) {
      this.log.warn({ limiter, limitPerMinute: detail.limit, ip: request.ip }, `rate limit reached ${per}: answering 429 until it refills`);
    }
    const status = HttpStatus.TOO_MANY_REQUESTS;
    throw new HttpException(
      { statusCode: status, error: 'Too Many Requests', code: 'RateLimited', message: `more than ${detail.limit} requests a minute ${per}; retry in ${retryAfterSeconds} s` },
      status,
    );
  }
}
