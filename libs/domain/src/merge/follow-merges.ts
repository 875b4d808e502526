/**
 * Where mail for a merged ticket goes: along `merged_into_id` to the ticket that is not merged
 * (chains too: A into B, later B into C sends A's mail to C). A cycle cannot be made through the
 * API (a merged ticket is never a target), but a hand-edited one must not hang routing: the walk
 * stops at the first ticket it has seen.
 */
export function followMerges(ticketId: string, mergedInto: ReadonlyMap<string, string>): string {
  const seen = new Set<string>([ticketId]);
  let current = ticketId;
  for (let next = mergedInto.get(current); next !== undefined && !seen.has(next); next = mergedInto.get(current)) {
    seen.add(next);
    current = next;
  }
  return current;
}
