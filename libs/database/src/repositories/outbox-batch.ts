import { randomUUID } from 'node:crypto';
import type { EventEnvelope, EventMap, EventSubject } from '@casework/contracts';
import type { Db } from '../db.js';

/**
 * Appends many events of one subject to the outbox in one statement (rows exactly as
 * `OutboxRepository.append` writes them). For bulk writers such as the SLA sweep, which fires
 * thousands of events per second: one INSERT per event would dominate the sweep. The caller
 * hands the returned envelopes to `OutboxRelay.publishCommitted` after the commit.
 */
export async function appendOutboxBatch<S extends EventSubject>(tx: Db, subject: S, data: EventMap[S][], now = new Date()): Promise<EventEnvelope<S>[]> {
  if (data.length === 0) return [];
  const envelopes = data.map((d): EventEnvelope<S> => ({ id: randomUUID(), subject, version: 1, occurredAt: now.toISOString(), data: d }));
  await tx.query(`INSERT INTO outbox (id, subject, envelope) SELECT id, $2, envelope FROM unnest($1::uuid[], $3::jsonb[]) AS e (id, envelope)`, [
    envelopes.map((e) => e.id),
    subject,
    envelopes.map((e) => JSON.stringify(e)),
  ]);
  return envelopes;
}
