import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { STREAM_NAME } from '@casework/contracts';

export interface ConsumerBacklog {
  consumer: string;
  /** Stream messages not yet delivered to it. */
  pending: number;
  /** Delivered, not yet acknowledged. */
  ackPending: number;
  /** Currently redelivered (a handler failed or a replica died holding them). */
  redelivered: number;
}

/** Every durable consumer of the Casework stream and how far behind it is. */
export async function consumerBacklogs(nc: NatsConnection): Promise<ConsumerBacklog[]> {
  const jsm = await jetstreamManager(nc, { timeout: 5000 });
  const backlogs: ConsumerBacklog[] = [];
  for await (const info of jsm.consumers.list(STREAM_NAME)) {
    backlogs.push({ consumer: info.name, pending: info.num_pending, ackPending: info.num_ack_pending, redelivered: info.num_redelivered });
  }
  return backlogs;
}
