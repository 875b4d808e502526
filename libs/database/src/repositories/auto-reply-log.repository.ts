import type { Db } from '../db.js';

/**
 * When each sender last got an automatic answer from each queue (RFC 3834: at most one per
 * window). The claim is one upsert: a row is written, or moved forward, only when the window has
 * passed, and its row lock makes a concurrent claim for the same pair wait and then see it.
 */
export class AutoReplyLogRepository {
  /** The pairs that may be answered now (and are recorded as answered now, in the caller's transaction). */
  async claim(tx: Db, pairs: readonly { queueId: string; sender: string }[], windowMinutes: number): Promise<Set<string>> {
    if (pairs.length === 0) return new Set();
    const distinct = new Map(pairs.map((p) => [pairKey(p.queueId, p.sender), { queueId: p.queueId, sender: p.sender.trim().toLowerCase() }]));
    const rows: { queue_id: string; sender: string }[] = await tx.query(
      `INSERT INTO auto_reply_log AS l (queue_id, sender, last_sent_at)
       SELECT p.queue_id, p.sender, now() FROM unnest($1::uuid[], $2::text[]) AS p(queue_id, sender) ORDER BY 1, 2
       ON CONFLICT (queue_id, sender) DO UPDATE SET last_sent_at = EXCLUDED.last_sent_at
        WHERE l.last_sent_at <= now() - make_interval(secs => $3::float8 * 60)
       RETURNING queue_id, sender`,
      [[...distinct.values()].map((p) => p.queueId), [...distinct.values()].map((p) => p.sender), windowMinutes],
    );
    return new Set(rows.map((row) => pairKey(row.queue_id, row.sender)));
  }
}

export function pairKey(queueId: string, sender: string): string {
  return `${queueId}\u0000${sender.trim().toLowerCase()}`;
}
