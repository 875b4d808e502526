/**
 * Who holds a ticket. A claim takes a free ticket (or one the caller already holds); taking it
 * from someone else needs a lead's explicit `force`, so two specialists never both believe the
 * case is theirs. An assignee must be able to act on the ticket: an enabled user with write
 * access to its queue.
 */
export type AssignmentDecision = { allowed: true } | { allowed: false; reason: string };

export function decideClaim(input: { holderId: string | null; callerId: string; force: boolean; mayOverride: boolean }): AssignmentDecision {
  if (input.holderId === null || input.holderId === input.callerId) return { allowed: true };
  if (!input.force) return { allowed: false, reason: 'the ticket is held by someone else; a lead may take it over with force' };
  if (!input.mayOverride) return { allowed: false, reason: 'only a lead or an admin may take over a ticket someone else holds' };
  return { allowed: true };
}

export function decideAssignee(assignee: { id: string; disabled: boolean; canWrite: boolean } | null, assigneeId: string): AssignmentDecision {
  if (!assignee) return { allowed: false, reason: `user ${assigneeId} does not exist` };
  if (assignee.disabled) return { allowed: false, reason: `user ${assigneeId} is disabled` };
  if (!assignee.canWrite) return { allowed: false, reason: `user ${assigneeId} has no write access to the ticket's queue` };
  return { allowed: true };
}
