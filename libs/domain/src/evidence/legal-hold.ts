/**
 * Legal holds: what they protect and when they stop. A hold protects a ticket, or every ticket a
 * person is the requester of (present and future). While a hold is active the protected material
 * cannot be deleted, purged by retention, merged away or erased; the refusal names the holds.
 */
import { DomainError } from '../domain-error.js';

export interface LegalHold {
  id: string;
  ticketId: string | null;
  contactId: string | null;
  reason: string;
  /** Null: until released. */
  until: Date | null;
  createdById: string;
  createdAt: Date;
  releasedAt: Date | null;
  releasedById: string | null;
}

/** What a hold refuses. */
export type HeldAction = 'delete' | 'purge' | 'merge' | 'erase';

const ACTION_WORDS: Record<HeldAction, string> = {
  delete: 'deleted',
  purge: 'purged',
  merge: 'merged away',
  erase: 'erased',
};

/** Released holds and those past their `until` protect nothing. */
export function isHoldActive(hold: Pick<LegalHold, 'releasedAt' | 'until'>, now: Date): boolean {
  return hold.releasedAt === null && (hold.until === null || hold.until.getTime() > now.getTime());
}

/** Throws the 409 naming every active hold in `holds` (none: returns). */
export function requireNotHeld(action: HeldAction, holds: readonly Pick<LegalHold, 'id' | 'reason' | 'ticketId' | 'contactId' | 'releasedAt' | 'until'>[], now: Date): void {
  const active = holds.filter((hold) => isHoldActive(hold, now));
  if (active.length === 0) return;
  throw new DomainError(
    'LegalHoldActive',
    `under legal hold ${active.map((hold) => hold.id).join(', ')}: cannot be ${ACTION_WORDS[action]} while it applies`,
    {},
    { holds: active.map((hold) => ({ id: hold.id, ticketId: hold.ticketId, contactId: hold.contactId, reason: hold.reason })) },
  );
}

/** The facts of a ticket a new hold is placed on. */
export interface HoldableTicket {
  mergedIntoId: string | null;
  purgedAt: Date | null;
}

/**
 * Whether a hold may be placed: `until`, when given, lies ahead; a ticket still holds its content
 * (a purged or merged-away ticket has nothing left to preserve: its material lives on its target).
 */
export function decideHoldPlacement(input: { ticket?: HoldableTicket; until: Date | null; now: Date }): void {
  if (input.until !== null && input.until.getTime() <= input.now.getTime()) {
    throw new DomainError('InvalidHold', 'until must lie in the future', { until: ['until must lie in the future'] });
  }
  const ticket = input.ticket;
  if (ticket?.purgedAt) throw new DomainError('HoldRefused', 'the ticket has been deleted: only its tombstone is left, nothing to hold');
  if (ticket?.mergedIntoId) throw new DomainError('HoldRefused', `the ticket has been merged into ${ticket.mergedIntoId}: place the hold on that ticket`);
}
