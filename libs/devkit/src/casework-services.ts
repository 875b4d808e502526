import { resolve } from 'node:path';
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
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${service.name} not healthy at ${url} within ${timeoutMs} ms:\n${service.recentOutput()}`);
}
