import type { GrantLevel } from '@casework/domain';
import type { Db } from '../db.js';
import { preparedStatement, queryPrepared } from '../prepared-statement.js';

export interface QueueGrant {
  userId: string;
  level: GrantLevel;
}

/** A grant seen from the user's side. */
export interface UserGrant {
  queueId: string;
  slug: string;
  level: GrantLevel;
}

/** What the access rule needs to know about one queue for one caller. */
export interface QueueAccessFacts {
  queueId: string;
  restricted: boolean;
  grant: GrantLevel | null;
}

/** The access rule's facts, asked by every ticket request: prepared once per connection. */
const ACCESS_FACTS = preparedStatement(
  `SELECT q.id AS "queueId", q.restricted, g.level AS grant
     FROM queue q LEFT JOIN queue_grant g ON g.queue_id = q.id AND g.user_id = $1
    ORDER BY q.id`,
);

export class QueueGrantRepository {
  async grantsOf(db: Db, queueId: string): Promise<QueueGrant[]> {
    return db.query(`SELECT user_id AS "userId", level FROM queue_grant WHERE queue_id = $1 ORDER BY user_id`, [queueId]);
  }

  async grantsOfUser(db: Db, userId: string): Promise<UserGrant[]> {
    return db.query(
      `SELECT q.id AS "queueId", q.slug, g.level FROM queue_grant g JOIN queue q ON q.id = g.queue_id WHERE g.user_id = $1 ORDER BY q.slug`,
      [userId],
    );
  }

  /** Replaces the queue's whole grant list; answers the list before and after (for the audit). */
  async replace(tx: Db, queueId: string, grants: QueueGrant[]): Promise<{ before: QueueGrant[]; after: QueueGrant[] }> {
    const before = await this.grantsOf(tx, queueId);
    await tx.query(`DELETE FROM queue_grant WHERE queue_id = $1`, [queueId]);
    if (grants.length > 0) {
      await tx.query(
        `INSERT INTO queue_grant (queue_id, user_id, level) SELECT $1, * FROM unnest($2::uuid[], $3::text[])`,
        [queueId, grants.map((g) => g.userId), grants.map((g) => g.level)],
      );
    }
    return { before, after: await this.grantsOf(tx, queueId) };
  }

  /** Every queue with its `restricted` flag and the user's grant on it (few queues: one small query). */
  async factsFor(db: Db, userId: string): Promise<QueueAccessFacts[]> {
    return queryPrepared<QueueAccessFacts>(db, ACCESS_FACTS, [userId]);
  }
}
