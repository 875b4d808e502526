import { IANAZone } from 'luxon';

/**
 * Wall-clock arithmetic in an IANA zone, on plain millisecond numbers.
 *
 * Local days are numbered like Unix days ("day 0" is 1970-01-01 on the wall calendar), and a
 * local wall time is the number `day * DAY_MS + minuteOfDay * MINUTE_MS`: the instant it would be
 * if the zone were UTC. luxon supplies the zone's UTC offsets (tabulated, see ZoneOffsets);
 * everything else is integer arithmetic, so the hot loops stay cheap.
 */
export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const WEEK_MS = 7 * DAY_MS;
const MAX_DATE_MS = 8.64e15;
/** Offsets are tabulated in chunks of 52 weeks, sampled weekly. */
const CHUNK_WEEKS = 52;
const CHUNK_MS = CHUNK_WEEKS * WEEK_MS;

/**
 * A zone's UTC offsets, memoised. luxon answers one offset per Intl formatting call (microseconds
 * each, far more on a busy machine), and clock math asks thousands of times per year of calendar.
 * So each 52-week chunk is sampled once, weekly, and every change between two samples is
 * pinned to the millisecond by bisection: ~100 luxon calls per zone and year, then plain look-ups.
 * Assumes a zone changes its offset at most once within a week (true of every IANA zone in practice;
 * the closest, Morocco's Ramadan suspensions, are a month apart).
 */
export class ZoneOffsets {
  private static readonly byName = new Map<string, ZoneOffsets>();
  private readonly chunks = new Map<number, { transitions: number[]; offsets: number[] }>();

  private constructor(private readonly zone: IANAZone) {}

  /** The (cached) table for a valid IANA zone name; throws RangeError for an unknown zone. */
  static of(name: string): ZoneOffsets {
    let table = ZoneOffsets.byName.get(name);
    if (!table) {
      const zone = IANAZone.create(name);
      if (!zone.isValid) throw new RangeError(`Unknown time zone ${name}`);
      table = new ZoneOffsets(zone);
      ZoneOffsets.byName.set(name, table);
    }
    return table;
  }

  /** The UTC offset at `instant`, in ms. */
  offsetMs(instant: number): number {
    const key = Math.floor(instant / CHUNK_MS);
    const chunk = this.chunks.get(key) ?? this.tabulate(key);
    let i = 0;
    while (i < chunk.transitions.length && instant >= chunk.transitions[i]) i++;
    return chunk.offsets[i];
  }

  private luxonOffsetMs(instant: number): number {
    // Samples may overshoot the Date range near its ends; luxon would answer NaN there.
    const clamped = Math.min(Math.max(instant, -MAX_DATE_MS), MAX_DATE_MS);
    return Math.round(this.zone.offset(clamped) * MINUTE_MS);
  }

  private tabulate(key: number): { transitions: number[]; offsets: number[] } {
    const start = key * CHUNK_MS;
    const offsets = [this.luxonOffsetMs(start)];
    const transitions: number[] = [];
    for (let week = 1; week <= CHUNK_WEEKS; week++) {
      const previous = offsets[offsets.length - 1];
      const sample = start + week * WEEK_MS;
      const offset = this.luxonOffsetMs(sample);
      if (offset === previous) continue;
      let lo = sample - WEEK_MS; // has `previous`
      let hi = sample; // has `offset`
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (this.luxonOffsetMs(mid) === previous) lo = mid;
        else hi = mid;
      }
      transitions.push(hi);
      offsets.push(offset);
    }
    const chunk = { transitions, offsets };
    this.chunks.set(key, chunk);
    return chunk;
  }
}

/** The local calendar day (Unix day number) on which the wall clock stands at `instant`. */
export function localDayOf(zone: ZoneOffsets, instant: number): number {
  return Math.floor((instant + zone.offsetMs(instant)) / DAY_MS);
}

/** 0 = Monday … 6 = Sunday; day 0 (1970-01-01) was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/**
 * The first instant at which the zone's wall clock reads `wall` or later.
 *
 * This one rule covers both DST transitions and is monotonic in `wall`, so intervals built from it
 * never overlap or run backwards:
 * - spring forward: a wall time inside the gap (02:30 when 02:00 jumps to 03:00) does not exist,
 *   the clock first reads "02:30 or later" at the jump itself, so it maps to the transition instant;
 * - fall back: a repeated wall time (02:30 happens twice) maps to its first occurrence.
 *
 * Assumes at most one offset transition within a day either side of `wall` (true of every IANA
 * zone in practice).
 */
export function firstInstantAtWallTime(zone: ZoneOffsets, wall: number): number {
  const before = zone.offsetMs(wall - DAY_MS);
  const after = zone.offsetMs(wall + DAY_MS);
  const early = wall - before;
  const late = wall - after;
  const earlyValid = zone.offsetMs(early) === before;
  const lateValid = zone.offsetMs(late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  // In the gap: the offset jumps from `before` to `after` somewhere in (late, early]; find the jump.
  let lo = Math.min(early, late);
  let hi = Math.max(early, late);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zone.offsetMs(mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * Maps minutes of one local day to instants. When the offset is the same well before and well after
 * the day (no transition near it, the common case) every wall time is `wall - offset`; otherwise
 * each one goes through `firstInstantAtWallTime`.
 */
export function wallTimesOfDay(zone: ZoneOffsets, day: number): (minuteOfDay: number) => number {
  const midnight = day * DAY_MS;
  // Offsets lie within -12h..+14h (a little more for historical local mean times): 16 h of margin.
  const margin = 16 * 3_600_000;
  const before = zone.offsetMs(midnight - margin);
  const after = zone.offsetMs(midnight + DAY_MS + margin);
  if (before === after) return (minute) => midnight + minute * MINUTE_MS - before;
  return (minute) => firstInstantAtWallTime(zone, midnight + minute * MINUTE_MS);
}
