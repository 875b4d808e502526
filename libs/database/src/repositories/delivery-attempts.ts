import type { Db } from '../db.js';

/** Tables of rows that are sent with retries: outgoing stakeholder mail and ops notices. */
export type DeliveryTable = 'outbound_message' | 'notification' | 'webhook_delivery';

/** Shared retry bookkeeping: exponential backoff from 5 s up to an hour, then `failed`. */
export const deliveryAttempts = {
  async dueIds(db: Db, table: DeliveryTable, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await db.query(
      `SELECT id FROM ${table} WHERE status = 'queued' AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  },

  async markSent(tx: Db, table: DeliveryTable, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await tx.query(`UPDATE ${table} SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])`, [ids]);
  },

  /** `baseSeconds`: the first retry's delay (doubling each attempt, capped at an hour). */
  async markFailed(tx: Db, table: DeliveryTable, id: string, error: string, maxAttempts: number, baseSeconds = 5): Promise<void> {
    await tx.query(
      `UPDATE ${table}
          SET attempts = attempts + 1, last_error = $2,
              status = CASE WHEN attempts + 1 >= $3 THEN 'failed' ELSE 'queued' END,
              next_attempt_at = now() + make_interval(secs => LEAST(3600, $4::float8 * power(2, attempts)))
        WHERE id = $1`,
      [id, error.slice(0, 1000), maxAttempts, baseSeconds],
    );
  },
};
