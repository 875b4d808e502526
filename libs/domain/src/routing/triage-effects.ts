import { TICKET_PRIORITIES, type TicketPriority } from '../ticket-status.js';
import type { TriageLevel, TriageResult } from '../triage/triage.js';

// How triage's verdict (libs/domain/src/triage) bears on a ticket's priority and tags.

/** Level 1 raises to at least `high`; level 2 to `emergency` (which pages whoever is on call). */
const PRIORITY_FOR_LEVEL: Record<TriageLevel, TicketPriority> = { 0: 'low', 1: 'high', 2: 'emergency' };

/** The more urgent of two priorities. */
export function higherPriority(a: TicketPriority, b: TicketPriority): TicketPriority {
  return TICKET_PRIORITIES.indexOf(a) >= TICKET_PRIORITIES.indexOf(b) ? a : b;
}

/** `current` raised as far as triage asks; triage never lowers a priority. */
export function priorityAfterTriage(current: TicketPriority, triage: TriageResult): TicketPriority {
  return higherPriority(current, PRIORITY_FOR_LEVEL[triage.level]);
}

/** `triage:<category>` for every category found, once each. */
export function triageTags(triage: TriageResult): string[] {
  return [...new Set(triage.categories.map((hit) => `triage:${hit.category}`))];
}
