import type { TicketStatus } from '../ticket-status.js';
import type { SlaClockState, SlaKind } from './sla-policy.js';

/**
 * What a ticket's status does to its SLA clocks. The rule: a clock runs only while someone is
 * waiting on the team (open); pending waits on the stakeholder and resolved/closed wait on
 * nobody, so they pause every running clock. Resolving or closing meets the resolution clock;
 * reopening brings back a resolution clock met that way, with the time it had already used.
 */
const DONE_STATUSES: ReadonlySet<TicketStatus> = new Set(['resolved', 'closed']);

/** True when clocks run in `status`. */
export function clocksRunIn(status: TicketStatus): boolean {
  return status === 'open';
}

/** The clock states a change from → to can affect (met ones only when a done ticket reopens). */
export function clockStatesAffectedBy(from: TicketStatus, to: TicketStatus): SlaClockState[] {
  return reopens(from, to) ? ['running', 'met'] : ['running'];
}

/** A clock as far as the rule needs it. `pausedNow`: its last pause has not ended. */
export interface ClockForStatusChange {
  kind: SlaKind;
  state: SlaClockState;
  pausedNow: boolean;
}

/**
 * - pause / resume: the clock keeps its state and stops or starts counting;
 * - meet: met now, and paused so a reopening can resume it;
 * - revivePaused / reviveRunning: a met resolution clock runs again, paused or counting.
 */
export type ClockStatusAction = 'none' | 'pause' | 'resume' | 'meet' | 'revivePaused' | 'reviveRunning';

export function clockActionOnStatusChange(clock: ClockForStatusChange, from: TicketStatus, to: TicketStatus): ClockStatusAction {
  if (clock.state === 'breached') return 'none';
  if (clock.state === 'met') {
    // Only a resolution clock met by resolving (paused since) comes back, and only on reopening.
    if (!reopens(from, to) || clock.kind !== 'resolution' || !clock.pausedNow) return 'none';
    return clocksRunIn(to) ? 'reviveRunning' : 'revivePaused';
  }
  if (DONE_STATUSES.has(to) && clock.kind === 'resolution') return 'meet';
  return clocksRunIn(to) ? 'resume' : 'pause';
}

/** A stakeholder's follow-up on a ticket in `status` ends a wait on them: paused clocks run again. */
export function followupResumesClocks(status: TicketStatus): boolean {
  return status === 'pending';
}

function reopens(from: TicketStatus, to: TicketStatus): boolean {
  return DONE_STATUSES.has(from) && !DONE_STATUSES.has(to);
}
