/** The five services: started together, each healthy within the timeout, watched for an early exit. */
import { SERVICE_NAMES, startService, waitForHealthy, type ManagedProcess } from '@casework/devkit';
import { ScriptError } from './database-setup.js';
import { bold, message, say, warn } from './dev-output.js';
import { API_PREFIX, REPO_ROOT } from './dev-paths.js';
import type { DevPorts } from './dev-ports.js';
import { isStopping, own } from './owned-processes.js';

const HEALTH_TIMEOUT_MS = 60_000;

export async function startServices(env: NodeJS.ProcessEnv, ports: DevPorts): Promise<void> {
  const started: ManagedProcess[] = [];
  own('services', async () => {
    await Promise.allSettled(started.map((service) => service.kill('SIGTERM')));
  });
  const waits: Promise<void>[] = [];
  for (const name of SERVICE_NAMES) {
    const isApi = name === 'api';
    const port = isApi ? ports.api : ports.workers[name];
    const service = startService(name, isApi ? { ...env, PORT: String(port) } : { ...env, HTTP_PORT: String(port) }, true, REPO_ROOT);
    started.push(service);
    watchForUnexpectedExit(service);
    const healthUrl = isApi ? `http://127.0.0.1:${port}/${API_PREFIX}/health` : `http://127.0.0.1:${port}/health`;
    waits.push(waitForHealthy(service, healthUrl, HEALTH_TIMEOUT_MS).then(() => say(`${name} is healthy (${healthUrl})`)));
  }
  say(`started ${SERVICE_NAMES.join(', ')}; waiting for /health…`);
  try {
    await Promise.all(waits);
  } catch (error) {
    // The service's own output was already printed above with its prefix.
    const reason = message(error).split('\n')[0].replace(/:$/, '');
    throw new ScriptError(`a service did not come up: ${reason} (see its log lines above)`);
  }
}

function watchForUnexpectedExit(service: ManagedProcess): void {
  void service.exited.then((code) => {
    // A terminal Ctrl-C reaches the children as well; give our own handler the chance to run first.
    setTimeout(() => {
      if (isStopping()) return;
      const how = code === null ? `signal ${service.child.signalCode ?? 'unknown'}` : `exit code ${code}`;
      warn(`${bold(service.name)} exited unexpectedly (${how}); the others keep running. Ctrl-C stops everything.`);
    }, 250);
  });
}
