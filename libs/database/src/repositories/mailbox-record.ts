/** A mailbox row as raw messages point at it: the IMAP ones, and the placeholders SMTP push stores under. */
export interface MailboxRecord {
  id: string;
  address: string;
  imapHost: string;
  imapPort: number;
  imapUser: string;
  folder: string;
  queueId: string | null;
}

/** The (host, port, user, folder) a mailbox is unique by. */
export interface MailboxIdentity {
  imapHost: string;
  imapPort: number;
  imapUser: string;
  folder: string;
}

/** What the holder does with a message on the IMAP server once it is stored: nothing, flag it \Seen, or move it. */
export type AfterCommitAction = 'none' | 'seen' | `move:${string}`;

/** The columns of MailboxRecord, for SELECT and RETURNING. */
export const MAILBOX_COLUMNS = 'id, address, imap_host, imap_port, imap_user, folder, queue_id';

export function mapMailbox(row: Record<string, unknown>): MailboxRecord {
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
