export const TICKET_STATUSES = ['open', 'pending', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'emergency'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export function isTicketStatus(value: unknown): value is TicketStatus {
  return typeof value === 'string' && (TICKET_STATUSES as readonly string[]).includes(value);
}

/**
 * Who moves a ticket: the team through the API (`lead`: a lead or admin, who may also reopen a
 * closed case explicitly), or the stakeholder by writing again.
 */
export type StatusChangeActor = 'team' | 'lead' | 'stakeholder';

/** A transition that is refused, and why, in words an API caller can act on. */
export interface RefusedTransition {
  allowed: false;
  reason: string;
}
export type TransitionDecision = { allowed: true; to: TicketStatus } | RefusedTransition;

/**
 * The ticket state machine. `closed` is final for mail and specialists: a closed case is archived
 * (and, for evidence, must not change), so a stakeholder writing again gets a new linked ticket
 * (routing) rather than reopening it; only a lead may reopen it, explicitly, to `open`. `resolved` is "done unless they answer": the team or
 * the stakeholder may reopen it. Setting the status a ticket already has is allowed and changes
 * nothing.
 */
const TEAM_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  open: ['pending', 'resolved', 'closed'],
  pending: ['open', 'resolved', 'closed'],
  resolved: ['open', 'pending', 'closed'],
  closed: [],
};

export function decideTransition(from: TicketStatus, to: TicketStatus, actor: StatusChangeActor = 'team'): TransitionDecision {
  if (from === to) return { allowed: true, to };
  if (from === 'closed') {
    if (actor === 'lead' && to === 'open') return { allowed: true, to };
    return { allowed: false, reason: actor === 'lead' ? 'a closed ticket can only be reopened (to open)' : 'a closed ticket is final: only a lead may reopen it' };
  }
  if (actor === 'stakeholder') {
    return to === 'open' ? { allowed: true, to } : { allowed: false, reason: `a stakeholder's mail can only reopen a ticket, not make it ${to}` };
  }
  return TEAM_TRANSITIONS[from].includes(to) ? { allowed: true, to } : { allowed: false, reason: `a ${from} ticket cannot become ${to}` };
}

/** The statuses a team member may move a ticket to from `from` (for clients offering choices). */
export function nextStatuses(from: TicketStatus): readonly TicketStatus[] {
  return TEAM_TRANSITIONS[from];
}

/** A stakeholder writing again reopens a ticket unless it is closed for good. */
export function statusAfterFollowup(current: TicketStatus): TicketStatus {
  const decision = decideTransition(current, 'open', 'stakeholder');
  return decision.allowed ? decision.to : current;
}
