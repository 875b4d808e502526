/**
 * The life of one outgoing mail: `queued → sending → sent | failed`. A refusal that will not
 * change (a 5xx) fails it at once; a temporary one (a 4xx, a dropped or refused connection) is
 * retried later, with exponential backoff, until the attempts run out. Time is a parameter.
 */
export const DELIVERY_STATES = ['queued', 'sending', 'sent', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export interface RetrySchedule {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Wait after the first failed attempt. */
  baseMs: number;
  /** Each further wait is this many times the one before. */
  factor: number;
}

/** 8 attempts: waits of 30 s, 1¾ min, 6 min, 21 min, 1¼ h, 4⅓ h and 15⅓ h, ≈ 21½ h from the first to the last. */
export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = { maxAttempts: 8, baseMs: 30_000, factor: 3.5 };

/** The wait before the next attempt, after `attemptsMade` attempts (≥ 1) have failed. */
export function retryDelayMs(attemptsMade: number, schedule: RetrySchedule): number {
  return Math.round(schedule.baseMs * schedule.factor ** Math.max(0, attemptsMade - 1));
}

/** From the first attempt to the last, when every attempt fails temporarily. */
export function retrySpanMs(schedule: RetrySchedule): number {
  let total = 0;
  for (let made = 1; made < schedule.maxAttempts; made++) total += retryDelayMs(made, schedule);
  return total;
}

/** What an attempt that did not deliver means: `responseCode` is the SMTP reply code, null without one (no connection, a timeout). */
export type AttemptFailure = { responseCode: number | null; message: string };

export type AttemptOutcome = { state: 'queued'; retryInMs: number } | { state: 'failed'; permanent: boolean };

/** Whether a refusal is final: a 5xx reply is (RFC 5321 §4.2.1); a 4xx or no reply at all is not. */
export function isPermanentFailure(failure: Pick<AttemptFailure, 'responseCode'>): boolean {
  return failure.responseCode !== null && failure.responseCode >= 500 && failure.responseCode < 600;
}

/** After `attemptsMade` attempts, the last of which failed this way: try again later, or give up. */
export function afterFailedAttempt(failure: Pick<AttemptFailure, 'responseCode'>, attemptsMade: number, schedule: RetrySchedule): AttemptOutcome {
  if (isPermanentFailure(failure)) return { state: 'failed', permanent: true };
  if (attemptsMade >= schedule.maxAttempts) return { state: 'failed', permanent: false };
  return { state: 'queued', retryInMs: retryDelayMs(attemptsMade, schedule) };
}
