import { TICKET_STATUSES, type TicketStatus } from '../ticket-status.js';
import { clockActionOnStatusChange, clocksRunIn, clockStatesAffectedBy, followupResumesClocks, type ClockForStatusChange } from './clock-lifecycle.js';

const running = (kind: ClockForStatusChange['kind'], pausedNow = false): ClockForStatusChange => ({ kind, state: 'running', pausedNow });
const metByResolving: ClockForStatusChange = { kind: 'resolution', state: 'met', pausedNow: true };
const metByReply: ClockForStatusChange = { kind: 'first_response', state: 'met', pausedNow: false };

describe('SLA clock lifecycle', () => {
  it.each<[ClockForStatusChange, TicketStatus, TicketStatus, string]>([
    [running('first_response'), 'open', 'pending', 'pause'],
    [running('first_response', true), 'pending', 'open', 'resume'],
    [running('resolution'), 'open', 'pending', 'pause'],
    [running('resolution'), 'open', 'resolved', 'meet'],
    [running('resolution'), 'pending', 'closed', 'meet'],
    [running('first_response'), 'open', 'resolved', 'pause'],
    [running('next_response'), 'open', 'closed', 'pause'],
    [running('first_response', true), 'resolved', 'open', 'resume'],
    [metByResolving, 'resolved', 'open', 'reviveRunning'],
    [metByResolving, 'resolved', 'pending', 'revivePaused'],
    [metByResolving, 'resolved', 'closed', 'none'],
    [metByResolving, 'open', 'pending', 'none'],
    [metByReply, 'resolved', 'open', 'none'],
    [{ kind: 'resolution', state: 'met', pausedNow: false }, 'resolved', 'open', 'none'],
    [{ kind: 'first_response', state: 'breached', pausedNow: false }, 'open', 'pending', 'none'],
  ])('%j on %s → %s: %s', (clock, from, to, action) => {
    expect(clockActionOnStatusChange(clock, from, to)).toBe(action);
  });

  it('loads met clocks only when a done ticket reopens', () => {
    expect(clockStatesAffectedBy('resolved', 'open')).toEqual(['running', 'met']);
    expect(clockStatesAffectedBy('closed', 'pending')).toEqual(['running', 'met']);
    expect(clockStatesAffectedBy('open', 'resolved')).toEqual(['running']);
    expect(clockStatesAffectedBy('resolved', 'closed')).toEqual(['running']);
  });

  it.each(TICKET_STATUSES.map((s) => [s]))('clocks run in %s only if it is open; a follow-up resumes them only from pending', (status) => {
    expect(clocksRunIn(status)).toBe(status === 'open');
    expect(followupResumesClocks(status)).toBe(status === 'pending');
  });
});
