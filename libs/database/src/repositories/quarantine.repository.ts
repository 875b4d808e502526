import type { Db } from '../db.js';
import type { RawMessageRecord } from './raw-message.repository.js';

/** One quarantined message as the quarantine list shows it: no raw bytes. */
export interface QuarantinedMessageRecord {
  id: string;
  mailboxId: string;
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
   * id) at millisecond precision (what a cursor can carry). Never the raw bytes.
   */
  async list(db: Db, page: { limit: number; after?: { quarantinedAt: Date; id: string } }): Promise<QuarantinedMessageRecord[]> {
    const quarantinedAt = `date_trunc('milliseconds', coalesce(processed_at, received_at))`;
    const params: unknown[] = [];
    let after = '';
    if (page.after) {
      params.push(page.after.quarantinedAt, page.after.id);
      after = `AND (${quarantinedAt}, id) < ($1, $2)`;
    }
    params.push(page.limit);
    const rows = await db.query(
      `SELECT id, mailbox_id, quarantine_reason, message_id, size, received_at, ${quarantinedAt} AS quarantined_at
         FROM raw_message WHERE status = 'quarantined' ${after}
        ORDER BY ${quarantinedAt} DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(
      (row: Record<string, unknown>): QuarantinedMessageRecord => ({
        id: row.id as string,
        mailboxId: row.mailbox_id as string,
        reason: (row.quarantine_reason as string | null) ?? '',
        messageId: row.message_id as string | null,
        size: row.size as number,
        receivedAt: row.received_at as Date,
        quarantinedAt: row.quarantined_at as Date,
      }),
    );
  }

  /** A quarantined message's raw bytes; null when the id is unknown or the message is not quarantined. */
  async findRaw(db: Db, id: string): Promise<Buffer | null> {
    const [row] = await db.query(`SELECT raw FROM raw_message WHERE id = $1 AND status = 'quarantined'`, [id]);
    return row ? (row.raw as Buffer) : null;
  }

  /** Locks a raw message (any status) for a state change; null when the id is unknown. */
  async lockStatus(tx: Db, id: string): Promise<{ status: RawMessageRecord['status']; mailboxId: string } | null> {
    const [row] = await tx.query('SELECT status, mailbox_id FROM raw_message WHERE id = $1 FOR UPDATE', [id]);
    return row ? { status: row.status, mailboxId: row.mailbox_id } : null;
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
