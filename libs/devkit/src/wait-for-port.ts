import { connect } from 'node:net';
import { pollUntil } from './poll-until.js';

/** Polls until something accepts TCP connections on host:port, or rejects after timeoutMs. */
export async function waitForPort(
  port: number,
  host = '127.0.0.1',
  timeoutMs = 10000,
  signal?: AbortSignal,
): Promise<void> {
  await pollUntil(() => tryConnect(port, host), {
    timeoutMs,
    signal,
    what: `a listener on ${host}:${port}`,
  });
}

function tryConnect(port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const socket = connect({ port, host });
    socket.setTimeout(2000, () => socket.destroy(new Error('connect timed out')));
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}
