import type { AtRiskRecord, BreachRecord, SlaCalendarRecord, SlaPolicyRecord } from '@casework/database';
import type { BreachDto, BreachListDto } from './dto/breach.dto.js';
import type { AtRiskClockDto, SlaCalendarDto, SlaPolicyDto } from './dto/sla-admin.dto.js';

export function toBreachDto(breach: BreachRecord): BreachDto {
  return {
    ticketId: breach.ticketId,
    kind: breach.kind,
    dueAt: breach.dueAt.toISOString(),
    breachedAt: breach.breachedAt.toISOString(),
    clockId: breach.clockId,
    ticketNumber: breach.ticketNumber,
    queueId: breach.queueId,
  };
}

export function toBreachListDto(breaches: BreachRecord[]): BreachListDto {
  return { items: breaches.map(toBreachDto) };
}

export function toAtRiskDto(clock: AtRiskRecord): AtRiskClockDto {
  return { ...clock, dueAt: clock.dueAt.toISOString() };
}

export function toCalendarDto(calendar: SlaCalendarRecord): SlaCalendarDto {
  return { ...calendar, createdAt: calendar.createdAt.toISOString(), updatedAt: calendar.updatedAt.toISOString() };
}

export function toPolicyDto(policy: SlaPolicyRecord): SlaPolicyDto {
  return { ...policy };
}
