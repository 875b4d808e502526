import { IANAZone } from 'luxon';

/**
 * Business calendars: when an SLA clock counts. Stored as JSON (`sla_policy.calendar`), so they
 * are plain data; `validateCalendar` checks untrusted input (the API answers its errors with 400).
 *
 * - `24x7`: always open, no zone needed.
 * - `business-hours`: weekly opening hours as wall-clock times in an IANA zone, plus holiday
 *   dates on which the whole day is closed. Each opening is `start`–`end` on one local day
 *   (`end` may be "24:00"); to stay open across midnight, end one day at "24:00" and start the
 *   next at "00:00" (adjacent openings join into one interval).
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Wall-clock "HH:mm" times on one local day, `start` < `end`. */
export interface OpeningHours {
  start: string;
  end: string;
}

export interface AlwaysOpenCalendar {
  kind: '24x7';
}

export interface BusinessHoursCalendar {
  kind: 'business-hours';
  /** IANA zone name, e.g. "Europe/Berlin". */
  timeZone: string;
  week: Record<Weekday, OpeningHours[]>;
  /** ISO dates (YYYY-MM-DD) on the calendar's own wall calendar; closed all day. */
  holidays: string[];
}

export type Calendar = AlwaysOpenCalendar | BusinessHoursCalendar;

export const ALWAYS_OPEN: Calendar = { kind: '24x7' };

export interface ValidationError {
  /** Where in the input, e.g. "week.mon[1].end" or "holidays[0]". */
  path: string;
  message: string;
}

export type CalendarValidation = { ok: true; calendar: Calendar } | { ok: false; errors: ValidationError[] };

const TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes since local midnight of an "HH:mm" time ("24:00" = 1440), or null if malformed. */
export function parseTimeOfDay(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = TIME.exec(value);
  if (!match) return null;
  return match[3] ? 1440 : Number(match[1]) * 60 + Number(match[2]);
}

/** The Unix day number of a real calendar date "YYYY-MM-DD", or null. */
export function parseIsoDate(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return ms / 86_400_000;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a calendar and returns a normalised copy: every weekday present (missing = closed),
 * openings sorted, holidays sorted and de-duplicated. Unknown properties are errors (a typo such as
 * "monday" would otherwise silently close a day). A business-hours week without any opening is
 * rejected: no due date could ever be computed on it.
 */
export function validateCalendar(input: unknown): CalendarValidation {
  const errors: ValidationError[] = [];
  const calendar = checkCalendar(input, errors, { strict: true });
  return calendar && errors.length === 0 ? { ok: true, calendar } : { ok: false, errors };
}

/**
 * Shared by `validateCalendar` (strict) and the compiler behind the clock functions (lenient: a
 * stored calendar with an extra property or no opening hours still works, see `openSpans`).
 */
export function checkCalendar(input: unknown, errors: ValidationError[], options: { strict: boolean }): Calendar | null {
  if (!isRecord(input)) {
    errors.push({ path: '', message: 'must be an object' });
    return null;
  }
  const unknownKeys = (allowed: readonly string[]) => {
    if (!options.strict) return;
    for (const key of Object.keys(input)) if (!allowed.includes(key)) errors.push({ path: key, message: 'is not a calendar property' });
  };
  if (input.kind === '24x7') {
    unknownKeys(['kind']);
    return { kind: '24x7' };
  }
  if (input.kind !== 'business-hours') {
    errors.push({ path: 'kind', message: 'must be "24x7" or "business-hours"' });
    return null;
  }
  unknownKeys(['kind', 'timeZone', 'week', 'holidays']);

  const timeZone = input.timeZone;
  if (typeof timeZone !== 'string' || !IANAZone.isValidZone(timeZone)) errors.push({ path: 'timeZone', message: 'must be an IANA time zone such as "Europe/Berlin"' });

  const week = {} as Record<Weekday, OpeningHours[]>;
  if (!isRecord(input.week)) errors.push({ path: 'week', message: 'must be an object with opening hours per weekday (mon … sun)' });
  else {
    for (const key of Object.keys(input.week)) {
      if (options.strict && !(WEEKDAYS as readonly string[]).includes(key)) errors.push({ path: `week.${key}`, message: 'is not a weekday (mon, tue, wed, thu, fri, sat, sun)' });
    }
    for (const day of WEEKDAYS) week[day] = checkDay(input.week[day], `week.${day}`, errors);
    if (options.strict && WEEKDAYS.every((day) => week[day].length === 0)) errors.push({ path: 'week', message: 'must have opening hours on at least one weekday' });
  }

  const holidays = new Set<string>();
  const rawHolidays = input.holidays ?? [];
  if (!Array.isArray(rawHolidays)) errors.push({ path: 'holidays', message: 'must be an array of dates (YYYY-MM-DD)' });
  else
    rawHolidays.forEach((date: unknown, i) => {
      if (parseIsoDate(date) === null) errors.push({ path: `holidays[${i}]`, message: 'must be a date YYYY-MM-DD' });
      else holidays.add(date as string);
    });

  if (errors.length > 0) return null;
  return { kind: 'business-hours', timeZone: timeZone as string, week, holidays: [...holidays].sort() };
}

function checkDay(input: unknown, path: string, errors: ValidationError[]): OpeningHours[] {
  if (input === undefined) return [];
  if (!Array.isArray(input)) {
    errors.push({ path, message: 'must be an array of { start: "HH:mm", end: "HH:mm" }' });
    return [];
  }
  const openings: { start: string; end: string; from: number; to: number; path: string }[] = [];
  input.forEach((item: unknown, i) => {
    const at = `${path}[${i}]`;
    if (!isRecord(item)) {
      errors.push({ path: at, message: 'must be { start: "HH:mm", end: "HH:mm" }' });
      return;
    }
    const from = parseTimeOfDay(item.start);
    const to = parseTimeOfDay(item.end);
    if (from === null || from === 1440) errors.push({ path: `${at}.start`, message: 'must be a time "HH:mm" from 00:00 to 23:59' });
    if (to === null) errors.push({ path: `${at}.end`, message: 'must be a time "HH:mm" from 00:00 to 24:00' });
    if (from === null || from === 1440 || to === null) return;
    if (from >= to) errors.push({ path: at, message: 'must end after it starts (use "24:00" for midnight)' });
    else openings.push({ start: item.start as string, end: item.end as string, from, to, path: at });
  });
  openings.sort((a, b) => a.from - b.from);
  for (let i = 1; i < openings.length; i++) {
    if (openings[i].from < openings[i - 1].to) errors.push({ path: openings[i].path, message: `overlaps ${openings[i - 1].start}–${openings[i - 1].end}` });
  }
  return openings.map(({ start, end }) => ({ start, end }));
}
