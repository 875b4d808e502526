import type { Calendar } from './calendar.js';
import {
  dueAtFor,
  elapsedBusinessTime,
  isPaused,
  pauseClock,
  rebaseTimeline,
  remainingBusinessTime,
  resumeClock,
  warnAtFor,
  type ClockTimeline,
} from './clock-timeline.js';
import { BERLIN_ALL_DAY, BERLIN_OFFICE, LA_OFFICE, TWENTY_FOUR_SEVEN } from './calendars.fixture.js';

const MIN = 60_000;
const iso = (value: string) => new Date(value);
const timeline = (startedAt: string, pauses: [string, string | null][] = []): ClockTimeline => ({
  startedAt: iso(startedAt),
  pauses: pauses.map(([from, to]) => ({ from: iso(from), to: to === null ? null : iso(to) })),
});

describe('clock with pauses', () => {
  it.each<{ scenario: string; calendar: Calendar; startedAt: string; pauses: [string, string | null][]; target: number; now: string; elapsed: number; due: string | null }>([
    { scenario: 'running, no pauses', calendar: BERLIN_OFFICE, startedAt: '2026-03-09T09:00+01:00', pauses: [], target: 480, now: '2026-03-09T13:00+01:00', elapsed: 240, due: '2026-03-09T16:00:00.000Z' },
    {
      scenario: 'paused across midnight (office hours)',
      calendar: BERLIN_OFFICE,
      startedAt: '2026-03-09T09:00+01:00',
      pauses: [['2026-03-09T16:00+01:00', '2026-03-10T10:00+01:00']],
      target: 480,
      now: '2026-03-10T10:30+01:00',
      elapsed: 450,
      due: '2026-03-10T10:00:00.000Z',
    },
    {
      scenario: 'paused across midnight (24/7)',
      calendar: TWENTY_FOUR_SEVEN,
      startedAt: '2026-03-09T20:00Z',
      pauses: [['2026-03-09T23:00Z', '2026-03-10T01:00Z']],
      target: 240,
      now: '2026-03-10T00:30Z',
      elapsed: 180,
      due: '2026-03-10T02:00:00.000Z',
    },
    {
      scenario: 'paused across the Berlin spring-forward night',
      calendar: BERLIN_ALL_DAY,
      startedAt: '2026-03-28T12:00+01:00',
      pauses: [['2026-03-29T00:00+01:00', '2026-03-29T04:00+02:00']],
      target: 1440,
      now: '2026-03-29T06:00+02:00',
      elapsed: 840,
      due: '2026-03-29T14:00:00.000Z',
    },
    {
      scenario: 'paused over lunch and beyond (Los Angeles)',
      calendar: LA_OFFICE,
      startedAt: '2026-03-09T08:00-07:00',
      pauses: [['2026-03-09T11:00-07:00', '2026-03-09T14:00-07:00']],
      target: 240,
      now: '2026-03-09T13:30-07:00',
      elapsed: 180,
      due: '2026-03-09T22:00:00.000Z',
    },
    {
      scenario: 'a pause over the weekend changes nothing',
      calendar: BERLIN_OFFICE,
      startedAt: '2026-03-06T13:00+01:00',
      pauses: [['2026-03-06T17:00+01:00', '2026-03-09T09:00+01:00']],
      target: 480,
      now: '2026-03-09T10:00+01:00',
      elapsed: 300,
      due: '2026-03-09T12:00:00.000Z',
    },
    {
      scenario: 'paused now: no due time while paused',
      calendar: BERLIN_OFFICE,
      startedAt: '2026-03-09T09:00+01:00',
      pauses: [['2026-03-09T11:00+01:00', null]],
      target: 480,
      now: '2026-03-10T12:00+01:00',
      elapsed: 120,
      due: null,
    },
    {
      scenario: 'breached before the current pause: due stays in the past',
      calendar: BERLIN_OFFICE,
      startedAt: '2026-03-09T09:00+01:00',
      pauses: [['2026-03-09T11:00+01:00', null]],
      target: 60,
      now: '2026-03-09T12:00+01:00',
      elapsed: 120,
      due: '2026-03-09T09:00:00.000Z',
    },
    {
      scenario: 'resume scheduled in the future',
      calendar: TWENTY_FOUR_SEVEN,
      startedAt: '2026-03-09T00:00Z',
      pauses: [['2026-03-09T01:00Z', '2026-03-09T10:00Z']],
      target: 120,
      now: '2026-03-09T02:00Z',
      elapsed: 60,
      due: '2026-03-09T11:00:00.000Z',
    },
    {
      scenario: 'pauses out of order and overlapping are merged',
      calendar: TWENTY_FOUR_SEVEN,
      startedAt: '2026-03-09T00:00Z',
      pauses: [
        ['2026-03-09T02:00Z', '2026-03-09T04:00Z'],
        ['2026-03-09T01:00Z', '2026-03-09T03:00Z'],
      ],
      target: 180,
      now: '2026-03-09T05:00Z',
      elapsed: 120,
      due: '2026-03-09T06:00:00.000Z',
    },
    {
      scenario: 'a pause reaching back before the start counts from the start',
      calendar: TWENTY_FOUR_SEVEN,
      startedAt: '2026-03-09T00:00Z',
      pauses: [['2026-03-08T23:00Z', '2026-03-09T01:00Z']],
      target: 60,
      now: '2026-03-09T00:30Z',
      elapsed: 0,
      due: '2026-03-09T02:00:00.000Z',
    },
  ])('$scenario', ({ calendar, startedAt, pauses, target, now, elapsed, due }) => {
    const clock = timeline(startedAt, pauses);
    expect(elapsedBusinessTime(clock, iso(now), calendar)).toBe(elapsed * MIN);
    expect(remainingBusinessTime(clock, target * MIN, iso(now), calendar)).toBe((target - elapsed) * MIN);
    expect(dueAtFor(clock, target * MIN, calendar)?.toISOString() ?? null).toBe(due);
  });

  it('is overdue by business time, not wall time', () => {
    const clock = timeline('2026-03-09T09:00+01:00');
    expect(remainingBusinessTime(clock, 60 * MIN, iso('2026-03-10T10:00+01:00'), BERLIN_OFFICE)).toBe(-480 * MIN);
  });

  it('rejects a pause that ends before it starts', () => {
    expect(() => elapsedBusinessTime(timeline('2026-03-09T00:00Z', [['2026-03-09T02:00Z', '2026-03-09T01:00Z']]), iso('2026-03-10T00:00Z'), TWENTY_FOUR_SEVEN)).toThrow(
      RangeError,
    );
  });
});

describe('warning threshold', () => {
  it.each<{ scenario: string; calendar: Calendar; startedAt: string; pauses: [string, string | null][]; target: number; percent: number; warnAt: string | null }>([
    { scenario: '80 % of a working day', calendar: BERLIN_OFFICE, startedAt: '2026-03-09T09:00+01:00', pauses: [], target: 480, percent: 80, warnAt: '2026-03-09T14:24:00.000Z' },
    { scenario: '75 % across lunch', calendar: LA_OFFICE, startedAt: '2026-03-09T08:00-07:00', pauses: [], target: 480, percent: 75, warnAt: '2026-03-09T22:00:00.000Z' },
    { scenario: '0 % warns at the start', calendar: BERLIN_OFFICE, startedAt: '2026-03-09T09:00+01:00', pauses: [], target: 480, percent: 0, warnAt: '2026-03-09T08:00:00.000Z' },
    { scenario: '100 % warns at the due time', calendar: BERLIN_OFFICE, startedAt: '2026-03-09T09:00+01:00', pauses: [], target: 480, percent: 100, warnAt: '2026-03-09T16:00:00.000Z' },
    { scenario: 'no warning while paused', calendar: BERLIN_OFFICE, startedAt: '2026-03-09T09:00+01:00', pauses: [['2026-03-09T10:00+01:00', null]], target: 480, percent: 80, warnAt: null },
  ])('$scenario', ({ calendar, startedAt, pauses, target, percent, warnAt }) => {
    expect(warnAtFor(timeline(startedAt, pauses), target * MIN, percent, calendar)?.toISOString() ?? null).toBe(warnAt);
  });

  it('rejects a threshold outside 0–100 %', () => {
    expect(() => warnAtFor(timeline('2026-03-09T09:00Z'), MIN, 120, TWENTY_FOUR_SEVEN)).toThrow(RangeError);
  });
});

describe('policy change mid-flight', () => {
  // `retarget`: same calendar, just ask for the new target. `rebase`: the calendar changes, so the
  // time used so far is measured under the old calendar and carried over.
  it.each<{ scenario: string; how: 'retarget' | 'rebase'; startedAt: string; changedAt: string; before: [Calendar, number]; after: [Calendar, number]; due: string; remainingAtChange: number }>([
    { scenario: 'tighter target keeps the elapsed time', how: 'retarget', startedAt: '2026-03-09T09:00+01:00', changedAt: '2026-03-09T11:00+01:00', before: [BERLIN_OFFICE, 240], after: [BERLIN_OFFICE, 180], due: '2026-03-09T11:00:00.000Z', remainingAtChange: 60 },
    { scenario: 'tighter target already used up: overdue at once', how: 'retarget', startedAt: '2026-03-09T09:00+01:00', changedAt: '2026-03-09T11:00+01:00', before: [BERLIN_OFFICE, 240], after: [BERLIN_OFFICE, 60], due: '2026-03-09T09:00:00.000Z', remainingAtChange: -60 },
    { scenario: 'looser target', how: 'retarget', startedAt: '2026-03-09T09:00+01:00', changedAt: '2026-03-09T11:00+01:00', before: [BERLIN_OFFICE, 240], after: [BERLIN_OFFICE, 960], due: '2026-03-10T16:00:00.000Z', remainingAtChange: 840 },
    { scenario: '24/7 to office hours carries the 2 h used', how: 'rebase', startedAt: '2026-03-06T16:00+01:00', changedAt: '2026-03-06T18:00+01:00', before: [TWENTY_FOUR_SEVEN, 480], after: [BERLIN_OFFICE, 480], due: '2026-03-09T14:00:00.000Z', remainingAtChange: 360 },
    { scenario: 'office hours to 24/7 carries the 1 h used', how: 'rebase', startedAt: '2026-03-06T16:00+01:00', changedAt: '2026-03-07T10:00+01:00', before: [BERLIN_OFFICE, 480], after: [TWENTY_FOUR_SEVEN, 480], due: '2026-03-07T16:00:00.000Z', remainingAtChange: 420 },
    { scenario: 'Berlin to Los Angeles office: the 4 h left end at LA lunch', how: 'rebase', startedAt: '2026-03-09T09:00+01:00', changedAt: '2026-03-09T13:00+01:00', before: [BERLIN_OFFICE, 480], after: [LA_OFFICE, 480], due: '2026-03-09T19:00:00.000Z', remainingAtChange: 240 },
  ])('$scenario', ({ how, startedAt, changedAt, before, after, due, remainingAtChange }) => {
    const original = timeline(startedAt);
    const clock = how === 'rebase' ? rebaseTimeline(original, iso(changedAt), before[0]) : original;
    expect(dueAtFor(clock, after[1] * MIN, after[0])?.toISOString()).toBe(due);
    expect(remainingBusinessTime(clock, after[1] * MIN, iso(changedAt), after[0])).toBe(remainingAtChange * MIN);
  });

  it('rebasing keeps pauses after the change', () => {
    const clock = timeline('2026-03-09T09:00+01:00', [
      ['2026-03-09T10:00+01:00', '2026-03-09T11:00+01:00'],
      ['2026-03-09T12:00+01:00', '2026-03-09T14:00+01:00'],
    ]);
    expect(rebaseTimeline(clock, iso('2026-03-09T13:00+01:00'), BERLIN_OFFICE)).toEqual({
      startedAt: iso('2026-03-09T13:00+01:00'),
      carriedOverMs: 120 * MIN,
      pauses: [{ from: iso('2026-03-09T13:00+01:00'), to: iso('2026-03-09T14:00+01:00') }],
    });
  });
});

describe('pause and resume', () => {
  const started = timeline('2026-03-09T09:00+01:00');

  it('pausing stops the due time, resuming pushes it back by the business time paused', () => {
    const paused = pauseClock(started, iso('2026-03-09T16:00+01:00'));
    expect(isPaused(paused)).toBe(true);
    expect(dueAtFor(paused, 480 * MIN, BERLIN_OFFICE)).toBeNull();
    const resumed = resumeClock(paused, iso('2026-03-10T10:00+01:00'));
    expect(isPaused(resumed)).toBe(false);
    expect(resumed.pauses).toEqual([{ from: iso('2026-03-09T16:00+01:00'), to: iso('2026-03-10T10:00+01:00') }]);
    expect(dueAtFor(resumed, 480 * MIN, BERLIN_OFFICE)?.toISOString()).toBe('2026-03-10T10:00:00.000Z');
  });

  it.each([
    ['pausing a paused clock', () => pauseClock(pauseClock(started, iso('2026-03-09T10:00Z')), iso('2026-03-09T11:00Z'))],
    ['resuming a running clock', () => resumeClock(started, iso('2026-03-09T10:00Z'))],
    ['pausing before the start', () => pauseClock(started, iso('2026-03-09T07:00Z'))],
    ['resuming before the pause', () => resumeClock(pauseClock(started, iso('2026-03-09T10:00Z')), iso('2026-03-09T09:30Z'))],
  ])('rejects %s', (_name, act) => {
    expect(act).toThrow(RangeError);
  });
});
