import type { AutoAssignCandidate, GrantLevel, Role } from '@casework/domain';
import type { Db } from '../db.js';

/** What round-robin on open needs: the auto-assigning queues' settings and who is on shift for each. */
export class AutoAssignRepository {
  /**
   * For each of `queueIds` that assigns on open: its cap, and every enabled user on an on-call
   * shift at `now` covering it (a shift of no queues covers all), with their grant, their open
   * tickets of the queue and when they last got one. Write access is the domain's to decide.
   */
  async candidates(db: Db, queueIds: string[], now: Date): Promise<Map<string, { maxOpen: number; candidates: AutoAssignCandidate[] }>> {
    const byQueue = new Map<string, { maxOpen: number; candidates: AutoAssignCandidate[] }>();
    if (queueIds.length === 0) return byQueue;
    const queues: { id: string; max_open: number }[] = await db.query(`SELECT id, max_open_per_assignee AS max_open FROM queue WHERE id = ANY($1::uuid[]) AND auto_assign`, [queueIds]);
    for (const queue of queues) byQueue.set(queue.id, { maxOpen: queue.max_open, candidates: [] });
    if (queues.length === 0) return byQueue;
    const rows: { queue_id: string; user_id: string; role: Role; restricted: boolean; grant: GrantLevel | null; open_count: number; last_assigned_at: Date | null }[] = await db.query(
      `SELECT q.id AS queue_id, u.id AS user_id, u.role, q.restricted, g.level AS grant,
              (SELECT count(*) FROM ticket t WHERE t.queue_id = q.id AND t.assignee_id = u.id AND t.status IN ('open', 'pending'))::int AS open_count,
              (SELECT max(t.created_at) FROM ticket t WHERE t.assignee_id = u.id AND t.queue_id = q.id) AS last_assigned_at
         FROM queue q JOIN app_user u ON NOT u.disabled LEFT JOIN queue_grant g ON g.queue_id = q.id AND g.user_id = u.id
        WHERE q.id = ANY($1::uuid[])
          AND EXISTS (SELECT 1 FROM oncall_shift s WHERE lower(s.email) = lower(u.email) AND s.starts_at <= $2 AND s.ends_at > $2
                                                   AND (cardinality(s.queues) = 0 OR q.slug = ANY (s.queues)))`,
      [queues.map((q) => q.id), now],
    );
    for (const row of rows) {
      byQueue.get(row.queue_id)!.candidates.push({
        userId: row.user_id,
        role: row.role,
        queueRestricted: row.restricted,
        grant: row.grant,
        openCount: row.open_count,
        lastAssignedAt: row.last_assigned_at,
      });
    }
    return byQueue;
  }
}
