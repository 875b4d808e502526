import type { TriageCategory } from './lexicon.js';
import type { TriageCategoryResult, TriageResult } from './triage.js';

export type DismissalDecision = { allowed: true; hit: TriageCategoryResult } | { allowed: false; reason: string };

/**
 * Whether a specialist may dismiss `category` on a ticket triaged as `triage`: only a category
 * triage raised there, once. Dismissing lowers nothing (a page already went out; the priority
 * stays): it records a false positive, for the stats the lexicons are tuned by.
 */
export function decideDismissal(triage: TriageResult, category: TriageCategory, alreadyDismissed: readonly string[]): DismissalDecision {
  const hit = triage.categories.find((c) => c.category === category);
  if (!hit) return { allowed: false, reason: `triage did not raise ${category} on this ticket` };
  if (alreadyDismissed.includes(category)) return { allowed: false, reason: `${category} is already dismissed on this ticket` };
  return { allowed: true, hit };
}
