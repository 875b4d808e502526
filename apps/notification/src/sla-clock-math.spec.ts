import type { SlaClockRecord, SlaPolicyRecord } from '@casework/database';
import type { Calendar } from '@casework/domain';
import { pauseAt, resumeAt, retargetClock, scheduleOf } from './sla-clock-math.js';

const MIN = 60_000;
const iso = (value: string) => new Date(value);
const TWENTY_FOUR_SEVEN: Calendar = { kind: '24x7' };
const office = (timeZone: string): Calendar => {
  const day = [{ start: '09:00', end: '17:00' }];
  return { kind: 'business-hours', timeZone, week: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] }, holidays: [] };
};

function clock(overrides: Partial<SlaClockRecord> = {}): SlaClockRecord {
  const base: SlaClockRecord = {
    id: 'c1',
    ticketId: 't1',
    kind: 'first_response',
    policyId: 'p-old',
    state: 'running',
    startedAt: iso('2026-03-09T09:00+01:00'),
    pauses: [],
    carriedOverMs: 0,
    targetMs: 240 * MIN,
    dueAt: null,
    warnAt: null,
    warnedAt: null,
    metAt: null,
    calendar: office('Europe/Berlin'),
    warnAtPercent: 80,
  };
  return { ...base, ...overrides };
}

function policy(overrides: Partial<SlaPolicyRecord> = {}): SlaPolicyRecord {
  return {
    id: 'p-new',
    name: 'New',
    queueId: 'q2',
    priority: null,
    firstResponseMinutes: 480,
    nextResponseMinutes: 120,
    resolutionMinutes: null,
    warnAtPercent: 50,
    calendarId: null,
    calendar: office('Europe/Berlin'),
    ...overrides,
  };
}

describe('SLA clock lifecycle math', () => {
  it('schedules due and warning times in business time', () => {
    const schedule = scheduleOf({ startedAt: iso('2026-03-09T09:00+01:00'), pauses: [] }, 480 * MIN, office('Europe/Berlin'), 80);
    expect(schedule.dueAt?.toISOString()).toBe('2026-03-09T16:00:00.000Z');
    expect(schedule.warnAt?.toISOString()).toBe('2026-03-09T14:24:00.000Z');
  });

  it('pausing clears the due and warning times; resuming pushes them back by the paused business time', () => {
    const paused = pauseAt(clock(), iso('2026-03-09T10:00+01:00'))!;
    expect(paused).toMatchObject({ dueAt: null, warnAt: null, pauses: [{ from: iso('2026-03-09T10:00+01:00'), to: null }] });
    expect(pauseAt(clock({ pauses: paused.pauses }), iso('2026-03-09T11:00+01:00'))).toBeNull();

    const resumed = resumeAt(clock({ pauses: paused.pauses }), iso('2026-03-09T12:00+01:00'))!;
    // 1 h used before the pause, 3 h left from 12:00 → 15:00 CET.
    expect(resumed.dueAt?.toISOString()).toBe('2026-03-09T14:00:00.000Z');
    expect(resumeAt(clock(), iso('2026-03-09T12:00+01:00'))).toBeNull();
  });

  it('never places a pause before the clock started (events out of order)', () => {
    const paused = pauseAt(clock(), iso('2026-03-09T08:00+01:00'))!;
    expect(paused.pauses).toEqual([{ from: iso('2026-03-09T09:00+01:00'), to: null }]);
  });

  it('re-targets under a new policy with the same calendar, keeping the time spent', () => {
    const update = retargetClock(clock(), policy(), iso('2026-03-09T11:00+01:00'));
    expect(update).toMatchObject({ policyId: 'p-new', targetMs: 480 * MIN, carriedOverMs: 0, rearmWarning: true });
    expect(update.startedAt).toEqual(iso('2026-03-09T09:00+01:00'));
    expect(update.dueAt?.toISOString()).toBe('2026-03-09T16:00:00.000Z');
    expect(update.warnAt?.toISOString()).toBe('2026-03-09T12:00:00.000Z');
  });

  it('re-targets under a new calendar by carrying over the time used under the old one', () => {
    // 2 h used in the Berlin office (09:00–11:00 CET); 6 h left in the Los Angeles office.
    const update = retargetClock(clock(), policy({ calendar: office('America/Los_Angeles') }), iso('2026-03-09T11:00+01:00'));
    expect(update.carriedOverMs).toBe(120 * MIN);
    expect(update.startedAt).toEqual(iso('2026-03-09T11:00+01:00'));
    // LA opens 09:00 PDT = 16:00Z; 6 h later → 22:00Z.
    expect(update.dueAt?.toISOString()).toBe('2026-03-09T22:00:00.000Z');
  });

  it('keeps the old target when the new policy sets none for the kind; a paused clock stays without due time', () => {
    const paused = clock({ kind: 'resolution', pauses: [{ from: iso('2026-03-09T10:00+01:00'), to: null }], calendar: TWENTY_FOUR_SEVEN });
    const update = retargetClock(paused, policy({ calendar: TWENTY_FOUR_SEVEN }), iso('2026-03-09T12:00+01:00'));
    expect(update).toMatchObject({ targetMs: 240 * MIN, dueAt: null, warnAt: null });
  });

  it('a tighter target already used up is due at once', () => {
    const update = retargetClock(clock(), policy({ firstResponseMinutes: 60 }), iso('2026-03-09T11:00+01:00'));
    expect(update.dueAt?.toISOString()).toBe('2026-03-09T09:00:00.000Z');
  });
});
