import type { Db } from '../db.js';

export interface NewRawMessage {
  mailboxId: string;
  uidValidity: bigint;
  uid: bigint;
  sha256: string;
  messageId: string | null;
  raw: Buffer;
}

export interface RawMessageRecord {
  id: string;
  mailboxId: string;
  status: 'received' | 'ticketed' | 'quarantined' | 'duplicate';
  raw: Buffer;
  sha256: string;
  receivedAt: Date;
}

export class RawMessageRepository {
  /**
   * Stores a fetched message once. Returns its id, or null when this (mailbox, UIDVALIDITY,
   * UID) is already stored — a refetch after a crash must not make a second ticket.
   */
  async insert(tx: Db, message: NewRawMessage): Promise<string | null> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO raw_message (mailbox_id, uid_validity, uid, sha256, message_id, size, raw)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (mailbox_id, uid_validity, uid) DO NOTHING RETURNING id`,
      [message.mailboxId, message.uidValidity.toString(), message.uid.toString(), message.sha256, message.messageId, message.raw.length, message.raw],
    );
    return rows[0]?.id ?? null;
  }

  /** The stored message with the same bytes in this mailbox, if any. */
  async findByContent(db: Db, mailboxId: string, sha256: string): Promise<string | null> {
    const [row] = await db.query(
      `SELECT id FROM raw_message WHERE mailbox_id = $1 AND sha256 = $2 AND status <> 'duplicate' ORDER BY received_at LIMIT 1`,
      [mailboxId, sha256],
    );
    return row?.id ?? null;
  }

  /** Records a UID whose bytes are already stored; false when this UID was recorded before. */
  async insertDuplicate(tx: Db, message: Omit<NewRawMessage, 'raw'> & { size: number }, duplicateOf: string): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO raw_message (mailbox_id, uid_validity, uid, sha256, message_id, size, raw, status, duplicate_of, processed_at)
       VALUES ($1, $2, $3, $4, $5, $6, ''::bytea, 'duplicate', $7, now())
       ON CONFLICT (mailbox_id, uid_validity, uid) DO NOTHING RETURNING id`,
      [message.mailboxId, message.uidValidity.toString(), message.uid.toString(), message.sha256, message.messageId, message.size, duplicateOf],
    );
    return rows.length > 0;
  }

  async find(db: Db, id: string): Promise<RawMessageRecord | null> {
    const [row] = await db.query('SELECT id, mailbox_id, status, raw, sha256, received_at FROM raw_message WHERE id = $1', [id]);
    if (!row) return null;
    return { id: row.id, mailboxId: row.mailbox_id, status: row.status, raw: row.raw, sha256: row.sha256, receivedAt: row.received_at };
  }

  /** Locks a raw message still waiting for routing; false when it was routed meanwhile. */
  async lockReceived(tx: Db, id: string): Promise<boolean> {
    const rows = await tx.query(`SELECT 1 FROM raw_message WHERE id = $1 AND status = 'received' FOR UPDATE`, [id]);
    return rows.length > 0;
  }

  async markTicketed(tx: Db, id: string): Promise<void> {
    await tx.query(`UPDATE raw_message SET status = 'ticketed', processed_at = now() WHERE id = $1`, [id]);
  }

  async markQuarantined(tx: Db, id: string, reason: string): Promise<void> {
    await tx.query(`UPDATE raw_message SET status = 'quarantined', quarantine_reason = $2, processed_at = now() WHERE id = $1`, [id, reason]);
  }
}
