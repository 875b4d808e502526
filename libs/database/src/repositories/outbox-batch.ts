import type { EventEnvelope, EventMap, EventSubject } from '@casework/contracts';
import type { Db } from '../db.js';
import { OutboxRepository } from './outbox.repository.js';

const outbox = new OutboxRepository();

/**
 * Appends many events of one subject to the outbox in one statement, for bulk writers such as
 * the SLA sweep, which fires thousands of events per second. The caller hands the returned
 * envelopes to `OutboxRelay.publishCommitted` after the commit.
 */
export async function appendOutboxBatch<S extends EventSubject>(tx: Db, subject: S, data: EventMap[S][], now = new Date()): Promise<EventEnvelope<S>[]> {
  const envelopes = data.map((d) => outbox.envelope(subject, d, now));
  await outbox.appendAll(tx, envelopes);
  return envelopes;
}
