import type { Calendar } from './calendar.js';
import { openSpans } from './open-intervals.js';

/** Durations are whole milliseconds: fractional inputs are rounded once, here. */
export function checkedDuration(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Business time must be a finite number of ms >= 0, got ${ms}`);
  return Math.round(ms);
}

function instantOf(date: Date, name: string): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${name} is an invalid Date`);
  return ms;
}

/**
 * The earliest instant `t >= start` with `businessTimeBetween(start, t) >= ms`: counting begins at
 * the next opening if `start` is outside business hours, and a target that is used up exactly at
 * closing time is due at closing time (Friday 17:00, not Monday 09:00). `ms = 0` gives `start`.
 * Throws RangeError if the calendar never opens (no opening hours at all).
 */
export function addBusinessTime(start: Date, ms: number, calendar: Calendar): Date {
  let remaining = checkedDuration(ms);
  const from = instantOf(start, 'start');
  if (remaining === 0) return new Date(from);
  for (const [open, close] of openSpans(calendar, from, Infinity)) {
    if (close - open >= remaining) return new Date(open + remaining);
    remaining -= close - open;
  }
  throw new RangeError('unreachable: openSpans is unbounded'); // openSpans throws rather than ending
}

/** Business time (ms) in [a, b); 0 if b <= a. */
export function businessTimeBetween(a: Date, b: Date, calendar: Calendar): number {
  return businessMsBetween(instantOf(a, 'a'), instantOf(b, 'b'), calendar);
}

/** `businessTimeBetween` on ms instants (`to` may be Infinity only if the caller stops pulling). */
export function businessMsBetween(from: number, to: number, calendar: Calendar): number {
  let total = 0;
  for (const [open, close] of openSpans(calendar, from, to)) total += close - open;
  return total;
}
