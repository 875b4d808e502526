/** A shift as the escalation order needs it. */
export interface ShiftOnCall {
  id: string;
  email: string;
  startsAt: Date;
  createdAt: Date;
}

/**
 * Who a page goes to next: among the shifts on call now, in the order they started (then were
 * entered), the first person not yet paged about this ticket (addresses compared without case).
 * Null when everyone on call has been paged: the page then goes to the queue's ops list.
 */
export function nextToPage<S extends ShiftOnCall>(onCall: readonly S[], alreadyPaged: readonly string[]): S | null {
  const paged = new Set(alreadyPaged.map((email) => email.toLowerCase()));
  const ordered = [...onCall].sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return ordered.find((shift) => !paged.has(shift.email.toLowerCase())) ?? null;
}

/** When an unacknowledged page to a person escalates; a page to the ops list does not. */
export function escalationDueAt(pagedAt: Date, toPerson: boolean, escalationMinutes: number): Date | null {
  return toPerson ? new Date(pagedAt.getTime() + Math.round(escalationMinutes * 60_000)) : null;
}
