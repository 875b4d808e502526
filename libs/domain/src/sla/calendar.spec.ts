import { validateCalendar } from './calendar.js';
import { BERLIN_OFFICE, everyDay } from './calendars.fixture.js';

describe('validateCalendar', () => {
  it.each([
    { scenario: '24/7', input: { kind: '24x7' } },
    { scenario: 'office hours with holidays', input: BERLIN_OFFICE },
    { scenario: 'round the clock with 24:00', input: { kind: 'business-hours', timeZone: 'UTC', week: everyDay([{ start: '00:00', end: '24:00' }]), holidays: [] } },
  ])('accepts $scenario', ({ input }) => {
    expect(validateCalendar(input)).toEqual({ ok: true, calendar: input });
  });

  it('normalises: missing weekdays closed, openings sorted, holidays sorted and unique', () => {
    const result = validateCalendar({
      kind: 'business-hours',
      timeZone: 'America/Los_Angeles',
      week: { mon: [{ start: '13:00', end: '17:00' }, { start: '08:00', end: '12:00' }], sat: [] },
      holidays: ['2026-11-26', '2026-07-03', '2026-11-26'],
    });
    expect(result).toEqual({
      ok: true,
      calendar: {
        kind: 'business-hours',
        timeZone: 'America/Los_Angeles',
        week: { ...everyDay([]), mon: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }] },
        holidays: ['2026-07-03', '2026-11-26'],
      },
    });
  });

  const office = (patch: Record<string, unknown>) => ({ ...BERLIN_OFFICE, ...patch });
  const monday = (...hours: [string, string][]) => office({ week: { ...BERLIN_OFFICE.week, mon: hours.map(([start, end]) => ({ start, end })) } });

  it.each<{ scenario: string; input: unknown; paths: string[] }>([
    { scenario: 'not an object', input: null, paths: [''] },
    { scenario: 'unknown kind', input: { kind: 'weekly' }, paths: ['kind'] },
    { scenario: 'unknown time zone', input: office({ timeZone: 'Mars/Olympus' }), paths: ['timeZone'] },
    { scenario: 'misspelt property', input: { ...BERLIN_OFFICE, timeZone: undefined, timezone: 'Europe/Berlin' }, paths: ['timezone', 'timeZone'] },
    { scenario: 'time without leading zero', input: monday(['9:00', '17:00']), paths: ['week.mon[0].start'] },
    { scenario: 'time past midnight', input: monday(['09:00', '24:30']), paths: ['week.mon[0].end'] },
    { scenario: 'opening starting at 24:00', input: monday(['24:00', '24:00']), paths: ['week.mon[0].start'] },
    { scenario: 'end before start', input: monday(['17:00', '09:00']), paths: ['week.mon[0]'] },
    { scenario: 'empty opening', input: monday(['09:00', '09:00']), paths: ['week.mon[0]'] },
    { scenario: 'overlapping openings', input: monday(['12:00', '17:00'], ['09:00', '12:30']), paths: ['week.mon[0]'] },
    { scenario: 'unknown weekday', input: office({ week: { ...BERLIN_OFFICE.week, monday: [] } }), paths: ['week.monday'] },
    { scenario: 'no opening hours at all', input: office({ week: everyDay([]) }), paths: ['week'] },
    { scenario: 'impossible holiday', input: office({ holidays: ['2026-02-30'] }), paths: ['holidays[0]'] },
    { scenario: 'holiday not ISO', input: office({ holidays: ['2026-12-25', '25.12.2026'] }), paths: ['holidays[1]'] },
    { scenario: 'stray property on 24/7', input: { kind: '24x7', timeZone: 'UTC' }, paths: ['timeZone'] },
  ])('rejects $scenario', ({ input, paths }) => {
    const result = validateCalendar(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual(paths);
  });

  it('adjacent openings are fine', () => {
    expect(validateCalendar(monday(['09:00', '12:00'], ['12:00', '17:00'])).ok).toBe(true);
  });
});
