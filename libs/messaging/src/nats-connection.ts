import { jetstreamManager, RetentionPolicy, StorageType, type StreamConfig } from '@nats-io/jetstream';
import { connect, nanos, type NatsConnection } from '@nats-io/transport-node';
import { STREAM_NAME, STREAM_SUBJECTS } from '@casework/contracts';

/** Connects with endless reconnects: a NATS restart must not stop a service. */
export async function connectNats(url: string, name: string): Promise<NatsConnection> {
  return connect({
    servers: url,
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

/** Creates the CASEWORK stream, or brings an existing one to our configuration. */
export async function ensureStream(nc: NatsConnection): Promise<void> {
  const jsm = await jetstreamManager(nc);
  try {
    await jsm.streams.info(STREAM_NAME);
    await jsm.streams.update(STREAM_NAME, STREAM);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await jsm.streams.add(STREAM);
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && /not found/i.test(error.message);
}
