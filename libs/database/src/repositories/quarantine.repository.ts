import type { Db } from '../db.js';
import type { RawMessageRecord } from './raw-message.repository.js';

/** One quarantined message as the quarantine list shows it: no raw bytes. */
export interface QuarantinedMessageRecord {
  id: string;
  mailboxId: string;
  /** The queue of the mailbox it came to (null: a mailbox with no queue): its access rule applies. */
  queueId: string | null;
  reason: string;
  messageId: string | null;
  size: number;
  receivedAt: Date;
  /** When routing quarantined it (millisecond precision). */
  quarantinedAt: Date;
}

/** Quarantined raw messages as the API shows and releases them; routing puts them there (RawMessageRepository.markQuarantined). */
export class QuarantineRepository {
  /**
   * Quarantined messages, most recently quarantined first, keyset-paginated on (quarantinedAt,
   * id) at millisecond precision (what a cursor can carry). Never the raw bytes. `queueIds`
   * limits it to mail of those queues' mailboxes (and of mailboxes with no queue); null: all.
   */
  async list(db: Db, page: { limit: number; after?: { quarantinedAt: Date; id: string }; queueIds: string[] | null }): Promise<QuarantinedMessageRecord[]> {
    const quarantinedAt = `date_trunc('milliseconds', coalesce(r.processed_at, r.received_at))`;
    const params: unknown[] = [];
    let where = '';
    if (page.after) {
      params.push(page.after.quarantinedAt, page.after.id);
      where += ` AND (${quarantinedAt}, r.id) < ($1, $2)`;
    }
    if (page.queueIds) {
      params.push(page.queueIds);
      where += ` AND (m.queue_id IS NULL OR m.queue_id = ANY($${params.length}::uuid[]))`;
    }
    params.push(page.limit);
    const rows = await db.query(
      `SELECT r.id, r.mailbox_id, m.queue_id, r.quarantine_reason, r.message_id, r.size, r.received_at, ${quarantinedAt} AS quarantined_at
         FROM raw_message r LEFT JOIN mailbox m ON m.id = r.mailbox_id
        WHERE r.status = 'quarantined'${where}
        ORDER BY ${quarantinedAt} DESC, r.id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(
      (row: Record<string, unknown>): QuarantinedMessageRecord => ({
        id: row.id as string,
        mailboxId: row.mailbox_id as string,
        queueId: row.queue_id as string | null,
        reason: (row.quarantine_reason as string | null) ?? '',
        messageId: row.message_id as string | null,
        size: row.size as number,
        receivedAt: row.received_at as Date,
        quarantinedAt: row.quarantined_at as Date,
      }),
    );
  }

  /** A quarantined message's raw bytes and its mailbox's queue; null when the id is unknown or the message is not quarantined. */
  async findRaw(db: Db, id: string): Promise<{ raw: Buffer; queueId: string | null } | null> {
    const [row] = await db.query(
      `SELECT r.raw, m.queue_id FROM raw_message r LEFT JOIN mailbox m ON m.id = r.mailbox_id WHERE r.id = $1 AND r.status = 'quarantined'`,
      [id],
    );
    return row ? { raw: row.raw as Buffer, queueId: row.queue_id as string | null } : null;
  }

  /** Locks a raw message (any status) for a state change; null when the id is unknown. */
  async lockStatus(tx: Db, id: string): Promise<{ status: RawMessageRecord['status']; mailboxId: string; queueId: string | null } | null> {
    const [row] = await tx.query(
      'SELECT r.status, r.mailbox_id, m.queue_id FROM raw_message r LEFT JOIN mailbox m ON m.id = r.mailbox_id WHERE r.id = $1 FOR UPDATE OF r',
      [id],
    );
    return row ? { status: row.status, mailboxId: row.mailbox_id, queueId: row.queue_id } : null;
  }

  /** Hands a quarantined message back to routing: 'received' again, reason and processing time cleared. */
  async release(tx: Db, id: string): Promise<boolean> {
    const rows = await tx.query(
      // In a CTE: TypeORM answers a bare UPDATE with [rows, count], not rows.
      `WITH released AS (UPDATE raw_message SET status = 'received', quarantine_reason = NULL, processed_at = NULL
         WHERE id = $1 AND status = 'quarantined' RETURNING id)
       SELECT id FROM released`,
      [id],
    );
    return rows.length > 0;
  }
}
