import type { ThrottlerStorage } from '@nestjs/throttler';

/** What the throttler's guard reads back (its type is not exported from the package's index). */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** Keys remembered at most; beyond, the least recently admitted go (as if their bucket were full). */
const MAX_KEYS = 100_000;
/** Float sums of ttl/limit may overshoot by a hair; a whole burst of `limit` must still pass. */
const EPSILON_MS = 0.001;

interface Bucket {
  /** When the bucket is full again (GCRA's theoretical arrival time, ms since the epoch). */
  fullAt: number;
  /** This bucket's refusal was already reported since it last admitted a request. */
  refusalReported: boolean;
}

/**
 * The throttler's storage as token buckets: a key holds `limit` requests, refilled evenly over
 * `ttl`, so a client may burst up to the limit and then go on at limit per ttl; a refused
 * request costs its sender nothing. One timestamp per key (GCRA), O(1) per request — the
 * throttler's default store keeps and filters one timestamp per hit, thousands per busy key.
 * blockDuration is not used: a refused client only waits for the next request to free up.
 */
export class RateLimitBuckets implements ThrottlerStorage {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxKeys = MAX_KEYS,
  ) {}

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    const interval = ttl / limit;
    const fullAt = Math.max(this.buckets.get(key)?.fullAt ?? now, now);
    const admittedFullAt = fullAt + interval;
    const waitMs = admittedFullAt - ttl - now;
    if (waitMs > EPSILON_MS) {
      return { totalHits: limit + 1, timeToExpire: secondsUntil(fullAt - now), isBlocked: true, timeToBlockExpire: secondsUntil(waitMs) };
    }
    this.admit(key, admittedFullAt);
    return { totalHits: Math.ceil((admittedFullAt - now) / interval - EPSILON_MS), timeToExpire: secondsUntil(admittedFullAt - now), isBlocked: false, timeToBlockExpire: 0 };
  }

  /** True for a key's first refusal since it last admitted a request: the one worth a log line. */
  firstRefusal(key: string): boolean {
    const bucket = this.buckets.get(key);
    if (!bucket || bucket.refusalReported) return false;
    bucket.refusalReported = true;
    return true;
  }

  get size(): number {
    return this.buckets.size;
  }

  private admit(key: string, fullAt: number): void {
    // Re-inserted, so the map's order is least recently admitted first.
    this.buckets.delete(key);
    this.buckets.set(key, { fullAt, refusalReported: false });
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
  }
}

function secondsUntil(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
