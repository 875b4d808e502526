import type { Db } from '../db.js';

/** An event one consumer gave up on. `envelope` is null when it could not be read as JSON. */
export interface DeadLetterRecord {
  id: string;
  consumer: string;
  subject: string;
  streamSeq: number;
  eventId: string | null;
  envelope: unknown;
  rawPayload: string | null;
  error: string;
  deliveries: number;
  deadAt: Date;
  redrivenAt: Date | null;
}

export type NewDeadLetter = Omit<DeadLetterRecord, 'id' | 'deadAt' | 'redrivenAt'>;

const COLUMNS = 'id, consumer, subject, stream_seq, event_id, envelope, raw_payload, error, deliveries, dead_at, redriven_at';

function toRecord(row: Record<string, unknown>): DeadLetterRecord {
  return {
    id: row.id as string,
    consumer: row.consumer as string,
    subject: row.subject as string,
    streamSeq: Number(row.stream_seq),
    eventId: (row.event_id as string | null) ?? null,
    envelope: row.envelope ?? null,
    rawPayload: (row.raw_payload as string | null) ?? null,
    error: row.error as string,
    deliveries: Number(row.deliveries),
    deadAt: row.dead_at as Date,
    redrivenAt: (row.redriven_at as Date | null) ?? null,
  };
}

export class DeadLetterRepository {
  /** Records one; a second record of the same stream message for the same consumer is a no-op. */
  async record(db: Db, letter: NewDeadLetter): Promise<void> {
    await db.query(
      `INSERT INTO dead_letter (consumer, subject, stream_seq, event_id, envelope, raw_payload, error, deliveries)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (consumer, stream_seq) DO NOTHING`,
      [
        letter.consumer,
        letter.subject,
        letter.streamSeq,
        letter.eventId,
        letter.envelope === null ? null : JSON.stringify(letter.envelope),
        letter.rawPayload,
        letter.error,
        letter.deliveries,
      ],
    );
  }

  /** Newest first, strictly after `after` (keyset). */
  async list(db: Db, opts: { limit: number; after?: { deadAt: Date; id: string } }): Promise<DeadLetterRecord[]> {
    const rows: Record<string, unknown>[] = opts.after
      ? await db.query(`SELECT ${COLUMNS} FROM dead_letter WHERE (dead_at, id) < ($2, $3) ORDER BY dead_at DESC, id DESC LIMIT $1`, [
          opts.limit,
          opts.after.deadAt,
          opts.after.id,
        ])
      : await db.query(`SELECT ${COLUMNS} FROM dead_letter ORDER BY dead_at DESC, id DESC LIMIT $1`, [opts.limit]);
    return rows.map(toRecord);
  }

  async findForUpdate(db: Db, id: string): Promise<DeadLetterRecord | null> {
    const [row] = await db.query(`SELECT ${COLUMNS} FROM dead_letter WHERE id = $1 FOR UPDATE`, [id]);
    return row ? toRecord(row) : null;
  }

  async markRedriven(db: Db, id: string): Promise<Date> {
    // Through a CTE, so the driver answers rows (TypeORM answers an UPDATE with [rows, count]).
    const [row] = await db.query(`WITH updated AS (UPDATE dead_letter SET redriven_at = clock_timestamp() WHERE id = $1 RETURNING redriven_at) SELECT redriven_at FROM updated`, [id]);
    return row.redriven_at as Date;
  }
}
