import { ALWAYS_OPEN, type Calendar } from '@casework/domain';

/**
 * The calendar a policy runs on, in SQL over `sla_policy p LEFT JOIN sla_calendar c`: its named
 * calendar, else its inline one. A clock without a policy has neither; `resolvedCalendar`
 * gives it the domain's fallback (round the clock), the one place that choice is made.
 */
export const RESOLVED_CALENDAR_SQL = 'COALESCE(c.definition, p.calendar) AS resolved_calendar';

export function resolvedCalendar(row: Record<string, unknown>): Calendar {
  return (row.resolved_calendar as Calendar | null | undefined) ?? ALWAYS_OPEN;
}
