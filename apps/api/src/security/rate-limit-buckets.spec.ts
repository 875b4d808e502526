import { RateLimitBuckets } from './rate-limit-buckets.js';

const MINUTE = 60_000;

describe('RateLimitBuckets', () => {
  let now: number;
  let buckets: RateLimitBuckets;
  const hit = (key = 'token:a', limit = 6) => buckets.increment(key, MINUTE, limit);

  beforeEach(() => {
    now = 1_000_000;
    buckets = new RateLimitBuckets(() => now, 3);
  });

  it('admits a burst of exactly the limit, then refuses until one request has refilled', async () => {
    for (let i = 0; i < 6; i++) expect((await hit()).isBlocked).toBe(false);
    const refused = await hit();
    expect(refused).toMatchObject({ isBlocked: true, timeToBlockExpire: 10 });
    now += 9_999;
    expect((await hit()).isBlocked).toBe(true);
    now += 1;
    expect((await hit()).isBlocked).toBe(false);
    expect((await hit()).isBlocked).toBe(true);
  });

  it('admits a steady limit per minute for ever', async () => {
    for (let i = 0; i < 600; i++) {
      expect((await hit()).isBlocked).toBe(false);
      now += MINUTE / 6;
    }
  });

  it('admits a burst that float sums of ttl/limit would overshoot', async () => {
    for (let i = 0; i < 7; i++) expect((await buckets.increment('token:a', MINUTE, 7)).isBlocked).toBe(false);
    expect((await buckets.increment('token:a', MINUTE, 7)).isBlocked).toBe(true);
  });

  it('keeps keys apart', async () => {
    for (let i = 0; i < 6; i++) await hit('token:a');
    expect((await hit('token:a')).isBlocked).toBe(true);
    expect((await hit('token:b')).isBlocked).toBe(false);
  });

  it('reports the first refusal of an episode once', async () => {
    for (let i = 0; i < 6; i++) await hit();
    await hit();
    expect(buckets.firstRefusal('token:a')).toBe(true);
    await hit();
    expect(buckets.firstRefusal('token:a')).toBe(false);
    now += MINUTE;
    await hit();
    for (let i = 0; i < 6; i++) await hit();
    expect(buckets.firstRefusal('token:a')).toBe(true);
  });

  it('forgets the least recently admitted key beyond its bound', async () => {
    for (let i = 0; i < 6; i++) await hit('ip:1');
    await hit('ip:2');
    await hit('ip:3');
    await hit('ip:4');
    expect(buckets.size).toBe(3);
    // ip:1 was forgotten: its bucket counts as full again.
    expect((await hit('ip:1')).isBlocked).toBe(false);
  });
});
