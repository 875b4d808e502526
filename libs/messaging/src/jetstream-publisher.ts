import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { EventEnvelope } from '@casework/contracts';

/** Publishes envelopes durably; the event id as `Nats-Msg-Id` makes a re-publish a no-op. */
export class JetStreamPublisher {
  private readonly js: JetStreamClient;

  constructor(nc: NatsConnection) {
    this.js = jetstream(nc, { timeout: 5000 });
  }

  async publish(envelope: EventEnvelope): Promise<void> {
    await this.js.publish(envelope.subject, JSON.stringify(envelope), { msgID: envelope.id });
  }
}
