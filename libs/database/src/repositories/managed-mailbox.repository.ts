import type { Db } from '../db.js';
import { LEASE_LOCKS } from './lease-locks.js';
import type { WatcherState } from './mailbox-lease.repository.js';
import { MAILBOX_COLUMNS, mapMailbox, type AfterCommitAction, type MailboxIdentity, type MailboxRecord } from './mailbox-record.js';

/** An IMAP mailbox as the API manages it. Never the password: only whether one is stored. */
export interface ManagedMailboxRecord extends MailboxRecord {
  imapTls: boolean;
  queueSlug: string | null;
  afterCommit: AfterCommitAction;
  enabled: boolean;
  /** false: the bootstrap mailbox, whose password is the ingest's IMAP_PASSWORD. */
  passwordStored: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewManagedMailbox extends MailboxIdentity {
  /** Chosen by the caller: the sealed password is bound to it. */
  id: string;
  address: string;
  imapTls: boolean;
  passwordSealed: string;
  queueId: string;
  afterCommit: AfterCommitAction;
  enabled: boolean;
}

export type ManagedMailboxChange = Partial<Omit<NewManagedMailbox, 'id'>>;

export type MailboxState = WatcherState | 'unheld' | 'disabled';

export interface MailboxStatusRecord {
  state: MailboxState;
  /** The replica holding the mailbox's lease (null when nobody does). */
  holder: string | null;
  lagMessages: number | null;
  catchUpTotal: number | null;
  lastUid: number | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  leaseRenewedAt: Date | null;
}

const MANAGED_COLUMNS = `m.id, m.address, m.imap_host, m.imap_port, m.imap_tls, m.imap_user, m.folder, m.queue_id, q.slug AS queue_slug,
  m.after_commit, m.enabled, (m.password_sealed IS NOT NULL) AS password_stored, m.created_at, m.updated_at`;

/** Columns the API may change, by field. */
const CHANGEABLE: Record<keyof ManagedMailboxChange, string> = {
  address: 'address',
  imapHost: 'imap_host',
  imapPort: 'imap_port',
  imapTls: 'imap_tls',
  imapUser: 'imap_user',
  folder: 'folder',
  passwordSealed: 'password_sealed',
  queueId: 'queue_id',
  afterCommit: 'after_commit',
  enabled: 'enabled',
};

/** IMAP mailboxes as the API manages them (deleted ones hidden), with their status; and the environment's bootstrap mailbox. */
export class ManagedMailboxRepository {
  /**
   * The environment-configured mailbox is registered as a row so raw messages can point at it.
   * Its password stays in the ingest's environment. A row deleted through the API stays deleted.
   */
  async upsertBootstrap(db: Db, mailbox: Omit<MailboxRecord, 'id' | 'queueId'> & { imapTls?: boolean }): Promise<MailboxRecord> {
    const [row] = await db.query(
      `INSERT INTO mailbox (address, imap_host, imap_port, imap_user, folder, queue_id, imap_tls)
       VALUES ($1, $2, $3, $4, $5, (SELECT id FROM queue WHERE is_default), coalesce($6, true))
       ON CONFLICT (imap_host, imap_port, imap_user, folder) DO UPDATE
         SET address = EXCLUDED.address, imap_tls = coalesce($6, mailbox.imap_tls)
       RETURNING ${MAILBOX_COLUMNS}`,
      [mailbox.address, mailbox.imapHost, mailbox.imapPort, mailbox.imapUser, mailbox.folder, mailbox.imapTls ?? null],
    );
    return mapMailbox(row);
  }

  async list(db: Db): Promise<ManagedMailboxRecord[]> {
    const rows = await db.query(
      `SELECT ${MANAGED_COLUMNS} FROM mailbox m LEFT JOIN queue q ON q.id = m.queue_id
        WHERE m.transport = 'imap' AND m.deleted_at IS NULL ORDER BY m.created_at, m.id`,
    );
    return rows.map(mapManaged);
  }

  async find(db: Db, id: string): Promise<ManagedMailboxRecord | null> {
    const [row] = await db.query(
      `SELECT ${MANAGED_COLUMNS} FROM mailbox m LEFT JOIN queue q ON q.id = m.queue_id
        WHERE m.id = $1 AND m.transport = 'imap' AND m.deleted_at IS NULL`,
      [id],
    );
    return row ? mapManaged(row) : null;
  }

  /** Locks a managed mailbox for a change; false when there is none with this id. */
  async lock(tx: Db, id: string): Promise<boolean> {
    const rows = await tx.query(`SELECT 1 FROM mailbox WHERE id = $1 AND transport = 'imap' AND deleted_at IS NULL FOR UPDATE`, [id]);
    return rows.length > 0;
  }

  /** The deleted mailbox with this identity, locked: re-creating it revives it (same id, same cursor). */
  async lockDeletedByIdentity(tx: Db, identity: MailboxIdentity): Promise<string | null> {
    const [row] = await tx.query(
      `SELECT id FROM mailbox WHERE imap_host = $1 AND imap_port = $2 AND imap_user = $3 AND folder = $4
          AND transport = 'imap' AND deleted_at IS NOT NULL FOR UPDATE`,
      [identity.imapHost, identity.imapPort, identity.imapUser, identity.folder],
    );
    return row?.id ?? null;
  }

  /** The live mailbox with this identity, if any (for a conflict message). */
  async findIdByIdentity(db: Db, identity: MailboxIdentity): Promise<{ id: string; deleted: boolean } | null> {
    const [row] = await db.query(
      `SELECT id, deleted_at IS NOT NULL AS deleted FROM mailbox WHERE imap_host = $1 AND imap_port = $2 AND imap_user = $3 AND folder = $4`,
      [identity.imapHost, identity.imapPort, identity.imapUser, identity.folder],
    );
    return row ? { id: row.id, deleted: row.deleted } : null;
  }

  /** Inserts a mailbox; throws Postgres' unique violation (23505) for a taken identity. */
  async insert(tx: Db, mailbox: NewManagedMailbox): Promise<void> {
    await tx.query(
      `INSERT INTO mailbox (id, address, imap_host, imap_port, imap_tls, imap_user, password_sealed, folder, queue_id, after_commit, enabled, transport)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'imap')`,
      [
        mailbox.id,
        mailbox.address,
        mailbox.imapHost,
        mailbox.imapPort,
        mailbox.imapTls,
        mailbox.imapUser,
        mailbox.passwordSealed,
        mailbox.folder,
        mailbox.queueId,
        mailbox.afterCommit,
        mailbox.enabled,
      ],
    );
  }

  /** Revives a deleted mailbox with new settings (its cursor and raw messages stay). */
  async revive(tx: Db, mailbox: NewManagedMailbox): Promise<void> {
    await tx.query(`UPDATE mailbox SET deleted_at = NULL, created_at = now() WHERE id = $1`, [mailbox.id]);
    const { id, ...change } = mailbox;
    await this.update(tx, id, change);
  }

  /** Applies the given fields; throws Postgres' unique violation (23505) for a taken identity. */
  async update(tx: Db, id: string, change: ManagedMailboxChange): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [field, column] of Object.entries(CHANGEABLE) as [keyof ManagedMailboxChange, string][]) {
      if (change[field] === undefined) continue;
      params.push(change[field]);
      sets.push(`${column} = $${params.length}`);
    }
    await tx.query(`UPDATE mailbox SET ${[...sets, 'updated_at = clock_timestamp()'].join(', ')} WHERE id = $1`, params);
  }

  /** Disables and hides a mailbox, forgetting its password; false when there is none with this id. */
  async softDelete(db: Db, id: string): Promise<boolean> {
    // A CTE, so the driver returns the rows (for a bare UPDATE TypeORM returns [rows, count]).
    const rows = await db.query(
      `WITH deleted AS (
         UPDATE mailbox SET enabled = false, deleted_at = now(), password_sealed = NULL, updated_at = clock_timestamp()
          WHERE id = $1 AND transport = 'imap' AND deleted_at IS NULL RETURNING id)
       SELECT id FROM deleted`,
      [id],
    );
    return rows.length > 0;
  }

  /**
   * A managed mailbox's status: disabled, unheld (no replica holds its lease lock right now) or
   * what its holder last reported. Null for an unknown (or deleted) mailbox.
   */
  async readStatus(db: Db, id: string): Promise<MailboxStatusRecord | null> {
    const [row] = await db.query(
      `SELECT m.enabled, s.lease_holder, s.lease_renewed_at, s.state, s.lag_messages, s.catch_up_total, s.last_error, s.last_error_at,
              c.last_uid, m.lease_key IN (${LEASE_LOCKS}) AS held
         FROM mailbox m
         LEFT JOIN mailbox_status s ON s.mailbox_id = m.id
         LEFT JOIN mailbox_cursor c ON c.mailbox_id = m.id
        WHERE m.id = $1 AND m.transport = 'imap' AND m.deleted_at IS NULL`,
      [id],
    );
    if (!row) return null;
    const held = row.held === true;
    const state: MailboxState = !row.enabled ? 'disabled' : !held ? 'unheld' : ((row.state as WatcherState | null) ?? 'connecting');
    return {
      state,
      holder: held ? (row.lease_holder ?? null) : null,
      lagMessages: held ? (row.lag_messages ?? null) : null,
      catchUpTotal: held ? (row.catch_up_total ?? null) : null,
      lastUid: row.last_uid === null || row.last_uid === undefined ? null : Number(row.last_uid),
      lastError: row.last_error ?? null,
      lastErrorAt: row.last_error_at ?? null,
      leaseRenewedAt: row.lease_renewed_at ?? null,
    };
  }
}

function mapManaged(row: Record<string, unknown>): ManagedMailboxRecord {
  return {
    ...mapMailbox(row),
    imapTls: row.imap_tls as boolean,
    queueSlug: (row.queue_slug as string | null) ?? null,
    afterCommit: row.after_commit as AfterCommitAction,
    enabled: row.enabled as boolean,
    passwordStored: row.password_stored as boolean,
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
  };
}
