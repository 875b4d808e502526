import type { SlaClockRecord, SlaClockUpdate, SlaPolicyRecord } from '@casework/database';
import {
  DEFAULT_WARN_AT_PERCENT,
  dueAtFor,
  isPaused,
  pauseClock,
  rebaseTimeline,
  resumeClock,
  targetMinutesFor,
  warnAtFor,
  type Calendar,
  type ClockTimeline,
  type SlaKind,
} from '@casework/domain';

/**
 * Pure steps of the clock lifecycle on stored clocks: each returns the clock's new row state
 * (due and warning times recomputed from the timeline under the policy's calendar), or null
 * when nothing changes. Event times may arrive out of order: a pause or resume is never placed
 * before the clock's last recorded event.
 */

export interface ClockSchedule {
  dueAt: Date | null;
  warnAt: Date | null;
}

export function scheduleOf(timeline: ClockTimeline, targetMs: number | null, calendar: Calendar, warnAtPercent: number): ClockSchedule {
  if (targetMs === null) return { dueAt: null, warnAt: null };
  return { dueAt: dueAtFor(timeline, targetMs, calendar), warnAt: warnAtFor(timeline, targetMs, warnAtPercent, calendar) };
}

/** The target of a kind of clock under a policy in ms; null = the policy sets none. */
export function targetMsFor(policy: Pick<SlaPolicyRecord, 'firstResponseMinutes' | 'nextResponseMinutes' | 'resolutionMinutes'>, kind: SlaKind): number | null {
  const minutes = targetMinutesFor({ ...policy, warnAtPercent: DEFAULT_WARN_AT_PERCENT }, kind);
  return minutes === null ? null : Math.round(minutes * 60_000);
}

function timelineOf(clock: SlaClockRecord): ClockTimeline {
  return { startedAt: clock.startedAt, pauses: clock.pauses, carriedOverMs: clock.carriedOverMs };
}

function lastEventMs(timeline: ClockTimeline): number {
  return Math.max(timeline.startedAt.getTime(), ...timeline.pauses.map((p) => (p.to ?? p.from).getTime()));
}

function withTimeline(clock: SlaClockRecord, timeline: ClockTimeline, changes: Partial<SlaClockUpdate> = {}): SlaClockUpdate {
  const schedule = scheduleOf(timeline, clock.targetMs, clock.calendar, clock.warnAtPercent);
  return {
    policyId: clock.policyId,
    state: clock.state,
    startedAt: timeline.startedAt,
    pauses: timeline.pauses,
    carriedOverMs: timeline.carriedOverMs ?? 0,
    targetMs: clock.targetMs,
    dueAt: schedule.dueAt,
    warnAt: schedule.warnAt,
    metAt: clock.metAt,
    ...changes,
  };
}

/** Pauses a clock at `at` (no-op if already paused). */
export function pauseAt(clock: SlaClockRecord, at: Date, changes: Partial<SlaClockUpdate> = {}): SlaClockUpdate | null {
  const timeline = timelineOf(clock);
  if (isPaused(timeline)) return Object.keys(changes).length ? withTimeline(clock, timeline, changes) : null;
  const when = new Date(Math.max(at.getTime(), lastEventMs(timeline)));
  return withTimeline(clock, pauseClock(timeline, when), changes);
}

/** Resumes a paused clock at `at` (no-op if running). */
export function resumeAt(clock: SlaClockRecord, at: Date, changes: Partial<SlaClockUpdate> = {}): SlaClockUpdate | null {
  const timeline = timelineOf(clock);
  if (!isPaused(timeline)) return Object.keys(changes).length ? withTimeline(clock, timeline, changes) : null;
  const open = timeline.pauses.find((p) => p.to === null)!;
  const when = new Date(Math.max(at.getTime(), open.from.getTime()));
  return withTimeline(clock, resumeClock(timeline, when), changes);
}

const sameCalendar = (a: Calendar, b: Calendar): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * A queue or priority change: the running clock moves to `policy` at `at` without losing the
 * time spent. A different calendar rebases the timeline (time used so far is measured under the
 * old calendar and carried over); the target becomes the new policy's (kept if it sets none).
 * A changed warning time re-arms the warning.
 */
export function retargetClock(clock: SlaClockRecord, policy: SlaPolicyRecord, at: Date): SlaClockUpdate {
  let timeline = timelineOf(clock);
  if (!sameCalendar(clock.calendar, policy.calendar)) {
    const when = new Date(Math.max(at.getTime(), timeline.startedAt.getTime()));
    timeline = rebaseTimeline(timeline, when, clock.calendar);
  }
  const targetMs = targetMsFor(policy, clock.kind) ?? clock.targetMs;
  const schedule = scheduleOf(timeline, targetMs, policy.calendar, policy.warnAtPercent);
  return {
    policyId: policy.id,
    state: clock.state,
    startedAt: timeline.startedAt,
    pauses: timeline.pauses,
    carriedOverMs: timeline.carriedOverMs ?? 0,
    targetMs,
    dueAt: schedule.dueAt,
    warnAt: schedule.warnAt,
    metAt: clock.metAt,
    rearmWarning: true,
  };
}
