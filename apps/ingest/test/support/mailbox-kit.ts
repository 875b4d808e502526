import { randomBytes, randomUUID } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import type { DataSource } from 'typeorm';
import { SecretBox } from '@casework/config';
import { ManagedMailboxRepository, QueueRepository, type AfterCommitAction } from '@casework/database';
import type { PrivateDovecot } from '@casework/devkit';

/**
 * Helpers of the mailbox lease / after-commit integration tests. Free of jest globals (the
 * build compiles it with the sources).
 */

export const SECRET_KEY = randomBytes(32).toString('base64');

export function mail(subject: string, body = 'Report body.'): Buffer {
  const headers = ['From: rita@example.org', 'To: safety@casework.test', `Subject: ${subject}`, `Message-ID: <${randomUUID()}@example.org>`];
  return Buffer.from([...headers, '', body, ''].join('\r\n'));
}

export function ingestEnv(dovecot: PrivateDovecot, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    IMAP_HOST: dovecot.host,
    IMAP_PORT: String(dovecot.port),
    IMAP_TLS: 'false',
    IMAP_USER: dovecot.user,
    IMAP_PASSWORD: dovecot.password,
    IMAP_MAILBOX: 'INBOX',
    MAILBOX_SECRET_KEY: SECRET_KEY,
    ...extra,
  };
}

/** A stakeholder's view of the Dovecot account: create folders, APPEND, read flags. */
export class TestImap {
  private constructor(private readonly client: ImapFlow) {}

  static async connect(dovecot: PrivateDovecot): Promise<TestImap> {
    const client = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
    await client.connect();
    return new TestImap(client);
  }

  async createFolder(path: string): Promise<void> {
    await this.client.mailboxCreate(path);
  }

  /** APPENDs and returns the new message's UID (Dovecot has UIDPLUS). */
  async append(folder: string, source: Buffer): Promise<number> {
    const result = await this.client.append(folder, source);
    if (!result || result.uid === undefined) throw new Error('APPEND returned no UID');
    return result.uid;
  }

  /** UID → flags of every message in the folder. */
  async flags(folder: string): Promise<Map<number, Set<string>>> {
    const lock = await this.client.getMailboxLock(folder, { readOnly: true });
    try {
      const flags = new Map<number, Set<string>>();
      if ((this.client.mailbox && this.client.mailbox.exists) === 0) return flags;
      for await (const message of this.client.fetch('1:*', { uid: true, flags: true })) flags.set(message.uid, message.flags ?? new Set());
      return flags;
    } finally {
      lock.release();
    }
  }

  async count(folder: string): Promise<number> {
    const status = await this.client.status(folder, { messages: true });
    return status ? (status.messages ?? 0) : 0;
  }

  async close(): Promise<void> {
    await this.client.logout().catch(() => this.client.close());
  }
}

/** Registers a mailbox the way the API does (password sealed with SECRET_KEY, bound to the id). */
export async function createMailbox(
  ds: DataSource,
  dovecot: PrivateDovecot,
  mailbox: { folder: string; afterCommit?: AfterCommitAction; address?: string },
): Promise<string> {
  const queue = await new QueueRepository().findDefault(ds);
  if (!queue) throw new Error('no default queue (seeded?)');
  const id = randomUUID();
  await new ManagedMailboxRepository().insert(ds, {
    id,
    address: mailbox.address ?? `${mailbox.folder.toLowerCase()}@casework.test`,
    imapHost: dovecot.host,
    imapPort: dovecot.port,
    imapTls: false,
    imapUser: dovecot.user,
    passwordSealed: SecretBox.fromSetting(SECRET_KEY).seal(dovecot.password, id),
    folder: mailbox.folder,
    queueId: queue.id,
    afterCommit: mailbox.afterCommit ?? 'none',
    enabled: true,
  });
  return id;
}

/** Raw rows of a mailbox by UID: [uid, status] oldest first. */
export async function rawByUid(ds: DataSource, mailboxId: string): Promise<{ uid: number; status: string; sha256: string }[]> {
  const rows: { uid: string; status: string; sha256: string }[] = await ds.query('SELECT uid, status, sha256 FROM raw_message WHERE mailbox_id = $1 ORDER BY uid', [mailboxId]);
  return rows.map((r) => ({ uid: Number(r.uid), status: r.status, sha256: r.sha256 }));
}

/** pid of the replica named in a lease_holder (`host:pid:tag`). */
export function holderPid(holder: string | null): number | null {
  const match = holder ? /:(\d+):[0-9a-f]+$/.exec(holder) : null;
  return match ? Number(match[1]) : null;
}
