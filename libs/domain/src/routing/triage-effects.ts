import { TICKET_PRIORITIES, type TicketPriority } from '../ticket-status.js';

/** 0: nothing found; 1: raise (a high-recall sign); 2: page (an explicit, conjunctive match). */
export type TriageLevel = 0 | 1 | 2;

/** One category triage found in an article, with the words that matched (never logged). */
export interface TriageCategoryHit {
  category: string;
  level: 1 | 2;
  language: string | null;
  /** The matched phrase, at most 120 characters of the article. */
  evidence: string;
}

/** What triage says of a text (libs/domain triage(), when it exists) or of a ticket so far. */
export interface TriageResult {
  level: TriageLevel;
  categories: readonly TriageCategoryHit[];
}

/** No triage ran, or it found nothing: what the router passes until triage is plugged in. */
export const NO_TRIAGE: TriageResult = { level: 0, categories: [] };

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

/**
 * A ticket's triage after one more article: the higher level, and each category once at its
 * highest level (the first evidence kept). A follow-up can raise a ticket, never lower it.
 */
export function mergeTriage(ticket: TriageResult, article: TriageResult): TriageResult {
  const byCategory = new Map<string, TriageCategoryHit>();
  for (const hit of [...ticket.categories, ...article.categories]) {
    const known = byCategory.get(hit.category);
    if (!known || hit.level > known.level) byCategory.set(hit.category, hit);
  }
  return { level: Math.max(ticket.level, article.level) as TriageLevel, categories: [...byCategory.values()] };
}
