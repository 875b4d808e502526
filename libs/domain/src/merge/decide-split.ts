/**
 * Whether these articles may be split off a ticket into a new one: at least one, each an
 * article of this ticket, and not all of them (a split that takes everything leaves an empty
 * ticket: that is a move, not a split). The answer names the ids at fault.
 */
export type SplitDecision = { allowed: true; articleIds: string[] } | { allowed: false; reason: string; unknownIds: string[] };

export function decideSplit(ticketArticleIds: readonly string[], requested: readonly string[]): SplitDecision {
  const wanted = [...new Set(requested)];
  if (wanted.length === 0) return { allowed: false, reason: 'name at least one article to split off', unknownIds: [] };
  const own = new Set(ticketArticleIds);
  const unknownIds = wanted.filter((id) => !own.has(id));
  if (unknownIds.length > 0) return { allowed: false, reason: `not articles of this ticket: ${unknownIds.join(', ')}`, unknownIds };
  if (wanted.length === own.size) return { allowed: false, reason: 'a split must leave at least one article on the ticket', unknownIds: [] };
  return { allowed: true, articleIds: wanted };
}
