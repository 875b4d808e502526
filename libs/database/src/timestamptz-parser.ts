import pg from 'pg';

/** Postgres' OID of timestamptz. */
const TIMESTAMPTZ_OID = 1184;

/** pg's own parser (postgres-date), taken before ours replaces it: what every other form goes to. */
const parsePostgresDate: (text: string) => Date | number | null = pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text');

const ZERO = 48;
const NINE = 57;
const DASH = 45;
const PLUS = 43;
const COLON = 58;
const SPACE = 32;
const DOT = 46;

const isDigit = (code: number) => code >= ZERO && code <= NINE;

/** The number written by the `length` digits at `at`; NaN when one is not a digit. */
function digits(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return NaN;
    value = value * 10 + code - ZERO;
  }
  return value;
}

/**
 * A timestamptz as pg's own parser (postgres-date) reads it, without its regexes: Postgres'
 * ISO output `YYYY-MM-DD HH:MM:SS[.ffffff]±HH[:MM[:SS]]` with a year of 1000–9999 is read by
 * position; anything else (BC, infinity, another DateStyle, years outside that range) goes to
 * postgres-date itself. A page of fifty tickets carries some two hundred of them.
 */
export function parseTimestamptz(text: string): Date | number | null {
  const length = text.length;
  if (length < 22 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH || text.charCodeAt(10) !== SPACE || text.charCodeAt(0) === ZERO) return parsePostgresDate(text);
  if (text.charCodeAt(13) !== COLON || text.charCodeAt(16) !== COLON) return parsePostgresDate(text);
  let at = 19;
  // As postgres-date computes it, so the same float truncates to the same millisecond.
  let ms = 0;
  if (text.charCodeAt(at) === DOT) {
    let end = at + 1;
    while (end < length && isDigit(text.charCodeAt(end))) end++;
    if (end === at + 1) return parsePostgresDate(text);
    ms = 1000 * parseFloat(text.slice(at, end));
    at = end;
  }
  const sign = text.charCodeAt(at);
  const zone = length - at;
  if ((sign !== PLUS && sign !== DASH) || (zone !== 3 && zone !== 6 && zone !== 9)) return parsePostgresDate(text);
  if ((zone >= 6 && text.charCodeAt(at + 3) !== COLON) || (zone === 9 && text.charCodeAt(at + 6) !== COLON)) return parsePostgresDate(text);
  const offsetSeconds = digits(text, at + 1, 2) * 3600 + (zone >= 6 ? digits(text, at + 4, 2) * 60 : 0) + (zone === 9 ? digits(text, at + 7, 2) : 0);
  const utc = Date.UTC(digits(text, 0, 4), digits(text, 5, 2) - 1, digits(text, 8, 2), digits(text, 11, 2), digits(text, 14, 2), digits(text, 17, 2), ms);
  if (Number.isNaN(utc) || Number.isNaN(offsetSeconds)) return parsePostgresDate(text);
  return new Date(utc - (sign === DASH ? -1 : 1) * offsetSeconds * 1000);
}

/** Every pg client of this process reads timestamptz with parseTimestamptz (the same Dates, faster). */
export function installTimestamptzParser(): void {
  pg.types.setTypeParser(TIMESTAMPTZ_OID, parseTimestamptz);
}
