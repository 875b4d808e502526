import type { Calendar } from './calendar.js';
import { addBusinessTime, businessMsBetween, checkedDuration } from './business-time.js';

/**
 * An SLA clock's history: when it started and when it was paused. Paused spans never count.
 *
 * - `pauses` hold `{ from, to }` spans; `to: null` is the pause in progress (at most one makes
 *   sense, at the end). Functions read them tolerantly: spans are sorted, overlaps merged and
 *   clipped to `startedAt`; only `to < from` is rejected as corrupt.
 * - `carriedOverMs` is business time already used before `startedAt` (see `rebaseTimeline`:
 *   a policy change with a different calendar keeps what was measured under the old one).
 */
export interface ClockPause {
  from: Date;
  to: Date | null;
}

export interface ClockTimeline {
  startedAt: Date;
  pauses: ClockPause[];
  carriedOverMs?: number;
}

/** Running spans of the clock as [start, end) ms, end = Infinity for the open-ended last one. */
function runningSpans(timeline: ClockTimeline): [number, number][] {
  const start = timeline.startedAt.getTime();
  if (Number.isNaN(start)) throw new RangeError('startedAt is an invalid Date');
  const paused = timeline.pauses
    .map(({ from, to }): [number, number] => {
      const a = from.getTime();
      const b = to === null ? Infinity : to.getTime();
      if (Number.isNaN(a) || Number.isNaN(b) || b < a) throw new RangeError(`Invalid clock pause: from ${String(from)} to ${String(to)}`);
      return [Math.max(a, start), b];
    })
    .filter(([a, b]) => a < b)
    .sort((x, y) => x[0] - y[0]);
  const running: [number, number][] = [];
  let cursor = start;
  for (const [a, b] of paused) {
    if (a > cursor) running.push([cursor, a]);
    cursor = Math.max(cursor, b);
  }
  if (cursor < Infinity) running.push([cursor, Infinity]);
  return running;
}

function carried(timeline: ClockTimeline): number {
  return checkedDuration(timeline.carriedOverMs ?? 0);
}

/** Whether a pause is in progress (a pause without `to`). */
export function isPaused(timeline: ClockTimeline): boolean {
  return timeline.pauses.some((p) => p.to === null);
}

/** Business time the clock has run by `now` (paused spans excluded), plus any carried-over time. */
export function elapsedBusinessTime(timeline: ClockTimeline, now: Date, calendar: Calendar): number {
  const until = now.getTime();
  let total = carried(timeline);
  for (const [a, b] of runningSpans(timeline)) {
    if (a >= until) break;
    total += businessMsBetween(a, Math.min(b, until), calendar);
  }
  return total;
}

/**
 * The instant at which the clock's elapsed business time reaches `targetMs`, assuming it keeps
 * running after its last recorded event. Pauses that ended (even ones scheduled to end in the
 * future) are honoured. While a pause is in progress the due time is unknown → null, unless the
 * target was already reached before that pause (then that past instant: the clock is overdue).
 * If the carried-over time alone reaches the target, the clock is due at `startedAt`.
 */
export function dueAtFor(timeline: ClockTimeline, targetMs: number, calendar: Calendar): Date | null {
  let remaining = checkedDuration(targetMs) - carried(timeline);
  const spans = runningSpans(timeline);
  if (remaining <= 0) return new Date(timeline.startedAt.getTime());
  for (const [a, b] of spans) {
    const available = b === Infinity ? Infinity : businessMsBetween(a, b, calendar);
    if (available >= remaining) return addBusinessTime(new Date(a), remaining, calendar);
    remaining -= available;
  }
  return null;
}

/** When the warning fires: `thresholdPercent` (0–100, e.g. 80) of the target has elapsed. */
export function warnAtFor(timeline: ClockTimeline, targetMs: number, thresholdPercent: number, calendar: Calendar): Date | null {
  if (!Number.isFinite(thresholdPercent) || thresholdPercent < 0 || thresholdPercent > 100) {
    throw new RangeError(`Warning threshold must be 0–100 %, got ${thresholdPercent}`);
  }
  return dueAtFor(timeline, (checkedDuration(targetMs) * thresholdPercent) / 100, calendar);
}

/** Business time left until the target at `now`; negative once overdue (by how much business time). */
export function remainingBusinessTime(timeline: ClockTimeline, targetMs: number, now: Date, calendar: Calendar): number {
  return checkedDuration(targetMs) - elapsedBusinessTime(timeline, now, calendar);
}

/** Starts a pause at `at`. Throws if already paused or if `at` precedes the clock's last event. */
export function pauseClock(timeline: ClockTimeline, at: Date): ClockTimeline {
  if (isPaused(timeline)) throw new RangeError('The SLA clock is already paused');
  if (at.getTime() < lastEvent(timeline)) throw new RangeError('A pause cannot start before the clock’s last event');
  return { ...timeline, pauses: [...timeline.pauses, { from: at, to: null }] };
}

/** Ends the pause in progress at `at`. Throws if not paused or if `at` precedes the pause. */
export function resumeClock(timeline: ClockTimeline, at: Date): ClockTimeline {
  const open = timeline.pauses.findIndex((p) => p.to === null);
  if (open < 0) throw new RangeError('The SLA clock is not paused');
  if (at.getTime() < timeline.pauses[open].from.getTime()) throw new RangeError('A clock cannot resume before it was paused');
  return { ...timeline, pauses: timeline.pauses.map((p, i) => (i === open ? { from: p.from, to: at } : p)) };
}

function lastEvent(timeline: ClockTimeline): number {
  return Math.max(timeline.startedAt.getTime(), ...timeline.pauses.map((p) => (p.to ?? p.from).getTime()));
}

/**
 * A policy change at `at` whose calendar differs: the business time used so far is measured under
 * the old calendar and carried over; from `at` on the new calendar counts. Pauses after `at` are
 * kept (clipped). For a change of target only (same calendar) this is unnecessary: call `dueAtFor`
 * with the new target; the result is the same either way.
 */
export function rebaseTimeline(timeline: ClockTimeline, at: Date, oldCalendar: Calendar): ClockTimeline {
  if (at.getTime() < timeline.startedAt.getTime()) throw new RangeError('A clock cannot be rebased before it started');
  return {
    startedAt: at,
    carriedOverMs: elapsedBusinessTime(timeline, at, oldCalendar),
    pauses: timeline.pauses
      .filter((p) => p.to === null || p.to.getTime() > at.getTime())
      .map((p) => ({ from: p.from.getTime() < at.getTime() ? at : p.from, to: p.to })),
  };
}
