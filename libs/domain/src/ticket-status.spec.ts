import { isTicketStatus, statusAfterFollowup } from './ticket-status.js';

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
