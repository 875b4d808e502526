/**
 * Who may see and change what. The one place access is decided: the API asks these functions
 * and only loads the facts (the caller's role, the queue's `restricted` flag, the caller's
 * grant on it) and stores the results.
 */

export const ROLES = ['admin', 'lead', 'specialist', 'ops'] as const;
export type Role = (typeof ROLES)[number];

export const GRANT_LEVELS = ['read', 'write'] as const;
export type GrantLevel = (typeof GRANT_LEVELS)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * How much of a ticket a caller sees: all of it, its metadata only (number, queue, status,
 * priority, SLA; not the subject, the requester or any body), or nothing — a ticket seen
 * `none` does not exist for that caller (404, absent from every list and count).
 */
export type TicketView = 'full' | 'metadata' | 'none';

export interface TicketAccess {
  view: TicketView;
  /** Reply, note, status, priority, assignment. */
  write: boolean;
}

export const NO_TICKET_ACCESS: TicketAccess = { view: 'none', write: false };
const READ: TicketAccess = { view: 'full', write: false };
const READ_WRITE: TicketAccess = { view: 'full', write: true };
const METADATA: TicketAccess = { view: 'metadata', write: false };

/** What a role may do on an unrestricted queue without any grant. */
const OPEN_QUEUE_ACCESS: Record<Role, TicketAccess> = {
  admin: READ_WRITE,
  lead: READ_WRITE,
  specialist: READ_WRITE,
  ops: METADATA,
};

/**
 * The access rule for the tickets of one queue. A restricted queue is need-to-know: only a
 * grant opens it, whatever the role (an admin who needs in grants themselves, and the grant
 * is audited). On an unrestricted queue the role's own access applies, widened by a grant.
 */
export function ticketAccess(role: Role, queue: { restricted: boolean }, grant: GrantLevel | null): TicketAccess {
  const granted = grant === null ? NO_TICKET_ACCESS : grant === 'write' ? READ_WRITE : READ;
  if (queue.restricted) return granted;
  return widest(OPEN_QUEUE_ACCESS[role], granted);
}

const VIEW_RANK: Record<TicketView, number> = { none: 0, metadata: 1, full: 2 };

function widest(a: TicketAccess, b: TicketAccess): TicketAccess {
  return { view: VIEW_RANK[a.view] >= VIEW_RANK[b.view] ? a.view : b.view, write: a.write || b.write };
}

/** Rights beyond tickets. */
export const CAPABILITIES = [
  /** Users: create, list, change, disable. */
  'users:manage',
  /** Tokens of other users (everyone manages their own). */
  'tokens:manage-any',
  /** Queues and their grants. */
  'queues:manage',
  'mailboxes:manage',
  'webhooks:manage',
  /** SLA policies and calendars. */
  'sla:manage',
  /** Breaches and at-risk lists (each item still follows the ticket rule). */
  'sla:view',
  /** On-call shifts. */
  'oncall:manage',
  /** Acknowledging a page. */
  'pages:ack',
  /** The audit trail, of the queues whose tickets the caller reads in full. */
  'audit:read',
  /** The whole audit trail, also events of no queue (users, tokens, sign-in failures). */
  'audit:read-all',
  /** Routing rules: list, write, dry-run (a dry-run on a stored message also follows its queue's ticket rule). */
  'rules:manage',
  /** Mail routing could not place, and events no handler could take: raw material, admin only. */
  'mail:operate',
  /** Prometheus metrics of the API. */
  'metrics:read',
  /** Templates, snippets and partials: create, change, delete (everyone signed in reads and previews them). */
  'templates:manage',
  /** Triage counts per category × language (raised, paged, dismissed): no content. */
  'triage:stats',
  /** Take over a ticket someone else holds (claim with force) and reopen a closed one. */
  'tickets:override',
  /** Legal holds on tickets and people: place, list, release. */
  'holds:manage',
  /** Hash lists of known abuse material (a hotline's SHA-256 / MD5 values): upload, list, delete. */
  'hash-lists:manage',
  /** Fetch an attachment blocked by a hash list, with a reason the audit trail keeps (the ticket rule still applies). */
  'attachments:release-blocked',
  /** Delete a ticket's content now (the tombstone stays), as retention would. */
  'tickets:delete',
  /** Erase a person: their mail, names and addresses everywhere. */
  'contacts:erase',
  /** Retention: what a purge would take (dry-run). */
  'retention:manage',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** The one table of role rights beyond tickets; the authorisation tests are generated from it. */
export const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  admin: CAPABILITIES,
  lead: ['sla:manage', 'sla:view', 'oncall:manage', 'pages:ack', 'audit:read', 'rules:manage', 'templates:manage', 'triage:stats', 'tickets:override', 'holds:manage'],
  specialist: ['sla:view'],
  ops: ['sla:view', 'oncall:manage', 'pages:ack', 'metrics:read', 'triage:stats'],
};

export function hasCapability(role: Role, capability: Capability): boolean {
  return ROLE_CAPABILITIES[role].includes(capability);
}

/** A token's owner may manage it; others need `tokens:manage-any`. */
export function mayManageTokensOf(caller: { id: string; role: Role }, ownerId: string): boolean {
  return caller.id === ownerId || hasCapability(caller.role, 'tokens:manage-any');
}
