import { ALWAYS_OPEN, type Calendar } from '@casework/domain';

/**
 * The calendar a policy runs on, in SQL over `sla_policy p LEFT JOIN sla_calendar c`: its named
 * calendar, else its inline one. A clock without a policy has neither; `calendarOrFallback`
 * gives it the domain's fallback (round the clock), the one place that choice is made.
 */
export const RESOLVED_CALENDAR = 'COALESCE(c.definition, p.calendar)';
export const RESOLVED_CALENDAR_SQL = `${RESOLVED_CALENDAR} AS resolved_calendar`;

export function calendarOrFallback(calendar: Calendar | null | undefined): Calendar {
  return calendar ?? ALWAYS_OPEN;
}

export function resolvedCalendar(row: Record<string, unknown>): Calendar {
  return calendarOrFallback(row.resolved_calendar as Calendar | null | undefined);
}
