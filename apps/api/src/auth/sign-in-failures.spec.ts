import { SignInFailures } from './sign-in-failures.js';

describe('SignInFailures', () => {
  it('lets five bad tokens a minute pass undelayed, then doubles the wait up to 5 s', () => {
    let now = 0;
    const failures = new SignInFailures(() => now);
    const delays = Array.from({ length: 12 }, () => failures.record('10.0.0.1').delayMs);
    expect(delays).toEqual([0, 0, 0, 0, 0, 100, 200, 400, 800, 1600, 3200, 5000]);
    expect(failures.record('10.0.0.2').delayMs).toBe(0);
    now += 61_000;
    expect(failures.record('10.0.0.1').delayMs).toBe(0);
  });

  it('says when a burst begins, once', () => {
    const failures = new SignInFailures(() => 0);
    const starts = Array.from({ length: 8 }, () => failures.record('a').burstStarted);
    expect(starts).toEqual([false, false, false, false, false, true, false, false]);
  });
});
