import fc from 'fast-check';
import pg from 'pg';
import { parseTimestamptz } from './timestamptz-parser.js';

// Not installed here: pg still holds its own parser (postgres-date), the reference.
const postgresDate: (text: string) => unknown = pg.types.getTypeParser(1184, 'text');

/** A parse result comparable with toBe (an invalid Date is NaN, and NaN is NaN). */
const instant = (value: unknown) => (value instanceof Date ? `Date ${value.getTime()}` : value);

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** A timestamptz as Postgres writes it in the ISO DateStyle: trailing zeros of the fraction dropped, the offset as short as it can be. */
const isoTimestamptz = fc
  .record({
    year: fc.integer({ min: 1000, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    micros: fc.integer({ min: 0, max: 999_999 }),
    offsetSeconds: fc.integer({ min: -15 * 3600, max: 15 * 3600 }),
  })
  .map(({ year, month, day, hour, minute, second, micros, offsetSeconds }) => {
    const fraction = micros === 0 ? '' : `.${pad(micros, 6).replace(/0+$/, '')}`;
    const abs = Math.abs(offsetSeconds);
    const [h, m, s] = [Math.floor(abs / 3600), Math.floor((abs % 3600) / 60), abs % 60];
    const offset = `${offsetSeconds < 0 ? '-' : '+'}${pad(h, 2)}${m || s ? `:${pad(m, 2)}` : ''}${s ? `:${pad(s, 2)}` : ''}`;
    return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)} ${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${fraction}${offset}`;
  });

describe('parseTimestamptz', () => {
  it('reads what postgres-date reads, to the millisecond, for every ISO timestamptz', () => {
    fc.assert(
      fc.property(isoTimestamptz, (text) => {
        expect(parseTimestamptz(text)).toEqual(postgresDate(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads the usual forms to the instant they name', () => {
    expect(parseTimestamptz('2025-01-02 03:04:05.678+00')).toEqual(new Date('2025-01-02T03:04:05.678Z'));
    expect(parseTimestamptz('2025-01-02 03:04:05.6789+05:30')).toEqual(new Date('2025-01-01T21:34:05.678Z'));
    expect(parseTimestamptz('1999-12-31 23:59:59-08')).toEqual(new Date('2000-01-01T07:59:59Z'));
  });

  it('leaves every other form to postgres-date', () => {
    const others = [
      'infinity',
      '-infinity',
      '2025-01-02 03:04:05+00 BC',
      '0099-01-02 03:04:05+00',
      '0999-01-02 03:04:05.5+00',
      '12025-01-02 03:04:05+00',
      '2025-01-02 03:04:05.+00',
      '2025-01-02 03:04:05+0x',
      '2025-01-02 03:04:05Z',
      '2025-01-02',
      'Thu Jan 02 03:04:05 2025 UTC',
      '01/02/2025 03:04:05 UTC',
    ];
    for (const text of others) expect(instant(parseTimestamptz(text))).toBe(instant(postgresDate(text)));
  });
});
