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
  /** One ticket: `read` (metadata view answers it redacted), `content` (needs the full view), `write`. */
  | { kind: 'ticket'; need: 'read' | 'content' | 'write' }
  /** A list filtered to what the caller may see; the capability, when set, is needed first. */
  | { kind: 'ticketList'; capability?: Capability };

const publicRoute: RouteRule = { kind: 'public' };
const signedIn: RouteRule = { kind: 'signedIn' };
const can = (capability: Capability): RouteRule => ({ kind: 'capability', capability });

/**
 * Every route of the API, `METHOD /path` below the `/api/v1` prefix, and what it asks. The one
 * table: the guard reads it on every request (a route missing here answers 500 and logs why, it
 * is never open by omission) and the authorisation matrix test is generated from it.
 */
export const ROUTE_ACCESS: Readonly<Record<string, RouteRule>> = {
  'GET /health': publicRoute,
  'GET /metrics': can('metrics:read'),

  'GET /me': signedIn,
  'POST /users': can('users:manage'),
  'GET /users': can('users:manage'),
  'GET /users/:id': can('users:manage'),
  'PATCH /users/:id': can('users:manage'),
  'POST /users/:id/tokens': { kind: 'selfOr', capability: 'tokens:manage-any' },
  'GET /users/:id/tokens': { kind: 'selfOr', capability: 'tokens:manage-any' },
  // The owner check needs the token's row: the use case makes it.
  'DELETE /tokens/:id': signedIn,

  'GET /queues': signedIn,
  'POST /queues': can('queues:manage'),
  'PATCH /queues/:id': can('queues:manage'),
  'GET /queues/:id/access': can('queues:manage'),
  'PUT /queues/:id/access': can('queues:manage'),

  'GET /tickets': { kind: 'ticketList' },
  'GET /tickets/:id': { kind: 'ticket', need: 'read' },
  'PATCH /tickets/:id': { kind: 'ticket', need: 'write' },
  'POST /tickets/:id/replies': { kind: 'ticket', need: 'write' },
  'GET /tickets/:ticketId/attachments/:attachmentId': { kind: 'ticket', need: 'content' },

  'GET /sla/breaches': { kind: 'ticketList', capability: 'sla:view' },
  'GET /sla/at-risk': { kind: 'ticketList', capability: 'sla:view' },
  'GET /sla/calendars': can('sla:view'),
  'GET /sla/calendars/:id': can('sla:view'),
  'POST /sla/calendars': can('sla:manage'),
  'PUT /sla/calendars/:id': can('sla:manage'),
  'DELETE /sla/calendars/:id': can('sla:manage'),
  'GET /sla/policies': can('sla:view'),
  'GET /sla/policies/:id': can('sla:view'),
  'POST /sla/policies': can('sla:manage'),
  'PUT /sla/policies/:id': can('sla:manage'),
  'DELETE /sla/policies/:id': can('sla:manage'),

  'POST /oncall/shifts': can('oncall:manage'),
  'GET /oncall/shifts': can('oncall:manage'),
  'DELETE /oncall/shifts/:id': can('oncall:manage'),
  'GET /oncall/now': can('oncall:manage'),
  'POST /pages/:id/ack': can('pages:ack'),

  'POST /webhooks': can('webhooks:manage'),
  'GET /webhooks': can('webhooks:manage'),
  'DELETE /webhooks/:id': can('webhooks:manage'),
  'GET /webhooks/:id/deliveries': can('webhooks:manage'),

  'GET /mailboxes': can('mailboxes:manage'),
  'POST /mailboxes': can('mailboxes:manage'),
  'GET /mailboxes/:id': can('mailboxes:manage'),
  'PATCH /mailboxes/:id': can('mailboxes:manage'),
  'DELETE /mailboxes/:id': can('mailboxes:manage'),
  'GET /mailboxes/:id/status': can('mailboxes:manage'),

  'GET /quarantine': can('mail:operate'),
  'GET /quarantine/:id/raw': can('mail:operate'),
  'POST /quarantine/:id/retry': can('mail:operate'),
  'GET /dead-letters': can('mail:operate'),
  'POST /dead-letters/:id/redrive': can('mail:operate'),
};

/** The key of a route in ROUTE_ACCESS, from Express' matched path (which carries the prefix). */
export function routeKey(method: string, matchedPath: string, prefix: string): string {
  const path = matchedPath.startsWith(prefix) ? matchedPath.slice(prefix.length) || '/' : matchedPath;
  return `${method.toUpperCase()} ${path}`;
}
