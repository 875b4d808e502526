import { randomUUID } from 'node:crypto';
import type { EventEnvelope, EventMap, EventSubject } from '@casework/contracts';
import type { Db } from '../db.js';

/**
 * Transactional outbox: the event row commits with the state change it describes; the
 * relay publishes it to JetStream afterwards, with the event id as `Nats-Msg-Id`.
 */
export class OutboxRepository {
  /** The envelope of a new event (not yet stored: appendAll stores it). */
  envelope<S extends EventSubject>(subject: S, data: EventMap[S], now = new Date()): EventEnvelope<S> {
    return { id: randomUUID(), subject, version: 1, occurredAt: now.toISOString(), data };
  }

  /** Stores the events of one transaction in one statement, in order. */
  async appendAll(tx: Db, envelopes: EventEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    await tx.query(
      `INSERT INTO outbox (id, subject, envelope)
       SELECT e.id, e.subject, e.envelope FROM unnest($1::uuid[], $2::text[], $3::jsonb[]) WITH ORDINALITY AS e(id, subject, envelope, n) ORDER BY e.n`,
      [envelopes.map((e) => e.id), envelopes.map((e) => e.subject), envelopes.map((e) => JSON.stringify(e))],
    );
  }

  /** Claims unpublished rows oldest first; SKIP LOCKED lets several relays share the backlog. */
  async lockUnpublished(tx: Db, limit: number, olderThanMs = 0): Promise<EventEnvelope[]> {
    const rows: { envelope: EventEnvelope }[] = await tx.query(
      `SELECT envelope FROM outbox
        WHERE published_at IS NULL AND created_at <= clock_timestamp() - make_interval(secs => $2::double precision / 1000)
        ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit, olderThanMs],
    );
    return rows.map((r) => r.envelope);
  }

  async markPublished(db: Db, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await db.query('UPDATE outbox SET published_at = clock_timestamp() WHERE id = ANY($1::uuid[]) AND published_at IS NULL', [ids]);
  }

  /** Published rows are kept for a while for forensics, then pruned. */
  async prunePublished(db: Db, olderThanHours: number): Promise<void> {
    await db.query(`DELETE FROM outbox WHERE published_at < now() - make_interval(hours => $1)`, [olderThanHours]);
  }
}
