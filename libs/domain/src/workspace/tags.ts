/**
 * Ticket tags: lower-case slugs a team files cases by (harassment, doxxing, event-safety) and
 * routing's own (`triage:threat`, `spam`). Input is trimmed and lower-cased; what still has a
 * space or another character outside the slug alphabet is refused, never silently rewritten.
 */
export const MAX_TAGS_PER_TICKET = 20;
export const MAX_TAG_LENGTH = 50;
export const TAG_PATTERN = /^[a-z0-9][a-z0-9:._-]*$/;

export type TagsDecision = { ok: true; tags: string[] } | { ok: false; reason: string };

/** The tags a ticket gets for `input`: normalised, de-duplicated in first-seen order, bounded. */
export function normalizeTags(input: readonly string[]): TagsDecision {
  const tags: string[] = [];
  for (const raw of input) {
    const tag = raw.trim().toLowerCase();
    if (tag.length === 0 || tag.length > MAX_TAG_LENGTH) return { ok: false, reason: `a tag has 1 to ${MAX_TAG_LENGTH} characters: ${JSON.stringify(raw.slice(0, 60))}` };
    if (!TAG_PATTERN.test(tag)) return { ok: false, reason: `a tag is a lower-case slug (letters, digits, : . _ -), without spaces: ${JSON.stringify(raw.slice(0, 60))}` };
    if (!tags.includes(tag)) tags.push(tag);
  }
  if (tags.length > MAX_TAGS_PER_TICKET) return { ok: false, reason: `a ticket has at most ${MAX_TAGS_PER_TICKET} tags, not ${tags.length}` };
  return { ok: true, tags };
}
