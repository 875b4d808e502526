import { createServer, type Server, type Socket } from 'node:net';
import { startOnFreePort } from './casework-services.js';
import { freePort } from './free-port.js';
import { spawnService, type ManagedProcess } from './spawn-service.js';

/** A tiny HTTP service answering /health on `port`; it dies with EADDRINUSE when the port is taken. */
function healthServer(port: number): ManagedProcess {
  return spawnService({
    name: 'health',
    command: process.execPath,
    args: ['-e', `require('node:http').createServer((q, r) => r.end('ok')).listen(${port}, '127.0.0.1')`],
    env: process.env,
  });
}

describe('startOnFreePort', () => {
  let squatter: Server;
  const squatted: Socket[] = [];
  const started: ManagedProcess[] = [];

  afterAll(async () => {
    await Promise.all(started.map((p) => p.kill()));
    // It never answers the health checks: drop their connections, or close() waits for them.
    for (const socket of squatted) socket.destroy();
    await new Promise((resolve) => squatter?.close(resolve));
  });

  it('moves to another port when the chosen one was taken before the service bound it', async () => {
    const taken = await freePort();
    squatter = createServer((socket) => void squatted.push(socket));
    await new Promise<void>((resolve) => squatter.listen(taken, '127.0.0.1', resolve));
    const tried: number[] = [];
    const { service, port } = await startOnFreePort(
      (p) => {
        tried.push(p);
        const proc = healthServer(p);
        started.push(proc);
        return proc;
      },
      (p) => `http://127.0.0.1:${p}/health`,
      taken,
    );
    expect(tried[0]).toBe(taken);
    expect(port).not.toBe(taken);
    expect(tried).toHaveLength(2);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).ok).toBe(true);
    expect(service.child.exitCode).toBeNull();
  });
});
