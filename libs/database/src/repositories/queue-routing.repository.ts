import { SYSTEM_QUEUE_ROLES, type QueueRouting, type SystemQueueRole } from '@casework/domain';
import type { Db } from '../db.js';
import { mapQueue } from './queue.repository.js';

/** How a system queue is created: its slugs (the second when a team already took the first) and name. */
const SYSTEM_QUEUES: Record<SystemQueueRole, { slugs: [string, string]; name: string }> = {
  spam: { slugs: ['spam', 'casework-spam'], name: 'Spam (review)' },
  postmaster: { slugs: ['postmaster', 'casework-postmaster'], name: 'Postmaster' },
};

/** The spam queue's own SLA: reviewed within 24 hours. */
export const SPAM_REVIEW_MINUTES = 24 * 60;

/** Queues as routing decides by them, and the system queues it files mail into. */
export class QueueRoutingRepository {
  /** Every queue with its addresses and settings, and the default queue's id (null: never seeded). */
  async directory(db: Db): Promise<{ queues: QueueRouting[]; defaultQueueId: string | null }> {
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT id, slug, name, address, is_default, ops_emails, restricted, addresses, role, unknown_sender_followup, reopen_window_days, spam_score_threshold
         FROM queue ORDER BY created_at, id`,
    );
    const records = rows.map(mapQueue);
    return {
      queues: records.map((queue) => ({
        id: queue.id,
        addresses: [...new Set([queue.address.toLowerCase(), ...queue.addresses])],
        role: queue.role,
        settings: queue.routing,
      })),
      defaultQueueId: records.find((queue) => queue.isDefault)?.id ?? null,
    };
  }

  /**
   * Creates the system queues that do not exist yet (idempotent, safe to race): spam, with its
   * 24-hour review policy, and postmaster. They send from `address` (the default queue's) and
   * are never matched by address.
   */
  async ensureSystemQueues(db: Db, address: string): Promise<void> {
    for (const role of SYSTEM_QUEUE_ROLES) {
      const { slugs, name } = SYSTEM_QUEUES[role];
      for (const slug of slugs) {
        const [row] = await db.query(
          `INSERT INTO queue (slug, name, address, role, spam_score_threshold)
           SELECT $1, $2, $3, $4, NULL WHERE NOT EXISTS (SELECT 1 FROM queue WHERE role = $4)
           ON CONFLICT DO NOTHING RETURNING id`,
          [slug, name, address, role],
        );
        // Its policy only with the queue: one an admin changed or removed later stays so.
        if (row && role === 'spam') {
          await db.query(
            `INSERT INTO sla_policy (name, queue_id, priority, first_response_minutes) VALUES ('Spam review', $1, NULL, $2) ON CONFLICT (queue_id, priority) DO NOTHING`,
            [row.id, SPAM_REVIEW_MINUTES],
          );
        }
        if (row || (await db.query(`SELECT 1 FROM queue WHERE role = $1`, [role])).length > 0) break;
      }
    }
  }
}
