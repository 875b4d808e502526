import type { Db } from '../db.js';

export interface MailboxCursor {
  uidValidity: bigint;
  lastUid: bigint;
}

/** How far ingest has stored each IMAP mailbox: the highest UID under its UIDVALIDITY. */
export class MailboxCursorRepository {
  async find(db: Db, mailboxId: string): Promise<MailboxCursor | null> {
    const [row] = await db.query('SELECT uid_validity, last_uid FROM mailbox_cursor WHERE mailbox_id = $1', [mailboxId]);
    return row ? { uidValidity: BigInt(row.uid_validity), lastUid: BigInt(row.last_uid) } : null;
  }

  /**
   * Moves the cursor past a batch of fetched UIDs (to the highest; never backwards within one
   * UIDVALIDITY, so an out-of-order commit cannot rewind it). In the same statement (so in the
   * storing transaction) each UID gets the mailbox's after-commit action queued: it exists
   * exactly when the message has committed, and survives a crash.
   */
  async advanceOver(tx: Db, mailboxId: string, uidValidity: bigint, uids: bigint[]): Promise<void> {
    if (uids.length === 0) return;
    const lastUid = uids.reduce((max, uid) => (uid > max ? uid : max));
    await tx.query(
      `WITH advanced AS (
         INSERT INTO mailbox_cursor (mailbox_id, uid_validity, last_uid) VALUES ($1, $2, $3)
         ON CONFLICT (mailbox_id) DO UPDATE SET
           last_uid = CASE WHEN mailbox_cursor.uid_validity = EXCLUDED.uid_validity
                           THEN GREATEST(mailbox_cursor.last_uid, EXCLUDED.last_uid) ELSE EXCLUDED.last_uid END,
           uid_validity = EXCLUDED.uid_validity,
           updated_at = now()
         RETURNING 1)
       INSERT INTO mailbox_pending_action (mailbox_id, uid_validity, uid, action)
       SELECT mailbox.id, $2, fetched.uid, mailbox.after_commit
         FROM mailbox, unnest($4::bigint[]) AS fetched(uid)
        WHERE mailbox.id = $1 AND mailbox.after_commit <> 'none'
       ON CONFLICT DO NOTHING`,
      [mailboxId, uidValidity.toString(), lastUid.toString(), uids.map(String)],
    );
  }
}
