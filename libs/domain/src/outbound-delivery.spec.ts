import { afterFailedAttempt, DEFAULT_RETRY_SCHEDULE, isPermanentFailure, retryDelayMs, retrySpanMs } from './outbound-delivery.js';

describe('outbound delivery', () => {
  it.each<[number | null, boolean]>([
    [550, true],
    [554, true],
    [421, false],
    [451, false],
    [null, false],
    [250, false],
  ])('reply code %s is permanent: %s', (responseCode, permanent) => {
    expect(isPermanentFailure({ responseCode })).toBe(permanent);
  });

  it('backs off exponentially over about a day, 8 attempts in all', () => {
    expect([1, 2, 3].map((made) => retryDelayMs(made, DEFAULT_RETRY_SCHEDULE))).toEqual([30_000, 105_000, 367_500]);
    const hours = retrySpanMs(DEFAULT_RETRY_SCHEDULE) / 3_600_000;
    expect(hours).toBeGreaterThan(20);
    expect(hours).toBeLessThan(24);
  });

  it.each<[number | null, number, ReturnType<typeof afterFailedAttempt>]>([
    [421, 1, { state: 'queued', retryInMs: 30_000 }],
    [null, 7, { state: 'queued', retryInMs: retryDelayMs(7, DEFAULT_RETRY_SCHEDULE) }],
    [421, 8, { state: 'failed', permanent: false }],
    [550, 1, { state: 'failed', permanent: true }],
  ])('a %s on attempt %i → %p', (responseCode, attemptsMade, outcome) => {
    expect(afterFailedAttempt({ responseCode }, attemptsMade, DEFAULT_RETRY_SCHEDULE)).toEqual(outcome);
  });
});
