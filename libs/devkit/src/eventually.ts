import { setTimeout as sleep } from 'node:timers/promises';

export interface EventuallyOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Extra diagnostics (service logs) appended when the wait times out. */
  describe?: () => string;
}

/**
 * Retries `attempt` until it resolves; on timeout rethrows its last error (so an assertion's
 * own diff is what the test reports), with the diagnostics appended.
 */
export async function eventually<T>(attempt: () => Promise<T> | T, options: EventuallyOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await sleep(options.intervalMs ?? 50);
  }
  const extra = options.describe?.();
  if (lastError instanceof Error) {
    lastError.message = `still failing after ${timeoutMs} ms: ${lastError.message}${extra ? `\n\n${extra}` : ''}`;
    throw lastError;
  }
  throw new Error(`still failing after ${timeoutMs} ms: ${String(lastError)}${extra ? `\n\n${extra}` : ''}`);
}
