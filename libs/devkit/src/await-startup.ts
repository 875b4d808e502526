import type { ManagedProcess } from './spawn-service.js';

/**
 * Runs a readiness check while watching the process: a daemon that dies during startup (port
 * taken, bad config) fails fast with its own output instead of a generic timeout, and the check
 * is aborted so no polling outlives the failure.
 */
export async function awaitStartup(
  service: ManagedProcess,
  ready: (signal: AbortSignal) => Promise<void>,
  describeFailure: () => string = () => service.recentOutput(),
): Promise<void> {
  const abort = new AbortController();
  let died = false;
  const exited = service.exited.then((code) => {
    died = true;
    abort.abort();
    return code;
  });
  try {
    await ready(abort.signal);
  } catch (error) {
    if (died) {
      const code = await exited;
      throw new Error(`${service.name} exited (code ${String(code)}) during startup:\n${describeFailure()}`);
    }
    await service.kill();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${service.name} did not become ready: ${message}\n${describeFailure()}`, { cause: error });
  }
}
