import type { BusinessHoursCalendar, Calendar, OpeningHours, Weekday } from './calendar.js';

/** Calendars shared by the SLA specs (not exported from the lib). */
const hours = (...spans: [string, string][]): OpeningHours[] => spans.map(([start, end]) => ({ start, end }));

export const weekdays = (openings: OpeningHours[]): Record<Weekday, OpeningHours[]> => ({
  mon: openings,
  tue: openings,
  wed: openings,
  thu: openings,
  fri: openings,
  sat: [],
  sun: [],
});

export const everyDay = (openings: OpeningHours[]): Record<Weekday, OpeningHours[]> => ({
  ...weekdays(openings),
  sat: openings,
  sun: openings,
});

const zoned = (timeZone: string, week: Record<Weekday, OpeningHours[]>, holidays: string[] = []): BusinessHoursCalendar => ({
  kind: 'business-hours',
  timeZone,
  week,
  holidays,
});

export const TWENTY_FOUR_SEVEN: Calendar = { kind: '24x7' };

/** Mon–Fri 09:00–17:00; Good Friday, Easter Monday, Christmas Eve and Day 2026 off. */
export const BERLIN_OFFICE = zoned('Europe/Berlin', weekdays(hours(['09:00', '17:00'])), ['2026-04-03', '2026-04-06', '2026-12-24', '2026-12-25']);

/** Mon–Fri 08:00–12:00 and 13:00–17:00; July 3 (observed) and Thanksgiving 2026 off. */
export const LA_OFFICE = zoned('America/Los_Angeles', weekdays(hours(['08:00', '12:00'], ['13:00', '17:00'])), ['2026-07-03', '2026-11-26']);

/** Round the clock in Berlin's wall time (23 h / 25 h on switch days), Christmas Day off. */
export const BERLIN_ALL_DAY = zoned('Europe/Berlin', everyDay(hours(['00:00', '24:00'])), ['2026-12-25']);

export const LA_ALL_DAY = zoned('America/Los_Angeles', everyDay(hours(['00:00', '24:00'])));

/** A night shift spanning the switch hour (02:00→03:00 in spring, 03:00→02:00 in autumn). */
export const BERLIN_NIGHT = zoned('Europe/Berlin', everyDay(hours(['01:00', '04:00'])));

export const LA_NIGHT = zoned('America/Los_Angeles', everyDay(hours(['00:30', '03:30'])));

/** Opens at a wall time that does not exist on spring-forward day and happens twice on fall-back day. */
export const BERLIN_FROM_0230 = zoned('Europe/Berlin', everyDay(hours(['02:30', '05:00'])));
