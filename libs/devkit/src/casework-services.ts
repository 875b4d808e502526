import { resolve } from 'node:path';
import { freePort } from './free-port.js';
import { spawnService, type ManagedProcess } from './spawn-service.js';

/** The five services, in the order they are started. */
export const SERVICE_NAMES = ['ingest', 'routing', 'template-reply', 'notification', 'api'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** The compiled entry point of a service (`npm run build` writes dist/). */
export function serviceEntry(name: ServiceName, root = process.cwd()): string {
  return resolve(root, 'dist', 'apps', name, 'src', 'main.js');
}

/**
 * Starts one compiled service as its own process. CASEWORK_NODE_FLAGS in `env` (space-separated,
 * e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) go to node itself: flags NODE_OPTIONS refuses.
 */
export function startService(name: ServiceName, env: NodeJS.ProcessEnv, prefixLogs: SpawnPrefix = false, root = process.cwd()): ManagedProcess {
  return spawnService({
    name,
    command: process.execPath,
    args: ['--enable-source-maps', ...(env.CASEWORK_NODE_FLAGS?.split(' ').filter(Boolean) ?? []), serviceEntry(name, root)],
    env,
    cwd: root,
    prefixLogs,
    colorIndex: SERVICE_NAMES.indexOf(name),
  });
}

type SpawnPrefix = boolean | ((line: string) => void);

/** Waits until a service answers GET `url` with 200, or fails with its recent output. */
export async function waitForHealthy(service: ManagedProcess, url: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void service.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`${service.name} exited with ${exitCode} before it was healthy:\n${service.recentOutput()}`);
    try {
      // Bounded: whatever else holds the port may never answer.
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      // Healthy only while it runs: a service that died on EADDRINUSE leaves the port to another.
      if (response.ok && exitCode === undefined) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${service.name} not healthy at ${url} within ${timeoutMs} ms:\n${service.recentOutput()}`);
}

/**
 * Starts a service listening on a free port and waits for its /health. freePort() releases the
 * port before the service binds it, so another test's process can take it in between: a start
 * that fails with EADDRINUSE is retried on another port. `firstPort`: try this one first.
 */
export async function startOnFreePort(
  start: (port: number) => ManagedProcess,
  healthUrl: (port: number) => string,
  firstPort?: number,
  attempts = 3,
): Promise<{ service: ManagedProcess; port: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = attempt === 1 && firstPort !== undefined ? firstPort : await freePort();
    const service = start(port);
    try {
      await waitForHealthy(service, healthUrl(port));
      return { service, port };
    } catch (error) {
      if (attempt >= attempts || !service.recentOutput().includes('EADDRINUSE')) throw error;
      await service.kill().catch(() => undefined);
    }
  }
}
