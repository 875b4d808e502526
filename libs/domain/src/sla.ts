export const SLA_KINDS = ['first_response'] as const;
export type SlaKind = (typeof SLA_KINDS)[number];
export type SlaClockState = 'running' | 'met' | 'breached';

/** Business calendars arrive with the SLA engine; until then every policy runs 24/7. */
export type Calendar = { kind: '24x7' };

export const ALWAYS_OPEN: Calendar = { kind: '24x7' };

/** When a clock started at `start` with a target of `minutes` of calendar time is due. */
export function dueAt(start: Date, minutes: number, calendar: Calendar = ALWAYS_OPEN): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`SLA target must be >= 0 minutes, got ${minutes}`);
  switch (calendar.kind) {
    case '24x7':
      return new Date(start.getTime() + Math.round(minutes * 60_000));
  }
}

/** A running clock is breached once `now` has reached its due time. */
export function isOverdue(due: Date, now: Date): boolean {
  return now.getTime() >= due.getTime();
}
