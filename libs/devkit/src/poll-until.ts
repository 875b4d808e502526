import { setTimeout as sleep } from 'node:timers/promises';

export interface PollOptions {
  timeoutMs: number;
  /** Describes what is awaited, for the timeout message. */
  what: string;
  intervalMs?: number;
  /** Stops polling early, e.g. because the service being waited for has died. */
  signal?: AbortSignal;
}

/** Retries an attempt until it resolves, the timeout passes (rejects with the last error) or the signal aborts. */
export async function pollUntil<T>(attempt: () => Promise<T>, opts: PollOptions): Promise<T> {
  const deadline = Date.now() + opts.timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    opts.signal?.throwIfAborted();
    try {
      return await attempt();
    } catch (error) {
      lastError = error;
    }
    try {
      await sleep(opts.intervalMs ?? 25, undefined, { signal: opts.signal });
    } catch {
      opts.signal?.throwIfAborted();
    }
  }
  const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
  throw new Error(`${opts.what} not ready within ${opts.timeoutMs} ms${reason}`, { cause: lastError });
}
