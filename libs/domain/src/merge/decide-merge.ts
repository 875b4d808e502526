/**
 * Whether one ticket may be merged into another. The API loads the facts (both tickets, their
 * queues' restricted flags and grant holders) and stores the result; a legal hold on the source
 * is refused before, by the hold rule (evidence/legal-hold.ts requireNotHeld);
 * the rule lives here so the API, a future CLI and the tests share it.
 *
 * Content never moves into a less restricted queue: FreeScout merges across mailboxes with only
 * a view check, which would leak a restricted case into an open one.
 */

/** A ticket as the merge rule sees it. */
export interface MergeTicketFacts {
  id: string;
  queueId: string;
  /** Non-null: already merged away. */
  mergedIntoId: string | null;
}

/** A queue as the merge rule sees it: restricted or not, and who holds any grant on it (read or write). */
export interface MergeQueueFacts {
  id: string;
  restricted: boolean;
  grantHolders: ReadonlySet<string>;
}

export interface MergeInput {
  source: MergeTicketFacts;
  target: MergeTicketFacts;
  sourceQueue: MergeQueueFacts;
  targetQueue: MergeQueueFacts;
}

export type MergeRefusal = 'same_ticket' | 'source_merged' | 'target_merged' | 'wider_queue';

export type MergeDecision = { allowed: true } | { allowed: false; refusal: MergeRefusal; reason: string };

export function decideMerge(input: MergeInput): MergeDecision {
  const { source, target, sourceQueue, targetQueue } = input;
  if (source.id === target.id) return refuse('same_ticket', 'a ticket cannot be merged into itself');
  if (source.mergedIntoId !== null) return refuse('source_merged', 'the ticket has already been merged into another');
  if (target.mergedIntoId !== null) return refuse('target_merged', 'the target ticket has been merged into another; merge into that one');
  if (!targetQueueIsNoWider(sourceQueue, targetQueue)) {
    return refuse('wider_queue', 'the target queue is open to people the source queue is not; content never moves into a less restricted queue');
  }
  return { allowed: true };
}

/**
 * The same queue; or an unrestricted source (anything its writer can write); or a restricted
 * target whose grant holders are all grant holders of the restricted source.
 */
export function targetQueueIsNoWider(source: MergeQueueFacts, target: MergeQueueFacts): boolean {
  if (source.id === target.id || !source.restricted) return true;
  if (!target.restricted) return false;
  return [...target.grantHolders].every((userId) => source.grantHolders.has(userId));
}

/** Tags after a merge: the target's first, then the source's new ones, at most `max` (the schema's bound). */
export function mergedTags(target: readonly string[], source: readonly string[], max = 20): { tags: string[]; dropped: string[] } {
  const tags = [...new Set(target)];
  const dropped: string[] = [];
  for (const tag of source) {
    if (tags.includes(tag)) continue;
    if (tags.length < max) tags.push(tag);
    else if (!dropped.includes(tag)) dropped.push(tag);
  }
  return { tags, dropped };
}

function refuse(refusal: MergeRefusal, reason: string): MergeDecision {
  return { allowed: false, refusal, reason };
}
