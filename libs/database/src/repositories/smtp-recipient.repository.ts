import type { Db } from '../db.js';
import { MAILBOX_COLUMNS, mapMailbox, type MailboxRecord } from './mailbox-record.js';

/** Where mail pushed over SMTP goes: the mailbox row its raw message points at, and the queue. */
export class SmtpRecipientRepository {
  /**
   * Where mail pushed over SMTP for `address` (case-insensitive) goes: the enabled IMAP
   * mailbox registered for it (the oldest, if several), and the queue whose address (primary
   * or further) it is; the system queues (spam, postmaster) receive no mail by address.
   * Both null: the address is not ours.
   */
  async find(db: Db, address: string): Promise<{ mailboxId: string | null; queueId: string | null }> {
    const [row] = await db.query(
      `SELECT
         (SELECT id FROM mailbox WHERE lower(address) = lower($1) AND enabled AND deleted_at IS NULL AND transport = 'imap' ORDER BY created_at, id LIMIT 1) AS mailbox_id,
         (SELECT id FROM queue WHERE role IS NULL AND (lower(address) = lower($1) OR lower($1) = ANY(addresses))
           ORDER BY is_default DESC, created_at, id LIMIT 1) AS queue_id`,
      [address],
    );
    return { mailboxId: row?.mailbox_id ?? null, queueId: row?.queue_id ?? null };
  }

  /**
   * The row raw messages pushed over SMTP for a queue address (without an IMAP mailbox) point
   * at: transport 'smtp', one per lower-cased address, following the queue the address belongs
   * to. The imap_* columns hold placeholders (host 'smtp-push', port 0, folder 'SMTP').
   */
  async upsertQueueMailbox(db: Db, address: string, queueId: string): Promise<MailboxRecord> {
    const [existing] = await db.query(
      `SELECT ${MAILBOX_COLUMNS} FROM mailbox
       WHERE imap_host = 'smtp-push' AND imap_port = 0 AND imap_user = lower($1) AND folder = 'SMTP' AND queue_id = $2`,
      [address, queueId],
    );
    if (existing) return mapMailbox(existing);
    const [row] = await db.query(
      `INSERT INTO mailbox (address, imap_host, imap_port, imap_user, folder, queue_id, transport)
       VALUES ($1, 'smtp-push', 0, lower($1), 'SMTP', $2, 'smtp')
       ON CONFLICT (imap_host, imap_port, imap_user, folder) DO UPDATE SET queue_id = EXCLUDED.queue_id
       RETURNING ${MAILBOX_COLUMNS}`,
      [address, queueId],
    );
    return mapMailbox(row);
  }
}
