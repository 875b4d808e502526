import type { Db } from '../db.js';
import type { AfterCommitAction } from './mailbox-record.js';

export interface PendingAction {
  uid: bigint;
  action: AfterCommitAction;
  attempts: number;
}

/**
 * After-commit actions (\Seen, MOVE) still owed to the IMAP server, per mailbox and UIDVALIDITY:
 * MailboxCursorRepository.advanceOver queues them in the storing transaction.
 */
export class AfterCommitActionRepository {
  /** Actions still due for this UIDVALIDITY, oldest UID first. */
  async pending(db: Db, mailboxId: string, uidValidity: bigint, limit: number): Promise<PendingAction[]> {
    const rows = await db.query(
      `SELECT uid, action, attempts FROM mailbox_pending_action WHERE mailbox_id = $1 AND uid_validity = $2 ORDER BY uid LIMIT $3`,
      [mailboxId, uidValidity.toString(), limit],
    );
    return rows.map((row: Record<string, unknown>) => ({ uid: BigInt(row.uid as string), action: row.action as AfterCommitAction, attempts: row.attempts as number }));
  }

  async complete(db: Db, mailboxId: string, uidValidity: bigint, uids: bigint[]): Promise<void> {
    if (uids.length === 0) return;
    await db.query(`DELETE FROM mailbox_pending_action WHERE mailbox_id = $1 AND uid_validity = $2 AND uid = ANY($3::bigint[])`, [
      mailboxId,
      uidValidity.toString(),
      uids.map(String),
    ]);
  }

  async fail(db: Db, mailboxId: string, uidValidity: bigint, uids: bigint[], error: string): Promise<void> {
    if (uids.length === 0) return;
    await db.query(
      `UPDATE mailbox_pending_action SET attempts = attempts + 1, last_error = $4
        WHERE mailbox_id = $1 AND uid_validity = $2 AND uid = ANY($3::bigint[])`,
      [mailboxId, uidValidity.toString(), uids.map(String), error],
    );
  }

  /** Actions for UIDs of an older UIDVALIDITY name messages that no longer exist by that UID. */
  async dropStale(db: Db, mailboxId: string, uidValidity: bigint): Promise<number> {
    const rows = await db.query(`WITH dropped AS (DELETE FROM mailbox_pending_action WHERE mailbox_id = $1 AND uid_validity <> $2 RETURNING uid) SELECT uid FROM dropped`, [
      mailboxId,
      uidValidity.toString(),
    ]);
    return rows.length;
  }
}
