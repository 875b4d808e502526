import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addBusinessTime, businessTimeBetween } from './business-time.js';
import { validateCalendar, WEEKDAYS, type Calendar, type OpeningHours, type Weekday } from './calendar.js';
import { dueAtFor, elapsedBusinessTime, rebaseTimeline, type ClockTimeline } from './clock-timeline.js';
import { openIntervals } from './open-intervals.js';
import { firstInstantAtWallTime, ZoneOffsets } from './zoned-time.js';

/** Property-based tests of the SLA clock math (fast-check). */
const RUNS = { numRuns: 100 };
const at = (ms: number) => new Date(ms);

/*
 * Generators. Zones and dates are chosen so DST switches are frequent: Berlin and Los Angeles,
 * São Paulo (2018/19 switched at midnight, so some days start at 01:00), Lord Howe (30-minute
 * DST), Chatham (+13:45) and zones without DST. Instants cluster around those switches.
 */
const ZONES = ['Europe/Berlin', 'America/Los_Angeles', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kolkata', 'UTC'];

const DAY = 86_400_000;
const WINDOW_START = Date.UTC(2018, 9, 1);
const WINDOW_END = Date.UTC(2019, 4, 1);
const SWITCHES = [
  '2018-10-28T01:00Z', // Berlin, fall back
  '2019-03-31T01:00Z', // Berlin, spring forward
  '2018-11-04T09:00Z', // Los Angeles, fall back
  '2019-03-10T10:00Z', // Los Angeles, spring forward
  '2018-11-04T03:00Z', // São Paulo, midnight skipped
  '2019-02-17T02:00Z', // São Paulo, 23:00 repeated
  '2019-04-06T15:00Z', // Lord Howe, 30 minutes back
  '2019-04-06T14:00Z', // Chatham, back
].map((s) => Date.parse(s));

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;

/** Up to three openings a day on any minute boundaries, midnight included. */
const openingsArb: fc.Arbitrary<OpeningHours[]> = fc
  .uniqueArray(fc.oneof(fc.integer({ min: 0, max: 1440 }), fc.constantFrom(0, 60, 120, 150, 180, 1440)), { maxLength: 6 })
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const openings: OpeningHours[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) openings.push({ start: hhmm(sorted[i]), end: hhmm(sorted[i + 1]) });
    return openings;
  });

const weekArb = fc.tuple(...WEEKDAYS.map(() => openingsArb)).map((days) => Object.fromEntries(WEEKDAYS.map((d, i) => [d, days[i]])) as Record<Weekday, OpeningHours[]>);

const holidaysArb = fc
  .uniqueArray(fc.integer({ min: WINDOW_START / DAY, max: WINDOW_END / DAY }), { maxLength: 40 })
  .map((days) => days.map((d) => new Date(d * DAY).toISOString().slice(0, 10)));

const calendarArb: fc.Arbitrary<Calendar> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Calendar>({ kind: '24x7' }) },
  {
    weight: 6,
    arbitrary: fc
      .record({ timeZone: fc.constantFrom(...ZONES), week: weekArb, holidays: holidaysArb })
      .map((c) => validateCalendar({ kind: 'business-hours', ...c }))
      .filter((r) => r.ok)
      .map((r) => (r.ok ? r.calendar : ({ kind: '24x7' } as Calendar))),
  },
);

/** An instant in the window, half the time within two days of a DST switch. */
const instantArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: WINDOW_START, max: WINDOW_END }),
  fc.tuple(fc.constantFrom(...SWITCHES), fc.integer({ min: -2 * DAY, max: 2 * DAY })).map(([t, d]) => t + d),
);

/** A duration up to `maxDays` days, biased towards small and round values. */
const durationArb = (maxDays: number): fc.Arbitrary<number> =>
  fc.oneof(fc.integer({ min: 0, max: maxDays * DAY }), fc.integer({ min: 0, max: 48 * 4 }).map((q) => q * 15 * 60_000));


describe('business time, properties', () => {
  it('adding then measuring gives back the duration, and the due instant is the earliest one', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, durationArb(2), (calendar, start, ms) => {
        const due = addBusinessTime(at(start), ms, calendar);
        expect(due.getTime()).toBeGreaterThanOrEqual(start);
        expect(businessTimeBetween(at(start), due, calendar)).toBe(ms);
        if (ms > 0) expect(businessTimeBetween(at(start), at(due.getTime() - 1), calendar)).toBe(ms - 1);
      }),
      RUNS,
    );
  });

  it('splitting an interval adds up', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, durationArb(20), durationArb(20), (calendar, a, d1, d2) => {
        const [b, c] = [a + d1, a + d1 + d2];
        expect(businessTimeBetween(at(a), at(b), calendar) + businessTimeBetween(at(b), at(c), calendar)).toBe(businessTimeBetween(at(a), at(c), calendar));
      }),
      RUNS,
    );
  });

  it('open intervals are ordered, disjoint, joined where they meet, inside the range, and sum to the business time', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, durationArb(20), (calendar, from, length) => {
        const intervals = [...openIntervals(at(from), at(from + length), calendar)];
        let previousEnd = -Infinity;
        let total = 0;
        for (const { start, end } of intervals) {
          expect(start.getTime()).toBeGreaterThan(previousEnd);
          expect(end.getTime()).toBeGreaterThan(start.getTime());
          previousEnd = end.getTime();
          total += end.getTime() - start.getTime();
        }
        if (intervals.length > 0) {
          expect(intervals[0].start.getTime()).toBeGreaterThanOrEqual(from);
          expect(previousEnd).toBeLessThanOrEqual(from + length);
        }
        expect(total).toBe(businessTimeBetween(at(from), at(from + length), calendar));
      }),
      RUNS,
    );
  });

  it('a wall time maps to the first instant the zone’s clock shows it (checked against luxon)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instantArb, (zone, instant) => {
        const wallOf = (ms: number) => {
          const local = DateTime.fromMillis(ms, { zone });
          return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
        };
        const wall = wallOf(instant);
        const first = firstInstantAtWallTime(ZoneOffsets.of(zone), wall);
        expect(first).toBeLessThanOrEqual(instant);
        expect(wallOf(first)).toBe(wall);
        expect(wallOf(first - 1)).toBeLessThan(wall);
      }),
      { numRuns: 300 },
    );
  });
});

/** A clock with up to four disjoint pauses in order; the last one may still be running (to = null). */
const timelineArb = fc
  .record({
    start: instantArb,
    pauses: fc.array(fc.tuple(durationArb(3), durationArb(3)), { maxLength: 4 }),
    lastOpen: fc.boolean(),
  })
  .map(({ start, pauses, lastOpen }): ClockTimeline => {
    let cursor = start;
    const list = pauses.map(([gap, length], i) => {
      const from = cursor + gap;
      cursor = from + length;
      return { from: at(from), to: lastOpen && i === pauses.length - 1 ? null : at(cursor) };
    });
    return { startedAt: at(start), pauses: list };
  });

const pausedBusinessTime = (timeline: ClockTimeline, now: number, calendar: Calendar) =>
  timeline.pauses.reduce((sum, p) => sum + businessTimeBetween(p.from, at(Math.min(p.to?.getTime() ?? Infinity, now)), calendar), 0);

describe('SLA clocks, properties', () => {
  it('paused time never counts: elapsed + paused = business time since the start', () => {
    fc.assert(
      fc.property(calendarArb, timelineArb, durationArb(12), (calendar, timeline, sinceStart) => {
        const now = timeline.startedAt.getTime() + sinceStart;
        expect(elapsedBusinessTime(timeline, at(now), calendar) + pausedBusinessTime(timeline, now, calendar)).toBe(businessTimeBetween(timeline.startedAt, at(now), calendar));
      }),
      RUNS,
    );
  });

  it('the elapsed time stands still during a pause', () => {
    fc.assert(
      fc.property(calendarArb, timelineArb, fc.double({ min: 0, max: 1, noNaN: true }), (calendar, timeline, fraction) => {
        for (const { from, to } of timeline.pauses) {
          const end = to?.getTime() ?? from.getTime() + 3 * 86_400_000;
          const inside = Math.floor(from.getTime() + fraction * (end - from.getTime()));
          expect(elapsedBusinessTime(timeline, at(inside), calendar)).toBe(elapsedBusinessTime(timeline, from, calendar));
        }
      }),
      RUNS,
    );
  });

  it('the due instant is the earliest at which the elapsed time reaches the target; none while paused short of it', () => {
    fc.assert(
      fc.property(calendarArb, timelineArb, durationArb(2), (calendar, timeline, target) => {
        const due = dueAtFor(timeline, target, calendar);
        if (due === null) {
          expect(timeline.pauses.some((p) => p.to === null)).toBe(true);
          const openPause = timeline.pauses.find((p) => p.to === null)!;
          expect(elapsedBusinessTime(timeline, openPause.from, calendar)).toBeLessThan(target);
          return;
        }
        expect(elapsedBusinessTime(timeline, due, calendar)).toBe(target);
        if (target > 0) expect(elapsedBusinessTime(timeline, at(due.getTime() - 1), calendar)).toBe(target - 1);
      }),
      RUNS,
    );
  });

  it('rebasing on the same calendar changes neither the elapsed time nor a due time still ahead', () => {
    fc.assert(
      fc.property(calendarArb, timelineArb, durationArb(6), durationArb(6), durationArb(2), (calendar, timeline, atOffset, later, target) => {
        const changedAt = timeline.startedAt.getTime() + atOffset;
        const rebased = rebaseTimeline(timeline, at(changedAt), calendar);
        expect(elapsedBusinessTime(rebased, at(changedAt + later), calendar)).toBe(elapsedBusinessTime(timeline, at(changedAt + later), calendar));
        const due = dueAtFor(timeline, target, calendar);
        if (due === null || due.getTime() > changedAt) expect(dueAtFor(rebased, target, calendar)).toEqual(due);
      }),
      RUNS,
    );
  });
});
