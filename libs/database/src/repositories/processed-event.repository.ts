import type { Db } from '../db.js';

/**
 * Idempotent-consumer guard. Called inside the handler's transaction: the first delivery
 * claims the event id and does the work; a redelivery finds it claimed and does nothing.
 */
export class ProcessedEventRepository {
  async claim(tx: Db, consumer: string, eventId: string): Promise<boolean> {
    return (await this.claimAll(tx, consumer, [eventId])).has(eventId);
  }

  /** claim for several events at once: the ids this call claimed (the others were processed before). */
  async claimAll(tx: Db, consumer: string, eventIds: string[]): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const rows: { event_id: string }[] = await tx.query(
      `INSERT INTO processed_event (consumer, event_id) SELECT $1, e FROM unnest($2::uuid[]) AS e ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumer, [...new Set(eventIds)]],
    );
    return new Set(rows.map((row) => row.event_id));
  }
}
