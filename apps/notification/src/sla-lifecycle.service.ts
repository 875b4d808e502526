import { Inject, Injectable } from '@nestjs/common';
import type { NotificationSettings } from '@casework/config';
import { OncallRepository, SlaRepository, type Db, type NewSlaClock, type SlaClockRecord, type SlaClockUpdate, type SlaPolicyRecord } from '@casework/database';
import {
  ALWAYS_OPEN,
  clockActionOnStatusChange,
  clockStatesAffectedBy,
  DEFAULT_WARN_AT_PERCENT,
  followupResumesClocks,
  isTicketStatus,
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
    @Inject(SlaRepository) private readonly sla: SlaRepository,
    @Inject(OncallRepository) private readonly tickets: OncallRepository,
  ) {}

  /**
   * Starts the first-response and resolution clocks of opened tickets: one policy look-up and one
   * insert for all of them.
   */
  async ticketsOpened(tx: Db, tickets: OpenedTicket[]): Promise<Date[]> {
    if (tickets.length === 0) return [];
    const selectorIndex = new Map<string, number>();
    const selectors: { queueId: string; priority: string }[] = [];
    for (const { queueId, priority } of tickets) {
      const key = `${queueId} ${priority}`;
      if (!selectorIndex.has(key)) selectorIndex.set(key, selectors.push({ queueId, priority }) - 1);
    }
    const policies = await this.sla.policiesFor(tx, selectors);
    const clocks: NewSlaClock[] = [];
    for (const ticket of tickets) {
      const policy = policies[selectorIndex.get(`${ticket.queueId} ${ticket.priority}`)!];
      const firstResponseMs = policy ? targetMsFor(policy, 'first_response') : Math.round(this.settings.SLA_FIRST_RESPONSE_MINUTES * 60_000);
      if (firstResponseMs !== null) clocks.push(newClock(ticket.ticketId, 'first_response', policy, firstResponseMs, ticket.at));
      const resolutionMs = policy ? targetMsFor(policy, 'resolution') : null;
      if (resolutionMs !== null) clocks.push(newClock(ticket.ticketId, 'resolution', policy, resolutionMs, ticket.at));
    }
    const ids = await this.sla.startClocks(tx, clocks);
    return clocks.flatMap((clock, i) => (ids[i] ? scheduledTimes(clock) : []));
  }

  /** A specialist's reply (not the acknowledgement, not a note) meets the response clocks. */
  async replySent(tx: Db, ticketId: string, at: Date): Promise<void> {
    if (!(await this.sla.meet(tx, ticketId, 'first_response', at))) {
      // After an outage the reply may be handled before the ticket.opened that starts the clock.
      await this.sla.meetBeforeStart(tx, ticketId, 'first_response', at);
    }
    await this.sla.meet(tx, ticketId, 'next_response', at);
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
    for (const clock of await this.sla.lockClocks(tx, ticketId, ['running'])) {
      const update = resumeAt(clock, at);
      if (!update) continue;
      await this.sla.saveClock(tx, clock.id, update);
      times.push(...[update.dueAt, update.warnAt].filter((d): d is Date => d !== null));
    }
    return times;
  }

  private async nextResponseOwed(tx: Db, ticketId: string, at: Date): Promise<Date[]> {
    if (!(await this.sla.hasReply(tx, ticketId))) return [];
    const policy = await this.sla.policyForTicket(tx, ticketId);
    const targetMs = policy ? targetMsFor(policy, 'next_response') : null;
    if (targetMs === null) return [];
    return this.start(tx, ticketId, 'next_response', policy, targetMs, at);
  }

  async statusChanged(tx: Db, ticketId: string, from: string, to: string, at: Date): Promise<Date[]> {
    if (!isTicketStatus(from) || !isTicketStatus(to)) throw new Error(`unknown ticket status in ${from} → ${to}`);
    const times: Date[] = [];
    for (const clock of await this.sla.lockClocks(tx, ticketId, clockStatesAffectedBy(from, to))) {
      const pausedNow = clock.pauses.some((p) => p.to === null);
      const update = clockUpdate(clock, clockActionOnStatusChange({ kind: clock.kind, state: clock.state, pausedNow }, from, to), at);
      if (!update) continue;
      await this.sla.saveClock(tx, clock.id, update);
      if (update.state === 'running') times.push(...[update.dueAt, update.warnAt].filter((d): d is Date => d !== null));
    }
    return times;
  }

  /**
   * The ticket's queue or priority changed: its running clocks move to the policy now selected,
   * keeping the time already spent. (No event announces such a change yet; callers to come.)
   */
  async retargetTicket(tx: Db, ticketId: string, at: Date): Promise<Date[]> {
    const policy = await this.sla.policyForTicket(tx, ticketId);
    if (!policy) return [];
    const times: Date[] = [];
    for (const clock of await this.sla.lockClocks(tx, ticketId, ['running'])) {
      if (clock.policyId === policy.id) continue;
      const update = retargetClock(clock, policy, at);
      await this.sla.saveClock(tx, clock.id, update);
      times.push(...[update.dueAt, update.warnAt].filter((d): d is Date => d !== null));
    }
    return times;
  }

  private async start(tx: Db, ticketId: string, kind: SlaKind, policy: SlaPolicyRecord | null, targetMs: number, at: Date): Promise<Date[]> {
    const clock = newClock(ticketId, kind, policy, targetMs, at);
    return (await this.sla.startClock(tx, clock)) ? scheduledTimes(clock) : [];
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
