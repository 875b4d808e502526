import type { Db } from '../db.js';

export interface MailboxRecord {
  id: string;
  address: string;
  imapHost: string;
  imapPort: number;
  imapUser: string;
  folder: string;
  queueId: string | null;
}

export interface MailboxCursor {
  uidValidity: bigint;
  lastUid: bigint;
}

export class MailboxRepository {
  /** The environment-configured mailbox is registered as a row so raw messages can point at it. */
  async upsertBootstrap(db: Db, mailbox: Omit<MailboxRecord, 'id' | 'queueId'>): Promise<MailboxRecord> {
    const [row] = await db.query(
      `INSERT INTO mailbox (address, imap_host, imap_port, imap_user, folder, queue_id)
       VALUES ($1, $2, $3, $4, $5, (SELECT id FROM queue WHERE is_default))
       ON CONFLICT (imap_host, imap_port, imap_user, folder) DO UPDATE SET address = EXCLUDED.address
       RETURNING id, address, imap_host, imap_port, imap_user, folder, queue_id`,
      [mailbox.address, mailbox.imapHost, mailbox.imapPort, mailbox.imapUser, mailbox.folder],
    );
    return mapMailbox(row);
  }

  async queueOf(db: Db, mailboxId: string): Promise<string | null> {
    const [row] = await db.query('SELECT queue_id FROM mailbox WHERE id = $1', [mailboxId]);
    return row?.queue_id ?? null;
  }

  async cursor(db: Db, mailboxId: string): Promise<MailboxCursor | null> {
    const [row] = await db.query('SELECT uid_validity, last_uid FROM mailbox_cursor WHERE mailbox_id = $1', [mailboxId]);
    return row ? { uidValidity: BigInt(row.uid_validity), lastUid: BigInt(row.last_uid) } : null;
  }

  /** Never moves backwards within one UIDVALIDITY, so an out-of-order commit cannot rewind it. */
  async advanceCursor(tx: Db, mailboxId: string, cursor: MailboxCursor): Promise<void> {
    await tx.query(
      `INSERT INTO mailbox_cursor (mailbox_id, uid_validity, last_uid) VALUES ($1, $2, $3)
       ON CONFLICT (mailbox_id) DO UPDATE SET
         last_uid = CASE WHEN mailbox_cursor.uid_validity = EXCLUDED.uid_validity
                         THEN GREATEST(mailbox_cursor.last_uid, EXCLUDED.last_uid) ELSE EXCLUDED.last_uid END,
         uid_validity = EXCLUDED.uid_validity,
         updated_at = now()`,
      [mailboxId, cursor.uidValidity.toString(), cursor.lastUid.toString()],
    );
  }
}

function mapMailbox(row: Record<string, unknown>): MailboxRecord {
  return {
    id: row.id as string,
    address: row.address as string,
    imapHost: row.imap_host as string,
    imapPort: row.imap_port as number,
    imapUser: row.imap_user as string,
    folder: row.folder as string,
    queueId: (row.queue_id as string | null) ?? null,
  };
}
