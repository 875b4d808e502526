import { dueAt, isOverdue, type Calendar } from './sla.js';
import { BERLIN_OFFICE, LA_OFFICE } from './sla/calendars.fixture.js';

describe('SLA due time (24/7)', () => {
  const start = new Date('2026-03-29T00:30:00Z');

  it.each([
    [60, '2026-03-29T01:30:00.000Z'],
    [0, '2026-03-29T00:30:00.000Z'],
    [0.05, '2026-03-29T00:30:03.000Z'],
    [1440, '2026-03-30T00:30:00.000Z'],
  ])('%d minutes after the start', (minutes, expected) => {
    expect(dueAt(start, minutes).toISOString()).toBe(expected);
  });

  it('rejects negative targets', () => {
    expect(() => dueAt(start, -1)).toThrow(RangeError);
  });

  it('is overdue from the due instant on', () => {
    const due = dueAt(start, 1);
    expect(isOverdue(due, new Date(due.getTime() - 1))).toBe(false);
    expect(isOverdue(due, due)).toBe(true);
  });
});

describe('SLA due time on a business calendar', () => {
  it.each<{ scenario: string; calendar: Calendar | undefined; start: string; minutes: number; due: string }>([
    { scenario: 'no calendar is 24/7', calendar: undefined, start: '2026-03-06T16:00Z', minutes: 120, due: '2026-03-06T18:00:00.000Z' },
    { scenario: 'Berlin office over the weekend', calendar: BERLIN_OFFICE, start: '2026-03-06T16:00+01:00', minutes: 120, due: '2026-03-09T09:00:00.000Z' },
    { scenario: 'Los Angeles office over lunch', calendar: LA_OFFICE, start: '2026-03-10T11:30-07:00', minutes: 60, due: '2026-03-10T20:30:00.000Z' },
  ])('$scenario', ({ calendar, start, minutes, due }) => {
    expect(dueAt(new Date(start), minutes, calendar).toISOString()).toBe(due);
  });
});
