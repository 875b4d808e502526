import { AsyncLocalStorage } from 'node:async_hooks';

/** What a use case adds to the audit event of the request it serves. */
export interface AuditNote {
  /** Overrides the subject derived from the route (e.g. `ticket:<id>`). */
  subject?: string;
  queueId?: string | null;
  ticketIds?: string[];
  /** Changed fields, before → after; never bodies or secrets. */
  details?: Record<string, unknown>;
}

interface AuditScope {
  note: AuditNote;
  /** Restricted-queue tickets whose content this response carries, with their queues. */
  restrictedReads: Map<string, string>;
  /** Raw messages of restricted queues (no ticket yet: quarantined) whose bytes this response carries. */
  restrictedRawReads: Map<string, string>;
}

const storage = new AsyncLocalStorage<AuditScope>();

/** Runs a request's handling with its own audit scope (the interceptor does this). */
export function withAuditScope<T>(work: () => T): { scope: AuditScope; result: T } {
  const scope: AuditScope = { note: {}, restrictedReads: new Map(), restrictedRawReads: new Map() };
  return { scope, result: storage.run(scope, work) };
}

/** Adds to the audit event of the current request's change (no-op outside a request). */
export function noteChange(note: AuditNote): void {
  const scope = storage.getStore();
  if (scope) Object.assign(scope.note, note);
}

/** Records that the response carries the content of these restricted-queue tickets. */
export function noteRestrictedRead(tickets: { id: string; queueId: string }[]): void {
  const scope = storage.getStore();
  if (!scope) return;
  for (const ticket of tickets) scope.restrictedReads.set(ticket.id, ticket.queueId);
}

/** Records that the response carries the raw bytes of a restricted queue's message that has no ticket. */
export function noteRestrictedRawRead(rawMessageId: string, queueId: string): void {
  storage.getStore()?.restrictedRawReads.set(rawMessageId, queueId);
}

/** Before → after of the fields that differ (the audit's `details`). */
export function changedFields<T extends object>(before: T, after: T, fields: readonly (keyof T)[]): Record<string, { before: unknown; after: unknown }> {
  const changed: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of fields) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changed[String(field)] = { before: before[field], after: after[field] };
  }
  return changed;
}
