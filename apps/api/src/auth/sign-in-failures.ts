/** Failures one address may make in a window before its answers slow down. */
const FREE_FAILURES = 5;
const WINDOW_MS = 60_000;
const MAX_DELAY_MS = 5_000;
/** Bounded memory under a spray of addresses: the oldest entries go first. */
const MAX_TRACKED_ADDRESSES = 10_000;

interface FailureStreak {
  count: number;
  since: number;
}

/**
 * Bad credentials per client address. Beyond a few in a minute, each further 401 from that
 * address waits longer (doubling up to 5 s), so guessing tokens costs the guesser time; a
 * success does not reset it (an attacker may also hold one valid token).
 */
export class SignInFailures {
  private readonly streaks = new Map<string, FailureStreak>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Records a failure; answers how long to hold the 401 and whether this one began a burst. */
  record(address: string): { delayMs: number; burstStarted: boolean } {
    const at = this.now();
    let streak = this.streaks.get(address);
    if (!streak || at - streak.since > WINDOW_MS) {
      streak = { count: 0, since: at };
      this.streaks.delete(address);
    }
    streak.count += 1;
    this.streaks.set(address, streak);
    if (this.streaks.size > MAX_TRACKED_ADDRESSES) this.streaks.delete(this.streaks.keys().next().value!);
    const over = streak.count - FREE_FAILURES;
    return { delayMs: over > 0 ? Math.min(MAX_DELAY_MS, 100 * 2 ** (over - 1)) : 0, burstStarted: over === 1 };
  }
}
