import type { BreachRecord } from '@casework/database';
import type { BreachDto, BreachListDto } from './dto/breach.dto.js';

export function toBreachDto(breach: BreachRecord): BreachDto {
  return {
    ticketId: breach.ticketId,
    kind: breach.kind,
    dueAt: breach.dueAt.toISOString(),
    breachedAt: breach.breachedAt.toISOString(),
  };
}

export function toBreachListDto(breaches: BreachRecord[]): BreachListDto {
  return { items: breaches.map(toBreachDto) };
}
