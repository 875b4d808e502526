import { mkdir } from 'node:fs/promises';
import { awaitStartup } from './await-startup.js';
import { freePort } from './free-port.js';
import { pollUntil } from './poll-until.js';
import { requireBinary } from './require-binary.js';
import { spawnService, type ManagedProcess } from './spawn-service.js';
import { createTempDir, removeDir } from './temp-dir.js';
import { waitForPort } from './wait-for-port.js';

export interface PrivateNats {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Stops the server and starts it again on the same port and store dir (JetStream data survives). */
  restart(): Promise<void>;
}

export interface StartNatsOptions {
  port?: number;
  storeDir?: string;
}

/** Starts a private nats-server with JetStream on 127.0.0.1. */
export async function startNats(opts: StartNatsOptions = {}): Promise<PrivateNats> {
  const binary = requireBinary('nats-server', 'install it with `apt-get install -y nats-server`');
  const port = opts.port ?? (await freePort());
  const ownsStore = opts.storeDir === undefined;
  const storeDir = opts.storeDir ?? (await createTempDir('nats'));
  await mkdir(storeDir, { recursive: true });

  const launch = async (): Promise<ManagedProcess> => {
    const service = spawnService({
      name: 'nats',
      command: binary,
      args: ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir],
      env: process.env,
    });
    // An open port alone could belong to someone else; our own server must also say it is ready.
    await awaitStartup(service, (signal) =>
      pollUntil(
        async () => {
          if (!service.recentOutput().includes('Server is ready')) throw new Error('not ready yet');
          await waitForPort(port, '127.0.0.1', 1000, signal);
        },
        { timeoutMs: 10000, signal, what: `nats-server on port ${port}` },
      ),
    );
    return service;
  };

  let current: ManagedProcess | undefined;
  try {
    current = await launch();
  } catch (error) {
    if (ownsStore) await removeDir(storeDir);
    throw error;
  }

  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    async restart() {
      await current?.kill('SIGTERM');
      current = undefined;
      current = await launch();
    },
    async stop() {
      await current?.kill('SIGTERM');
      current = undefined;
      if (ownsStore) await removeDir(storeDir);
    },
  };
}
