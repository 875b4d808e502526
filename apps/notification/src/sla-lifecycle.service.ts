import { Inject, Injectable } from '@nestjs/common';
import type { NotificationSettings } from '@casework/config';
import { OncallRepository, SlaClockRepository, SlaPolicyRepository, type Db, type NewSlaClock, type SlaClockRecord, type SlaClockUpdate, type SlaPolicyRecord } from '@casework/database';
import {
  ALWAYS_OPEN,
  clockActionOnStatusChange,
  clockStatesAffectedBy,
  DEFAULT_WARN_AT_PERCENT,
  followupResumesClocks,
  isTicketStatus,
  selectPolicy,
  type Calendar,
  type ClockStatusAction,
  type SlaKind,
} from '@casework/domain';
import { NOTIFICATION_SETTINGS } from './notification.tokens.js';
import { pauseAt, resumeAt, retargetClock, scheduleOf, targetMsFor } from './sla-clock-math.js';

/** A ticket.opened as the clocks need it: `at` is when it opened. */
export interface OpenedTicket {
  ticketId: string;
  queueId: string;
  priority: string;
  at: Date;
}


/**
 * The clocks' lifecycle, inside the caller's transaction. Returns the due and warning times it
 * scheduled, so the scheduler can wake early for them.
 *
 * - first_response: starts when the ticket opens, met by the first specialist reply.
 * - next_response: starts at a stakeholder's (non-automated) follow-up once the team has
 *   replied, met by the next reply; one running at a time, a new one per cycle.
 * - resolution: runs from open to resolved/closed (met then); reopening resumes it with the
 *   time already used.
 * - pending (and resolved/closed) pause every running clock; back to open resumes them.
 * What a status does to a clock is libs/domain's clock lifecycle; this loads and stores.
 */
@Injectable()
export class SlaLifecycleService {
  constructor(
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(SlaClockRepository) private readonly slaClocks: SlaClockRepository,
    @Inject(SlaPolicyRepository) private readonly policies: SlaPolicyRepository,
    @Inject(OncallRepository) private readonly tickets: OncallRepository,
  ) {}

  /**
   * Starts the first-response and resolution clocks of opened tickets: one look-up of candidate
   * policies and one insert for all of them; the domain's selectPolicy picks each ticket's.
   */
  async ticketsOpened(tx: Db, tickets: OpenedTicket[]): Promise<Date[]> {
    if (tickets.length === 0) return [];
    const candidates = await this.policies.candidatesFor(tx, tickets.map((ticket) => ticket.queueId));
    const clocks: NewSlaClock[] = [];
    for (const ticket of tickets) {
      // Ids compare as Postgres prints them (lower case); an event may carry another case.
      const policy = selectPolicy(candidates, ticket.queueId.toLowerCase(), ticket.priority);
      const firstResponseMs = policy ? targetMsFor(policy, 'first_response') : Math.round(this.settings.SLA_FIRST_RESPONSE_MINUTES * 60_000);
      if (firstResponseMs !== null) clocks.push(newClock(ticket.ticketId, 'first_response', policy, firstResponseMs, ticket.at));
      const resolutionMs = policy ? targetMsFor(policy, 'resolution') : null;
      if (resolutionMs !== null) clocks.push(newClock(ticket.ticketId, 'resolution', policy, resolutionMs, ticket.at));
    }
    const ids = await this.slaClocks.startClocks(tx, clocks);
    return clocks.flatMap((clock, i) => (ids[i] ? scheduledTimes(clock) : []));
  }

  /** A specialist's reply (not the acknowledgement, not a note) meets the response clocks. */
  async replySent(tx: Db, ticketId: string, at: Date): Promise<void> {
    if (!(await this.slaClocks.meet(tx, ticketId, 'first_response', at))) {
      // After an outage the reply may be handled before the ticket.opened that starts the clock.
      await this.slaClocks.meetBeforeStart(tx, ticketId, 'first_response', at);
    }
    await this.slaClocks.meet(tx, ticketId, 'next_response', at);
  }

  /** A stakeholder wrote again after the team replied: the next response is owed. */
  async followup(tx: Db, ticketId: string, at: Date): Promise<Date[]> {
    const times = await this.stakeholderAnswered(tx, ticketId, at);
    return [...times, ...(await this.nextResponseOwed(tx, ticketId, at))];
  }

  /**
   * A pending ticket waits on the stakeholder: their own follow-up ends that wait, so the
   * clocks paused by `pending` run again (the ticket's status is left to the team).
   */
  private async stakeholderAnswered(tx: Db, ticketId: string, at: Date): Promise<Date[]> {
    const ticket = await this.tickets.ticketForPaging(tx, ticketId);
    if (!ticket || !isTicketStatus(ticket.status) || !followupResumesClocks(ticket.status)) return [];
    const times: Date[] = [];
    for (const clock of await this.slaClocks.lockClocks(tx, ticketId, ['running'])) {
      const update = resumeAt(clock, at);
      if (!update) continue;
      await this.slaClocks.saveClock(tx, clock.id, update);
      times.push(...[update.dueAt, update.warnAt].filter((d): d is Date => d !== null));
    }
    return times;
  }

  private async nextResponseOwed(tx: Db, ticketId: string, at: Date): Promise<Date[]> {
    if (!(await this.slaClocks.hasReply(tx, ticketId))) return [];
    const policy = await this.policyForTicket(tx, ticketId);
    const targetMs = policy ? targetMsFor(policy, 'next_response') : null;
    if (targetMs === null) return [];
    return this.start(tx, ticketId, 'next_response', policy, targetMs, at);
  }

  async statusChanged(tx: Db, ticketId: string, from: string, to: string, at: Date): Promise<Date[]> {
    if (!isTicketStatus(from) || !isTicketStatus(to)) throw new Error(`unknown ticket status in ${from} → ${to}`);
    const times: Date[] = [];
    for (const clock of await this.slaClocks.lockClocks(tx, ticketId, clockStatesAffectedBy(from, to))) {
      const pausedNow = clock.pauses.some((p) => p.to === null);
      const update = clockUpdate(clock, clockActionOnStatusChange({ kind: clock.kind, state: clock.state, pausedNow }, from, to), at);
      if (!update) continue;
      await this.slaClocks.saveClock(tx, clock.id, update);
      if (update.state === 'running') times.push(...[update.dueAt, update.warnAt].filter((d): d is Date => d !== null));
    }
    return times;
  }

  /**
   * The ticket's queue or priority changed: its running clocks move to the policy now selected,
   * keeping the time already spent. (No event announces such a change yet; callers to come.)
   */
  async retargetTicket(tx: Db, ticketId: string, at: Date): Promise<Date[]> {
    const policy = await this.policyForTicket(tx, ticketId);
    if (!policy) return [];
    const times: Date[] = [];
    for (const clock of await this.slaClocks.lockClocks(tx, ticketId, ['running'])) {
      if (clock.policyId === policy.id) continue;
      const update = retargetClock(clock, policy, at);
      await this.slaClocks.saveClock(tx, clock.id, update);
      times.push(...[update.dueAt, update.warnAt].filter((d): d is Date => d !== null));
    }
    return times;
  }

  /** The policy for the ticket's current queue and priority. */
  private async policyForTicket(tx: Db, ticketId: string): Promise<SlaPolicyRecord | null> {
    const candidates = await this.policies.candidatesForTicket(tx, ticketId);
    return candidates ? selectPolicy(candidates.policies, candidates.queueId, candidates.priority) : null;
  }

  private async start(tx: Db, ticketId: string, kind: SlaKind, policy: SlaPolicyRecord | null, targetMs: number, at: Date): Promise<Date[]> {
    const clock = newClock(ticketId, kind, policy, targetMs, at);
    return (await this.slaClocks.startClock(tx, clock)) ? scheduledTimes(clock) : [];
  }
}

/** The stored change for a clock-lifecycle action (null: nothing to store). */
function clockUpdate(clock: SlaClockRecord, action: ClockStatusAction, at: Date): SlaClockUpdate | null {
  switch (action) {
    case 'none':
      return null;
    case 'pause':
      return pauseAt(clock, at);
    case 'resume':
      return resumeAt(clock, at);
    case 'meet':
      return pauseAt(clock, at, { state: 'met', metAt: at });
    case 'revivePaused':
      return pauseAt(clock, at, { state: 'running', metAt: null });
    case 'reviveRunning':
      return resumeAt(clock, at, { state: 'running', metAt: null });
  }
}

/** A clock starting at `at` under the policy (none: the default, round the clock). */
function newClock(ticketId: string, kind: SlaKind, policy: SlaPolicyRecord | null, targetMs: number, at: Date): NewSlaClock {
  const calendar: Calendar = policy?.calendar ?? ALWAYS_OPEN;
  const schedule = scheduleOf({ startedAt: at, pauses: [] }, targetMs, calendar, policy?.warnAtPercent ?? DEFAULT_WARN_AT_PERCENT);
  return { ticketId, kind, policyId: policy?.id ?? null, startedAt: at, targetMs, dueAt: schedule.dueAt, warnAt: schedule.warnAt };
}

const scheduledTimes = (clock: NewSlaClock): Date[] => [clock.dueAt, clock.warnAt].filter((d): d is Date => d !== null);
