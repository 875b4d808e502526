import type { Db } from '../db.js';

/**
 * Idempotent-consumer guard. Called inside the handler's transaction: the first delivery
 * claims the event id and does the work; a redelivery finds it claimed and does nothing.
 */
export class ProcessedEventRepository {
  async claim(tx: Db, consumer: string, eventId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      'INSERT INTO processed_event (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
      [consumer, eventId],
    );
    return rows.length === 1;
  }
}
