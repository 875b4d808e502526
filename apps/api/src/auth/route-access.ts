import type { Request } from 'express';
import type { Capability } from '@casework/domain';

/**
 * What a route asks of its caller. The guard enforces `public`, `signedIn`, `capability` and
 * `selfOr`; for `ticket` and `ticketList` routes it only requires a caller, and the use case
 * applies the ticket rule (libs/domain ticketAccess) to the ticket(s) concerned.
 */
export type RouteRule =
  | { kind: 'public' }
  | { kind: 'signedIn' }
  | { kind: 'capability'; capability: Capability }
  /** The user named by `:id` is the caller, or the caller holds the capability. */
  | { kind: 'selfOr'; capability: Capability }
  /** One ticket: `read` (metadata view answers it redacted), `content` (needs the full view), `write`; the capability, when set, is needed first. */
  | { kind: 'ticket'; need: 'read' | 'content' | 'write'; capability?: Capability }
  /** A list filtered to what the caller may see; the capability, when set, is needed first. */
  | { kind: 'ticketList'; capability?: Capability };

/**
 * A route's rule and, for a route that changes something, the audit action it records;
 * `unaudited`: why a non-GET route records none (it changes nothing of a case); `readAudit`:
 * the action a read records on every success (a download of case material), not only for
 * restricted content.
 */
export type RouteEntry = RouteRule & { audit?: string; unaudited?: string; readAudit?: string };

const publicRoute: RouteEntry = { kind: 'public' };
const signedIn: RouteEntry = { kind: 'signedIn' };
const can = (capability: Capability, audit?: string): RouteEntry => ({ kind: 'capability', capability, ...(audit ? { audit } : {}) });
const ticket = (need: 'read' | 'content' | 'write', audit?: string, capability?: Capability): RouteEntry => ({ kind: 'ticket', need, ...(audit ? { audit } : {}), ...(capability ? { capability } : {}) });

/**
 * Every route of the API, `METHOD /path` below the `/api/v1` prefix, and what it asks. The one
 * table: the guard reads it on every request (a route missing here answers 500 and logs why, it
 * is never open by omission), the audit interceptor reads which action a change records, and
 * the authorisation matrix and audit tests are generated from it.
 */
export const ROUTE_ACCESS: Readonly<Record<string, RouteEntry>> = {
  'GET /health': publicRoute,
  'GET /metrics': can('metrics:read'),

  // The exchange is public (its body carries the credential) and records its own audit event.
  'POST /sessions': { kind: 'public', audit: 'session.created' },
  'DELETE /sessions': { kind: 'signedIn', audit: 'session.ended' },
  // Single sign-on: what the sign-in page offers, the redirect to the issuer, and its return (which records its own session.created).
  'GET /sessions/methods': publicRoute,
  'GET /sessions/oidc': publicRoute,
  'GET /sessions/oidc/callback': publicRoute,

  'GET /me': signedIn,
  'PATCH /me': { kind: 'signedIn', audit: 'user.preferences_changed' },
  'POST /users': can('users:manage', 'user.created'),
  'GET /users': can('users:manage'),
  'GET /users/:id': can('users:manage'),
  'PATCH /users/:id': can('users:manage', 'user.updated'),
  'POST /users/:id/tokens': { kind: 'selfOr', capability: 'tokens:manage-any', audit: 'token.created' },
  'GET /users/:id/tokens': { kind: 'selfOr', capability: 'tokens:manage-any' },
  // The owner check needs the token's row: the use case makes it.
  'DELETE /tokens/:id': { kind: 'signedIn', audit: 'token.revoked' },

  'GET /queues': signedIn,
  'GET /queues/counts': { kind: 'ticketList' },
  'POST /queues': can('queues:manage', 'queue.created'),
  'PATCH /queues/:id': can('queues:manage', 'queue.updated'),
  'GET /queues/:id/access': can('queues:manage'),
  'PUT /queues/:id/access': can('queues:manage', 'queue.grants_replaced'),

  'GET /rules': can('rules:manage'),
  'POST /rules': can('rules:manage', 'rule.created'),
  'GET /rules/:id': can('rules:manage'),
  'PUT /rules/:id': can('rules:manage', 'rule.replaced'),
  'DELETE /rules/:id': can('rules:manage', 'rule.deleted'),
  // Changes nothing, but reads mail: who inspected which message is recorded.
  'POST /rules/dry-run': can('rules:manage', 'rule.dry_run'),

  'GET /tickets': { kind: 'ticketList' },
  'GET /tickets/:id': ticket('read'),
  'PATCH /tickets/:id': ticket('write', 'ticket.updated'),
  'POST /tickets/:id/replies': ticket('write', 'ticket.replied'),
  'POST /tickets/:id/not-spam': ticket('write', 'ticket.not_spam'),
  'POST /tickets/:id/notes': ticket('write', 'ticket.note_added'),
  'POST /tickets/:id/claim': ticket('write', 'ticket.claimed'),
  'PUT /tickets/:id/tags': ticket('write', 'ticket.tags_replaced'),
  // A draft is its writer's alone; writing one needs the right to reply.
  'GET /tickets/:id/draft': ticket('write'),
  'PUT /tickets/:id/draft': ticket('write', 'ticket.draft_saved'),
  'DELETE /tickets/:id/draft': ticket('write', 'ticket.draft_deleted'),
  'GET /tags': { kind: 'ticketList' },
  'POST /tickets/:id/triage/dismiss': ticket('write', 'ticket.triage_dismissed'),
  'GET /triage/stats': { kind: 'ticketList', capability: 'triage:stats' },
  // A requester is shown to callers who read one of their tickets in full (the use case decides).
  'GET /contacts/:id': signedIn,
  'GET /contacts/:id/tickets': { kind: 'ticketList' },
  // Write access to the target too, and the queue rule, are the use case's (it loads both tickets).
  'POST /tickets/:id/merge': ticket('write', 'ticket.merged'),
  'POST /tickets/:id/split': ticket('write', 'ticket.split'),
  'GET /tickets/:id/history': ticket('read'),
  // Seeing the ticket is enough to preserve it; the reason is on the audit record.
  'POST /tickets/:id/holds': ticket('read', 'hold.placed', 'holds:manage'),
  // A person is shown to callers who read one of their tickets in full (the use case decides).
  'POST /contacts/:id/holds': can('holds:manage', 'hold.placed'),
  // Ticket holds of the tickets the caller sees, and every person's.
  'GET /holds': can('holds:manage'),
  'GET /holds/:id': can('holds:manage'),
  'DELETE /holds/:id': can('holds:manage', 'hold.released'),
  // Removes the content now, as retention would (the tombstone stays); the ticket must be visible.
  'DELETE /tickets/:id': ticket('read', 'ticket.deleted', 'tickets:delete'),
  // Erasure is a legal duty: the capability suffices, whatever queues the person's tickets are in.
  'POST /contacts/:id/erase': can('contacts:erase', 'contact.erased'),
  // Changes nothing, but lists what would go: recorded.
  'POST /retention/dry-run': can('retention:manage', 'retention.dry_run'),
  // Every download is an explicit request and audited (a blocked one with the admin's reason).
  // Remote images shown on a reader's request: content, never for a restricted queue (the use case refuses).
  'GET /tickets/:ticketId/articles/:articleId/html': ticket('content'),
  'GET /tickets/:ticketId/attachments/:attachmentId': { ...ticket('content'), readAudit: 'attachment.downloaded' },
  // The zip is built when downloaded; recording one needs the ticket's content (and EXPORT_SIGNING_KEY, else 503).
  'POST /tickets/:id/exports': ticket('content', 'export.created'),
  // The export's ticket rule is the use case's (content now; hidden → 404 as unknown); every download is recorded.
  'GET /exports/:id': { kind: 'signedIn', readAudit: 'export.downloaded' },
  'GET /exports/public-key': signedIn,
  'POST /tickets/:id/presence': { ...ticket('read'), unaudited: 'a heartbeat every few seconds per viewer; changes nothing of the case' },
  // The stream carries only the events of queues the caller sees; the use case applies the rule per event.
  'GET /events': { kind: 'ticketList' },
  // Searches only the queues the caller reads in full; a page with restricted tickets is audited as their read.
  'GET /search': { kind: 'ticketList' },

  'GET /sla/breaches': { kind: 'ticketList', capability: 'sla:view' },
  'GET /sla/at-risk': { kind: 'ticketList', capability: 'sla:view' },
  'GET /sla/calendars': can('sla:view'),
  'GET /sla/calendars/:id': can('sla:view'),
  'POST /sla/calendars': can('sla:manage', 'sla_calendar.created'),
  'PUT /sla/calendars/:id': can('sla:manage', 'sla_calendar.replaced'),
  'DELETE /sla/calendars/:id': can('sla:manage', 'sla_calendar.deleted'),
  'GET /sla/policies': can('sla:view'),
  'GET /sla/policies/:id': can('sla:view'),
  'POST /sla/policies': can('sla:manage', 'sla_policy.created'),
  'PUT /sla/policies/:id': can('sla:manage', 'sla_policy.replaced'),
  'DELETE /sla/policies/:id': can('sla:manage', 'sla_policy.deleted'),

  'POST /oncall/shifts': can('oncall:manage', 'oncall_shift.created'),
  'GET /oncall/shifts': can('oncall:manage'),
  'DELETE /oncall/shifts/:id': can('oncall:manage', 'oncall_shift.deleted'),
  'GET /oncall/now': can('oncall:manage'),
  'POST /pages/:id/ack': can('pages:ack', 'page.acknowledged'),

  'POST /webhooks': can('webhooks:manage', 'webhook.created'),
  'GET /webhooks': can('webhooks:manage'),
  'DELETE /webhooks/:id': can('webhooks:manage', 'webhook.deleted'),
  'GET /webhooks/:id/deliveries': can('webhooks:manage'),

  'GET /mailboxes': can('mailboxes:manage'),
  'POST /mailboxes': can('mailboxes:manage', 'mailbox.created'),
  'GET /mailboxes/:id': can('mailboxes:manage'),
  'PATCH /mailboxes/:id': can('mailboxes:manage', 'mailbox.updated'),
  'DELETE /mailboxes/:id': can('mailboxes:manage', 'mailbox.deleted'),
  'GET /mailboxes/:id/status': can('mailboxes:manage'),

  'POST /hash-lists': can('hash-lists:manage', 'hash_list.created'),
  'GET /hash-lists': can('hash-lists:manage'),
  'GET /hash-lists/:id': can('hash-lists:manage'),
  'POST /hash-lists/:id/entries': can('hash-lists:manage', 'hash_list.entries_added'),
  'DELETE /hash-lists/:id': can('hash-lists:manage', 'hash_list.deleted'),

  'GET /quarantine': can('mail:operate'),
  'GET /quarantine/:id/raw': can('mail:operate'),
  'POST /quarantine/:id/retry': can('mail:operate', 'quarantine.retried'),
  'GET /dead-letters': can('mail:operate'),
  'POST /dead-letters/:id/redrive': can('mail:operate', 'dead_letter.redriven'),

  // Everyone reads and previews the library (a preview for a ticket also needs its content: the use case checks it).
  'GET /templates': signedIn,
  'POST /templates': can('templates:manage', 'template.created'),
  'GET /templates/:id': signedIn,
  'PUT /templates/:id': can('templates:manage', 'template.version_saved'),
  'DELETE /templates/:id': can('templates:manage', 'template.deleted'),
  'GET /templates/:id/versions': signedIn,
  'POST /templates/:id/preview': { kind: 'signedIn', audit: 'template.previewed' },

  'GET /audit': can('audit:read'),
  'GET /audit/verify': can('audit:read'),
};

/** The path every route is served under (Nest's global prefix, with its leading slash). */
export const API_PREFIX = '/api/v1';

/** The route a request matched: its ROUTE_ACCESS key (`METHOD /path` below the prefix) and its row (undefined: none). */
export function routeOf(request: Request): { key: string; entry: RouteEntry | undefined } {
  const matched = (request.route as { path?: string } | undefined)?.path ?? request.path;
  const path = matched.startsWith(API_PREFIX) ? matched.slice(API_PREFIX.length) || '/' : matched;
  const key = `${request.method.toUpperCase()} ${path}`;
  return { key, entry: ROUTE_ACCESS[key] };
}
