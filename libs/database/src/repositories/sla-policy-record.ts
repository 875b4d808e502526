import type { Calendar } from '@casework/domain';
import { RESOLVED_CALENDAR_SQL, resolvedCalendar } from './resolved-calendar.js';

/** A policy with its calendar resolved (its `sla_calendar` row, else its inline calendar). */
export interface SlaPolicyRecord {
  id: string;
  name: string;
  queueId: string | null;
  priority: string | null;
  firstResponseMinutes: number | null;
  nextResponseMinutes: number | null;
  resolutionMinutes: number | null;
  warnAtPercent: number;
  calendarId: string | null;
  calendar: Calendar;
}

/** Policies with their resolved calendar; the caller adds WHERE and ORDER BY. */
export const POLICY_SELECT = `SELECT p.id, p.name, p.queue_id, p.priority, p.first_response_minutes, p.next_response_minutes, p.resolution_minutes,
  p.warn_at_percent, p.calendar_id, ${RESOLVED_CALENDAR_SQL}
  FROM sla_policy p LEFT JOIN sla_calendar c ON c.id = p.calendar_id`;

const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export function toPolicyRecord(row: Record<string, unknown>): SlaPolicyRecord {
  return {
    id: row.id as string,
    name: row.name as string,
    queueId: (row.queue_id as string | null) ?? null,
    priority: (row.priority as string | null) ?? null,
    firstResponseMinutes: num(row.first_response_minutes),
    nextResponseMinutes: num(row.next_response_minutes),
    resolutionMinutes: num(row.resolution_minutes),
    warnAtPercent: Number(row.warn_at_percent),
    calendarId: (row.calendar_id as string | null) ?? null,
    calendar: resolvedCalendar(row),
  };
}
