import { addBusinessTime } from './sla/business-time.js';
import { ALWAYS_OPEN, type Calendar } from './sla/calendar.js';

/**
 * SLA engine, pure clock math. The pieces live in ./sla/:
 * - calendar.ts: calendar types and validation (24/7 or weekly hours in an IANA zone + holidays)
 * - open-intervals.ts: the open intervals of a calendar (DST-aware, the primitive under the rest)
 * - business-time.ts: add / measure business time
 * - clock-timeline.ts: clocks with pauses: elapsed, due, warn, remaining, policy change
 * - sla-policy.ts: kinds, targets, policy selection
 */
export { ALWAYS_OPEN, WEEKDAYS, validateCalendar } from './sla/calendar.js';
export type { AlwaysOpenCalendar, BusinessHoursCalendar, Calendar, CalendarValidation, OpeningHours, ValidationError, Weekday } from './sla/calendar.js';
export { openIntervals, type OpenInterval } from './sla/open-intervals.js';
export { addBusinessTime, businessTimeBetween } from './sla/business-time.js';
export {
  dueAtFor,
  elapsedBusinessTime,
  isPaused,
  pauseClock,
  rebaseTimeline,
  remainingBusinessTime,
  resumeClock,
  warnAtFor,
  type ClockPause,
  type ClockTimeline,
} from './sla/clock-timeline.js';
export {
  clockActionOnStatusChange,
  clocksRunIn,
  clockStatesAffectedBy,
  followupResumesClocks,
  type ClockForStatusChange,
  type ClockStatusAction,
} from './sla/clock-lifecycle.js';
export {
  DEFAULT_WARN_AT_PERCENT,
  SLA_KINDS,
  selectPolicy,
  targetMinutesFor,
  validateSlaTargets,
  type SlaClockState,
  type SlaKind,
  type SlaPolicyScope,
  type SlaTargets,
  type SlaTargetsValidation,
} from './sla/sla-policy.js';

/** When a clock started at `start` with a target of `minutes` of business time is due. */
export function dueAt(start: Date, minutes: number, calendar: Calendar = ALWAYS_OPEN): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`SLA target must be >= 0 minutes, got ${minutes}`);
  return addBusinessTime(start, minutes * 60_000, calendar);
}

/** A running clock is breached once `now` has reached its due time. */
export function isOverdue(due: Date, now: Date): boolean {
  return now.getTime() >= due.getTime();
}
