import { ticketAccess, type GrantLevel, type Role } from '../access.js';

/** A user who might get a new ticket of a queue by round-robin, with what decides it. */
export interface AutoAssignCandidate {
  userId: string;
  role: Role;
  queueRestricted: boolean;
  grant: GrantLevel | null;
  /** Their open (or pending) tickets of this queue. */
  openCount: number;
  /** When they last got one of this queue's tickets (null: never). */
  lastAssignedAt: Date | null;
}

/**
 * Round-robin on open: among users on shift (the caller's selection) who may write the queue's
 * tickets and hold fewer than `maxOpen` of them open, the least loaded, then the one who waited
 * longest for a ticket (never first), then by id so the choice is stable. Null when nobody
 * qualifies: the ticket stays unassigned, for someone to claim.
 */
export function chooseAutoAssignee(candidates: readonly AutoAssignCandidate[], maxOpen: number): AutoAssignCandidate | null {
  const eligible = candidates.filter((c) => c.openCount < maxOpen && ticketAccess(c.role, { restricted: c.queueRestricted }, c.grant).write);
  eligible.sort(
    (a, b) =>
      a.openCount - b.openCount ||
      (a.lastAssignedAt?.getTime() ?? -Infinity) - (b.lastAssignedAt?.getTime() ?? -Infinity) ||
      (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
  );
  return eligible[0] ?? null;
}
