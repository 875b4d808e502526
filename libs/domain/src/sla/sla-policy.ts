import type { ValidationError } from './calendar.js';

export const SLA_KINDS = ['first_response', 'next_response', 'resolution'] as const;
export type SlaKind = (typeof SLA_KINDS)[number];
export type SlaClockState = 'running' | 'met' | 'breached';

export const DEFAULT_WARN_AT_PERCENT = 80;

/** A policy's targets in business minutes of its calendar; null = no clock of that kind. */
export interface SlaTargets {
  firstResponseMinutes: number | null;
  nextResponseMinutes: number | null;
  resolutionMinutes: number | null;
  /** Warn once this share of a target has elapsed (0–100). */
  warnAtPercent: number;
}

const TARGET_FIELDS = {
  first_response: 'firstResponseMinutes',
  next_response: 'nextResponseMinutes',
  resolution: 'resolutionMinutes',
} as const satisfies Record<SlaKind, keyof SlaTargets>;

/** The target in minutes for one kind of clock, or null if the policy sets none. */
export function targetMinutesFor(targets: SlaTargets, kind: SlaKind): number | null {
  return targets[TARGET_FIELDS[kind]];
}

export type SlaTargetsValidation = { ok: true; targets: SlaTargets } | { ok: false; errors: ValidationError[] };

/** Checks policy targets from untrusted input; `warnAtPercent` defaults to 80. */
export function validateSlaTargets(input: unknown): SlaTargetsValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, errors: [{ path: '', message: 'must be an object' }] };
  const record = input as Record<string, unknown>;
  const errors: ValidationError[] = [];
  const minutes = (field: (typeof TARGET_FIELDS)[SlaKind]): number | null => {
    const value = record[field] ?? null;
    if (value === null) return null;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) errors.push({ path: field, message: 'must be a number of minutes >= 0, or null' });
    return value as number;
  };
  const targets: SlaTargets = {
    firstResponseMinutes: minutes('firstResponseMinutes'),
    nextResponseMinutes: minutes('nextResponseMinutes'),
    resolutionMinutes: minutes('resolutionMinutes'),
    warnAtPercent: (record.warnAtPercent ?? DEFAULT_WARN_AT_PERCENT) as number,
  };
  const pct = targets.warnAtPercent;
  if (typeof pct !== 'number' || !Number.isFinite(pct) || pct < 0 || pct > 100) errors.push({ path: 'warnAtPercent', message: 'must be a percentage from 0 to 100' });
  return errors.length ? { ok: false, errors } : { ok: true, targets };
}

/** Where a policy applies: a queue, a priority, both, or (both null) everywhere. */
export interface SlaPolicyScope {
  queueId: string | null;
  priority: string | null;
}

/**
 * The policy for a ticket: the most specific match wins — queue + priority, then queue only, then
 * priority only, then the default (both null). Among equally specific matches the first listed
 * wins (the database keeps (queue_id, priority) unique, so there is only one).
 */
export function selectPolicy<P extends SlaPolicyScope>(policies: readonly P[], queueId: string | null, priority: string | null): P | null {
  let best: P | null = null;
  let bestRank = -1;
  for (const policy of policies) {
    if (policy.queueId !== null && policy.queueId !== queueId) continue;
    if (policy.priority !== null && policy.priority !== priority) continue;
    const rank = (policy.queueId !== null ? 2 : 0) + (policy.priority !== null ? 1 : 0);
    if (rank > bestRank) {
      best = policy;
      bestRank = rank;
    }
  }
  return best;
}
