import { jetstreamManager, RetentionPolicy, StorageType, type StreamConfig } from '@nats-io/jetstream';
import { connect, nanos, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { STREAM_NAME, STREAM_SUBJECTS } from '@casework/contracts';

/** The servers of a NATS_URL: one, or a cluster's members separated by commas. */
export function natsServers(url: string): string[] {
  return url.split(',').map((server) => server.trim()).filter((server) => server !== '');
}

/**
 * Connects with endless reconnects: a NATS restart must not stop a service. Given a cluster's
 * members the client tries them in random order and learns the others from the one it reaches.
 */
export async function connectNats(url: string, name: string): Promise<NatsConnection> {
  return connect({
    servers: natsServers(url),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    waitOnFirstConnect: false,
    timeout: 5000,
    // Otherwise every publish and request builds an Error up front for its stack trace (tens of
    // microseconds each, a few per event); failures still say what failed.
    noAsyncTraces: true,
  });
}

const STREAM: Partial<StreamConfig> & { name: string } = {
  name: STREAM_NAME,
  subjects: STREAM_SUBJECTS,
  storage: StorageType.File,
  retention: RetentionPolicy.Limits,
  max_age: nanos(14 * 24 * 3600 * 1000),
  // Re-publishes of the same event id within this window are dropped by the server.
  duplicate_window: nanos(5 * 60 * 1000),
};

/**
 * Creates the CASEWORK stream with `replicas` copies, or brings an existing one to our
 * configuration. The replica count is raised, never lowered: one service started with a stale
 * NATS_STREAM_REPLICAS must not shrink the copies every other service relies on (`onLowered`
 * hears of it; lowering is an operator's `nats stream edit`). A cluster still electing its
 * leaders answers with timeouts, and replicas starting together race to create the stream: both
 * are retried for up to `withinMs`.
 */
export function ensureStream(nc: NatsConnection, replicas = 1, onLowered?: (current: number) => void, withinMs = 60_000): Promise<void> {
  return retryingTransient(() => ensureStreamOnce(nc, replicas, onLowered), withinMs);
}

/** Runs a JetStream management step, again while it fails transiently (see isTransient), for up to `withinMs`. */
export async function retryingTransient<T>(work: () => Promise<T>, withinMs = 60_000): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!isTransient(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

async function ensureStreamOnce(nc: NatsConnection, replicas: number, onLowered?: (current: number) => void): Promise<void> {
  const jsm = await jetstreamManager(nc, { timeout: 5000 });
  let current: number;
  try {
    current = (await jsm.streams.info(STREAM_NAME)).config.num_replicas;
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await jsm.streams.add({ ...STREAM, num_replicas: replicas });
    return;
  }
  if (current > replicas) onLowered?.(current);
  await jsm.streams.update(STREAM_NAME, { ...STREAM, num_replicas: Math.max(current, replicas) });
}

/** A timeout, no JetStream responder yet, or another replica creating the stream at the same moment. */
function isTransient(error: unknown): boolean {
  return error instanceof Error && /timeout|no responders|already in use|no suitable peers|insufficient resources|jetstream not (enabled|ready)|temporarily unavailable/i.test(`${error.name} ${error.message}`);
}

/** JetStream's answer for a stream or consumer that does not exist. */
export function isNotFound(error: unknown): boolean {
  return error instanceof Error && /not found/i.test(error.message);
}

/** A service configured with fewer stream replicas than the stream has: kept, and said so. */
export function warnNotLowered(logger: Logger, current: number, configured: number): void {
  logger.warn({ current, configured }, 'the CASEWORK stream keeps more replicas than NATS_STREAM_REPLICAS asks: not lowered (use `nats stream edit` to lower it)');
}
