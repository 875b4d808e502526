import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { EventEnvelope } from '@casework/contracts';

/** Publishes envelopes durably; the event id as `Nats-Msg-Id` makes a re-publish a no-op. */
export class JetStreamPublisher {
  private readonly js: JetStreamClient;

  constructor(nc: NatsConnection) {
    this.js = jetstream(nc, { timeout: 5000 });
  }

  /** `msgID` overrides the dedupe id, for a deliberate second publish (a dead letter's re-drive). */
  async publish(envelope: EventEnvelope, opts: { msgID?: string } = {}): Promise<void> {
    await this.js.publish(envelope.subject, JSON.stringify(envelope), { msgID: opts.msgID ?? envelope.id });
  }
}
