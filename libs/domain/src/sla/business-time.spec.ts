import type { Calendar } from './calendar.js';
import { addBusinessTime, businessTimeBetween } from './business-time.js';
import { openIntervals } from './open-intervals.js';
import {
  BERLIN_ALL_DAY,
  BERLIN_FROM_0230,
  BERLIN_NIGHT,
  BERLIN_OFFICE,
  LA_ALL_DAY,
  LA_NIGHT,
  LA_OFFICE,
  TWENTY_FOUR_SEVEN,
  everyDay,
} from './calendars.fixture.js';

const MIN = 60_000;
const iso = (value: string) => new Date(value);

describe('addBusinessTime (and businessTimeBetween back again)', () => {
  // Starts are written in the calendar's local offset, due instants in UTC, so a wrong offset shows.
  it.each<{ scenario: string; calendar: Calendar; start: string; minutes: number; due: string }>([
    { scenario: 'within office hours', calendar: BERLIN_OFFICE, start: '2026-03-10T10:00+01:00', minutes: 60, due: '2026-03-10T10:00:00.000Z' },
    { scenario: 'before opening: counts from 09:00', calendar: BERLIN_OFFICE, start: '2026-03-10T07:00+01:00', minutes: 30, due: '2026-03-10T08:30:00.000Z' },
    { scenario: 'past closing: continues next morning', calendar: BERLIN_OFFICE, start: '2026-03-10T16:00+01:00', minutes: 120, due: '2026-03-11T09:00:00.000Z' },
    { scenario: 'weekend: Friday afternoon to Monday', calendar: BERLIN_OFFICE, start: '2026-03-06T16:00+01:00', minutes: 120, due: '2026-03-09T09:00:00.000Z' },
    { scenario: 'weekend: started on Saturday', calendar: BERLIN_OFFICE, start: '2026-03-07T12:00+01:00', minutes: 60, due: '2026-03-09T09:00:00.000Z' },
    { scenario: 'used up exactly at closing: due Friday 17:00', calendar: BERLIN_OFFICE, start: '2026-03-06T09:00+01:00', minutes: 480, due: '2026-03-06T16:00:00.000Z' },
    { scenario: 'holiday: Good Friday and Easter Monday', calendar: BERLIN_OFFICE, start: '2026-04-02T16:00+02:00', minutes: 120, due: '2026-04-07T08:00:00.000Z' },
    { scenario: 'holiday: Christmas Eve and Day before a weekend', calendar: BERLIN_OFFICE, start: '2026-12-23T16:30+01:00', minutes: 60, due: '2026-12-28T08:30:00.000Z' },
    { scenario: 'holiday in a round-the-clock calendar', calendar: BERLIN_ALL_DAY, start: '2026-12-24T23:00+01:00', minutes: 120, due: '2026-12-26T00:00:00.000Z' },
    { scenario: 'lunch break skipped', calendar: LA_OFFICE, start: '2026-03-10T11:30-07:00', minutes: 60, due: '2026-03-10T20:30:00.000Z' },
    { scenario: 'holiday: July 3 observed', calendar: LA_OFFICE, start: '2026-07-02T17:00-07:00', minutes: 60, due: '2026-07-06T16:00:00.000Z' },
    { scenario: 'holiday: Thanksgiving', calendar: LA_OFFICE, start: '2026-11-25T16:00-08:00', minutes: 120, due: '2026-11-27T17:00:00.000Z' },
    { scenario: 'Berlin spring-forward weekend: Friday CET to Monday CEST', calendar: BERLIN_OFFICE, start: '2026-03-27T16:00+01:00', minutes: 120, due: '2026-03-30T08:00:00.000Z' },
    { scenario: 'Berlin fall-back weekend: Friday CEST to Monday CET', calendar: BERLIN_OFFICE, start: '2026-10-23T16:00+02:00', minutes: 120, due: '2026-10-26T09:00:00.000Z' },
    { scenario: 'Los Angeles spring-forward weekend: PST to PDT', calendar: LA_OFFICE, start: '2026-03-06T16:00-08:00', minutes: 120, due: '2026-03-09T16:00:00.000Z' },
    { scenario: 'Los Angeles fall-back weekend: PDT to PST', calendar: LA_OFFICE, start: '2026-10-30T16:30-07:00', minutes: 90, due: '2026-11-02T17:00:00.000Z' },
    { scenario: 'Berlin spring-forward night: 01:00–04:00 lasts 2 h', calendar: BERLIN_NIGHT, start: '2026-03-29T01:00+01:00', minutes: 150, due: '2026-03-29T23:30:00.000Z' },
    { scenario: 'Berlin fall-back night: 01:00–04:00 lasts 4 h', calendar: BERLIN_NIGHT, start: '2026-10-25T01:00+02:00', minutes: 210, due: '2026-10-25T02:30:00.000Z' },
    { scenario: 'Los Angeles spring-forward night: 00:30–03:30 lasts 2 h', calendar: LA_NIGHT, start: '2026-03-08T00:30-08:00', minutes: 120, due: '2026-03-08T10:30:00.000Z' },
    { scenario: 'Los Angeles fall-back night: 00:30–03:30 lasts 4 h', calendar: LA_NIGHT, start: '2026-11-01T00:30-07:00', minutes: 240, due: '2026-11-01T11:30:00.000Z' },
    { scenario: 'opening at 02:30 on spring-forward day opens at the jump (03:00 CEST)', calendar: BERLIN_FROM_0230, start: '2026-03-29T01:00+01:00', minutes: 60, due: '2026-03-29T02:00:00.000Z' },
    { scenario: 'opening at 02:30 on fall-back day opens at its first occurrence', calendar: BERLIN_FROM_0230, start: '2026-10-25T00:00Z', minutes: 60, due: '2026-10-25T01:30:00.000Z' },
    { scenario: 'Berlin spring-forward day is 23 h round the clock', calendar: BERLIN_ALL_DAY, start: '2026-03-29T00:00+01:00', minutes: 23 * 60, due: '2026-03-29T22:00:00.000Z' },
    { scenario: '24/7 ignores DST', calendar: TWENTY_FOUR_SEVEN, start: '2026-03-29T00:30Z', minutes: 60, due: '2026-03-29T01:30:00.000Z' },
    { scenario: 'zero minutes outside hours: due at the start', calendar: BERLIN_OFFICE, start: '2026-03-07T12:00+01:00', minutes: 0, due: '2026-03-07T11:00:00.000Z' },
  ])('$scenario', ({ calendar, start, minutes, due }) => {
    const result = addBusinessTime(iso(start), minutes * MIN, calendar);
    expect(result.toISOString()).toBe(due);
    expect(businessTimeBetween(iso(start), result, calendar)).toBe(minutes * MIN);
  });
});

describe('businessTimeBetween', () => {
  it.each<{ scenario: string; calendar: Calendar; from: string; to: string; minutes: number }>([
    { scenario: 'an office week is 40 h', calendar: BERLIN_OFFICE, from: '2026-03-02T00:00+01:00', to: '2026-03-09T00:00+01:00', minutes: 40 * 60 },
    { scenario: 'Easter week loses Good Friday', calendar: BERLIN_OFFICE, from: '2026-03-30T00:00+02:00', to: '2026-04-06T00:00+02:00', minutes: 32 * 60 },
    { scenario: 'the office Monday after spring-forward is still 8 h', calendar: BERLIN_OFFICE, from: '2026-03-30T00:00+02:00', to: '2026-03-31T00:00+02:00', minutes: 8 * 60 },
    { scenario: 'Berlin spring-forward Sunday is 23 h', calendar: BERLIN_ALL_DAY, from: '2026-03-29T00:00+01:00', to: '2026-03-30T00:00+02:00', minutes: 23 * 60 },
    { scenario: 'Berlin fall-back Sunday is 25 h', calendar: BERLIN_ALL_DAY, from: '2026-10-25T00:00+02:00', to: '2026-10-26T00:00+01:00', minutes: 25 * 60 },
    { scenario: 'Los Angeles spring-forward Sunday is 23 h', calendar: LA_ALL_DAY, from: '2026-03-08T00:00-08:00', to: '2026-03-09T00:00-07:00', minutes: 23 * 60 },
    { scenario: 'Los Angeles fall-back Sunday is 25 h', calendar: LA_ALL_DAY, from: '2026-11-01T00:00-07:00', to: '2026-11-02T00:00-08:00', minutes: 25 * 60 },
    { scenario: 'opening 02:30–05:00 on spring-forward day is 2 h', calendar: BERLIN_FROM_0230, from: '2026-03-29T00:00Z', to: '2026-03-30T00:00Z', minutes: 120 },
    { scenario: 'opening 02:30–05:00 on fall-back day is 3.5 h', calendar: BERLIN_FROM_0230, from: '2026-10-25T00:00Z', to: '2026-10-26T00:00Z', minutes: 210 },
    { scenario: 'the year 2026 in the Berlin office: 257 days of 8 h', calendar: BERLIN_OFFICE, from: '2026-01-01T00:00+01:00', to: '2027-01-01T00:00+01:00', minutes: 257 * 8 * 60 },
    { scenario: 'from after to is 0', calendar: TWENTY_FOUR_SEVEN, from: '2026-03-02T10:00Z', to: '2026-03-02T09:00Z', minutes: 0 },
    { scenario: 'a weekend is 0', calendar: LA_OFFICE, from: '2026-03-07T00:00-08:00', to: '2026-03-09T00:00-07:00', minutes: 0 },
  ])('$scenario', ({ calendar, from, to, minutes }) => {
    expect(businessTimeBetween(iso(from), iso(to), calendar)).toBe(minutes * MIN);
  });
});

describe('openIntervals', () => {
  it('lists openings clipped to the range, each in real instants', () => {
    const intervals = [...openIntervals(iso('2026-03-10T11:00-07:00'), iso('2026-03-11T09:00-07:00'), LA_OFFICE)];
    expect(intervals.map(({ start, end }) => [start.toISOString(), end.toISOString()])).toEqual([
      ['2026-03-10T18:00:00.000Z', '2026-03-10T19:00:00.000Z'],
      ['2026-03-10T20:00:00.000Z', '2026-03-11T00:00:00.000Z'],
      ['2026-03-11T15:00:00.000Z', '2026-03-11T16:00:00.000Z'],
    ]);
  });

  it('joins openings that meet at midnight', () => {
    const calendar: Calendar = {
      kind: 'business-hours',
      timeZone: 'UTC',
      week: { ...everyDay([]), fri: [{ start: '20:00', end: '24:00' }], sat: [{ start: '00:00', end: '02:00' }] },
      holidays: [],
    };
    const intervals = [...openIntervals(iso('2026-03-06T00:00Z'), iso('2026-03-08T00:00Z'), calendar)];
    expect(intervals).toEqual([{ start: iso('2026-03-06T20:00Z'), end: iso('2026-03-07T02:00Z') }]);
  });

  it('is the whole range for 24/7', () => {
    expect([...openIntervals(iso('2026-01-01T00:00Z'), iso('2026-01-02T00:00Z'), TWENTY_FOUR_SEVEN)]).toEqual([
      { start: iso('2026-01-01T00:00Z'), end: iso('2026-01-02T00:00Z') },
    ]);
  });
});

describe('guards', () => {
  const closed: Calendar = { kind: 'business-hours', timeZone: 'Europe/Berlin', week: everyDay([]), holidays: [] };

  it('a calendar that never opens cannot give a due time', () => {
    expect(() => addBusinessTime(iso('2026-01-01T00:00Z'), MIN, closed)).toThrow(RangeError);
    expect(businessTimeBetween(iso('2026-01-01T00:00Z'), iso('2027-01-01T00:00Z'), closed)).toBe(0);
  });

  it('a long run of holidays is skipped, not looped on forever', () => {
    const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
    const calendar: Calendar = { ...BERLIN_OFFICE, holidays: Array.from({ length: 3650 }, (_, i) => day(i)) };
    expect(addBusinessTime(iso('2026-01-01T00:00Z'), MIN, calendar).toISOString()).toBe('2035-12-31T08:01:00.000Z');
  });

  it.each([
    ['a negative number', -1],
    ['NaN', Number.NaN],
    ['Infinity', Infinity],
  ])('rejects %s as a duration', (_name, ms) => {
    expect(() => addBusinessTime(iso('2026-01-01T00:00Z'), ms, BERLIN_OFFICE)).toThrow(RangeError);
  });

  it('rejects an invalid Date and a malformed calendar', () => {
    expect(() => addBusinessTime(new Date(Number.NaN), MIN, BERLIN_OFFICE)).toThrow(RangeError);
    expect(() => businessTimeBetween(iso('2026-01-01T00:00Z'), iso('2026-01-02T00:00Z'), { ...BERLIN_OFFICE, timeZone: 'Mars/Olympus' })).toThrow(
      /timeZone/,
    );
  });

  it('stays fast over long spans', () => {
    const from = iso('2026-01-01T00:00Z');
    const to = iso('2027-01-01T00:00Z');
    // Best of five after a warm-up (tabulating the zone's offsets): robust to a busy CI machine.
    const timed = (fn: () => unknown) => {
      fn();
      let best = Infinity;
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        fn();
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    expect(timed(() => businessTimeBetween(from, to, BERLIN_OFFICE))).toBeLessThan(50);
    expect(timed(() => addBusinessTime(from, 2056 * 3_600_000, LA_OFFICE))).toBeLessThan(50);
    expect(timed(() => businessTimeBetween(from, to, BERLIN_ALL_DAY))).toBeLessThan(50);
  });
});
