import { decideTransition, isTicketStatus, nextStatuses, statusAfterFollowup, TICKET_STATUSES, type TicketStatus } from './ticket-status.js';

describe('ticket status', () => {
  it.each([
    ['pending', 'open'],
    ['resolved', 'open'],
    ['open', 'open'],
    ['closed', 'closed'],
  ] as const)('a follow-up on a %s ticket leaves it %s', (from, to) => {
    expect(statusAfterFollowup(from)).toBe(to);
  });

  it('knows the statuses', () => {
    expect(isTicketStatus('pending')).toBe(true);
    expect(isTicketStatus('deleted')).toBe(false);
  });
});

describe('ticket state machine (the team through the API)', () => {
  // Every pair of statuses, so a new status or transition cannot slip in unlisted.
  const table: [TicketStatus, TicketStatus, boolean][] = [
    ['open', 'open', true],
    ['open', 'pending', true],
    ['open', 'resolved', true],
    ['open', 'closed', true],
    ['pending', 'open', true],
    ['pending', 'pending', true],
    ['pending', 'resolved', true],
    ['pending', 'closed', true],
    ['resolved', 'open', true],
    ['resolved', 'pending', true],
    ['resolved', 'resolved', true],
    ['resolved', 'closed', true],
    ['closed', 'open', false],
    ['closed', 'pending', false],
    ['closed', 'resolved', false],
    ['closed', 'closed', true],
  ];

  it('lists every pair', () => {
    expect(table).toHaveLength(TICKET_STATUSES.length ** 2);
  });

  it.each(table)('%s → %s allowed: %s', (from, to, allowed) => {
    const decision = decideTransition(from, to);
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) expect(decision.reason).toMatch(/closed ticket is final/);
    expect(nextStatuses(from).includes(to)).toBe(allowed && from !== to);
  });

  it.each([
    ['open', 'pending'],
    ['resolved', 'closed'],
  ] as const)('a stakeholder cannot move a ticket %s → %s', (from, to) => {
    const decision = decideTransition(from, to, 'stakeholder');
    expect(decision).toEqual({ allowed: false, reason: expect.stringContaining('only reopen') });
  });

  it.each([
    ['closed', 'open', true],
    ['closed', 'pending', false],
    ['closed', 'resolved', false],
    ['open', 'closed', true],
    ['resolved', 'open', true],
  ] as const)('a lead moves %s → %s: %s', (from, to, allowed) => {
    expect(decideTransition(from, to, 'lead').allowed).toBe(allowed);
  });

  it('tells a specialist that only a lead may reopen a closed ticket', () => {
    expect(decideTransition('closed', 'open', 'team')).toEqual({ allowed: false, reason: expect.stringContaining('only a lead may reopen') });
  });
});
