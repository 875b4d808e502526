import { checkCalendar, parseIsoDate, parseTimeOfDay, WEEKDAYS, type Calendar, type ValidationError } from './calendar.js';
import { DAY_MS, localDayOf, wallTimesOfDay, weekdayOf, ZoneOffsets } from './zoned-time.js';

/**
 * The open intervals of a calendar: the one primitive under all business-time math.
 *
 * A business-hours day contributes its openings as wall-clock intervals converted to instants (see
 * `firstInstantAtWallTime`), so 09:00–17:00 is 8 h on any day unless a DST switch falls inside it,
 * and 00:00–24:00 is 23 h / 25 h on switch days. Days are visited one by one; a closed day (no
 * openings that weekday, or a holiday) costs a table look-up, so a year is ~366 cheap steps.
 */
export interface OpenInterval {
  start: Date;
  end: Date;
}

export type CompiledCalendar =
  | { kind: '24x7' }
  | {
      kind: 'business-hours';
      zone: ZoneOffsets;
      /** Per weekday (0 = Monday) the openings as [startMinute, endMinute) pairs. */
      week: [number, number][][];
      /** Unix day numbers of holidays. */
      holidays: Set<number>;
      hasOpenHours: boolean;
    };

/** Instants beyond this are not representable as a Date (±8.64e15 ms). */
const MAX_INSTANT = 8.64e15;

const compiled = new WeakMap<Calendar, CompiledCalendar>();

/**
 * Parses a calendar, cached per calendar object (calendars are treated as immutable values);
 * throws RangeError if it is malformed.
 */
export function compileCalendar(calendar: Calendar): CompiledCalendar {
  const cached = compiled.get(calendar);
  if (cached) return cached;
  const errors: ValidationError[] = [];
  const valid = checkCalendar(calendar, errors, { strict: false });
  if (!valid) throw new RangeError(`Invalid SLA calendar: ${errors.map((e) => `${e.path || '(root)'} ${e.message}`).join('; ')}`);
  let result: CompiledCalendar;
  if (valid.kind === '24x7') result = { kind: '24x7' };
  else {
    const week = WEEKDAYS.map((day) => valid.week[day].map((o): [number, number] => [parseTimeOfDay(o.start)!, parseTimeOfDay(o.end)!]));
    const holidays = new Set(valid.holidays.map((d) => parseIsoDate(d)!));
    result = {
      kind: 'business-hours',
      zone: ZoneOffsets.of(valid.timeZone),
      week,
      holidays,
      hasOpenHours: week.some((openings) => openings.length > 0),
    };
  }
  compiled.set(calendar, result);
  return result;
}

/**
 * Open spans [start, end) in ms intersecting [from, to), clipped to it, ascending, one per opening
 * (not joined: round-the-clock calendars would never end a span). `to` may be Infinity (for
 * addBusinessTime); the generator then runs as long as it is pulled, and throws RangeError if the
 * calendar can never open again.
 */
export function* openSpans(calendar: Calendar, from: number, to: number): Generator<[number, number]> {
  if (!(from < to)) return;
  const cal = compileCalendar(calendar);
  if (cal.kind === '24x7') {
    yield [from, to];
    return;
  }
  const unbounded = to === Infinity;
  if (!cal.hasOpenHours) {
    if (unbounded) throw new RangeError('The SLA calendar has no opening hours: the clock can never advance');
    return;
  }
  // Start a day early: the previous local day's last opening may reach past `from`.
  const lastDay = unbounded ? Infinity : localDayOf(cal.zone, to) + 1;
  for (let day = localDayOf(cal.zone, from) - 1; day <= lastDay; day++) {
    // With a non-empty week only holidays close more than six days in a row, and there are finitely
    // many: an unbounded scan always finds the next opening, unless it leaves the Date range.
    if (unbounded && day * DAY_MS > MAX_INSTANT) throw new RangeError('No SLA calendar opening within the representable time range');
    const openings = cal.week[weekdayOf(day)];
    if (openings.length === 0 || cal.holidays.has(day)) continue;
    const instant = wallTimesOfDay(cal.zone, day);
    for (const [startMinute, endMinute] of openings) {
      const start = Math.max(instant(startMinute), from);
      if (start >= to) return;
      const end = Math.min(instant(endMinute), to);
      if (start < end) yield [start, end]; // else before `from`, or swallowed by a DST gap
    }
  }
}

/** The calendar's open intervals within [from, to), clipped to it; openings that meet are joined. */
export function* openIntervals(from: Date, to: Date, calendar: Calendar): Generator<OpenInterval> {
  let pending: [number, number] | null = null;
  for (const [start, end] of openSpans(calendar, from.getTime(), to.getTime())) {
    if (pending && pending[1] === start) pending[1] = end;
    else {
      if (pending) yield { start: new Date(pending[0]), end: new Date(pending[1]) };
      pending = [start, end];
    }
  }
  if (pending) yield { start: new Date(pending[0]), end: new Date(pending[1]) };
}
