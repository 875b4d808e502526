import { randomUUID } from 'node:crypto';
import type { EventEnvelope, EventMap, EventSubject } from '@casework/contracts';

/** A fresh envelope as the outbox writes it. */
export function envelope<S extends EventSubject>(subject: S, data: EventMap[S], occurredAt: Date = new Date()): EventEnvelope<S> {
  return { id: randomUUID(), subject, version: 1, occurredAt: occurredAt.toISOString(), data };
}
