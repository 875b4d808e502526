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

/** What the holder does with a message on the IMAP server once it is stored: nothing, flag it \Seen, or move it. */
export type AfterCommitAction = 'none' | 'seen' | `move:${string}`;

/** The (host, port, user, folder) a mailbox is unique by. */
export interface MailboxIdentity {
  imapHost: string;
  imapPort: number;
  imapUser: string;
  folder: string;
}

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

/** What an ingest replica needs to watch a mailbox (the password still sealed). */
export interface WatchableMailbox extends MailboxIdentity {
  id: string;
  leaseKey: number;
  address: string;
  imapTls: boolean;
  afterCommit: AfterCommitAction;
  passwordSealed: string | null;
  /** Changes whenever the API edits the row: a held mailbox is then restarted with the new settings. */
  version: string;
}

/** What the holder reports about its watcher. */
export type WatcherState = 'connecting' | 'catching-up' | 'idle' | 'error';

export interface WatcherStatus {
  state: WatcherState;
  /** Messages above the cursor not stored yet (known during a catch-up; 0 when idle). */
  lagMessages: number | null;
  /** Messages the current (or last) catch-up found. */
  catchUpTotal: number | null;
  lastError: string | null;
  lastErrorAt: Date | null;
}

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

export interface PendingAction {
  uid: bigint;
  action: AfterCommitAction;
  attempts: number;
}

/**
 * Namespace of the mailbox leases: `pg_try_advisory_lock(LEASE_LOCK_NAMESPACE, lease_key)`.
 * Two-int advisory locks never collide with the single-bigint ones (the migration lock).
 */
export const LEASE_LOCK_NAMESPACE = 0x4d424f58; // "MBOX"

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

/** Advisory locks of this database only: every database of the cluster shows in pg_locks. */
const LEASE_LOCKS = `SELECT objid::int8 AS key FROM pg_locks
  WHERE locktype = 'advisory' AND classid = ${LEASE_LOCK_NAMESPACE}::oid AND objsubid = 2 AND granted
    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;

export class MailboxRepository {
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
       RETURNING id, address, imap_host, imap_port, imap_user, folder, queue_id`,
      [mailbox.address, mailbox.imapHost, mailbox.imapPort, mailbox.imapUser, mailbox.folder, mailbox.imapTls ?? null],
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

  /**
   * Moves the cursor past a batch of fetched UIDs (to the highest; never backwards within one
   * UIDVALIDITY, so an out-of-order commit cannot rewind it). In the same statement (so in the
   * storing transaction) each UID gets the mailbox's after-commit action queued: it exists
   * exactly when the message has committed, and survives a crash.
   */
  async advanceCursorOver(tx: Db, mailboxId: string, uidValidity: bigint, uids: bigint[]): Promise<void> {
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

  /**
   * Where mail pushed over SMTP for `address` (case-insensitive) goes: the enabled IMAP
   * mailbox registered for it (the oldest, if several), and the queue whose address it is.
   * Both null: the address is not ours.
   */
  async findSmtpRecipient(db: Db, address: string): Promise<{ mailboxId: string | null; queueId: string | null }> {
    const [row] = await db.query(
      `SELECT
         (SELECT id FROM mailbox WHERE lower(address) = lower($1) AND enabled AND deleted_at IS NULL AND transport = 'imap' ORDER BY created_at, id LIMIT 1) AS mailbox_id,
         (SELECT id FROM queue WHERE lower(address) = lower($1) ORDER BY is_default DESC, created_at, id LIMIT 1) AS queue_id`,
      [address],
    );
    return { mailboxId: row?.mailbox_id ?? null, queueId: row?.queue_id ?? null };
  }

  /**
   * The row raw messages pushed over SMTP for a queue address (without an IMAP mailbox) point
   * at: transport 'smtp', one per lower-cased address, following the queue the address belongs
   * to. The imap_* columns hold placeholders (host 'smtp-push', port 0, folder 'SMTP').
   */
  async upsertSmtpMailbox(db: Db, address: string, queueId: string): Promise<MailboxRecord> {
    const [existing] = await db.query(
      `SELECT id, address, imap_host, imap_port, imap_user, folder, queue_id FROM mailbox
       WHERE imap_host = 'smtp-push' AND imap_port = 0 AND imap_user = lower($1) AND folder = 'SMTP' AND queue_id = $2`,
      [address, queueId],
    );
    if (existing) return mapMailbox(existing);
    const [row] = await db.query(
      `INSERT INTO mailbox (address, imap_host, imap_port, imap_user, folder, queue_id, transport)
       VALUES ($1, 'smtp-push', 0, lower($1), 'SMTP', $2, 'smtp')
       ON CONFLICT (imap_host, imap_port, imap_user, folder) DO UPDATE SET queue_id = EXCLUDED.queue_id
       RETURNING id, address, imap_host, imap_port, imap_user, folder, queue_id`,
      [address, queueId],
    );
    return mapMailbox(row);
  }

  // ---------------------------------------------------------------------------------------
  // Managed through the API: IMAP mailboxes, deleted ones hidden.

  async listManaged(db: Db): Promise<ManagedMailboxRecord[]> {
    const rows = await db.query(
      `SELECT ${MANAGED_COLUMNS} FROM mailbox m LEFT JOIN queue q ON q.id = m.queue_id
        WHERE m.transport = 'imap' AND m.deleted_at IS NULL ORDER BY m.created_at, m.id`,
    );
    return rows.map(mapManaged);
  }

  async findManaged(db: Db, id: string): Promise<ManagedMailboxRecord | null> {
    const [row] = await db.query(
      `SELECT ${MANAGED_COLUMNS} FROM mailbox m LEFT JOIN queue q ON q.id = m.queue_id
        WHERE m.id = $1 AND m.transport = 'imap' AND m.deleted_at IS NULL`,
      [id],
    );
    return row ? mapManaged(row) : null;
  }

  /** Locks a managed mailbox for a change; false when there is none with this id. */
  async lockManaged(tx: Db, id: string): Promise<boolean> {
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
  async insertManaged(tx: Db, mailbox: NewManagedMailbox): Promise<void> {
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
    await this.updateManaged(tx, id, change);
  }

  /** Applies the given fields; throws Postgres' unique violation (23505) for a taken identity. */
  async updateManaged(tx: Db, id: string, change: ManagedMailboxChange): Promise<void> {
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

  /** A queue named by slug or id. */
  async resolveQueue(db: Db, ref: string): Promise<{ id: string; slug: string } | null> {
    const [row] = await db.query(`SELECT id, slug FROM queue WHERE slug = $1 OR id::text = lower($1) ORDER BY (slug = $1) DESC LIMIT 1`, [ref]);
    return row ? { id: row.id, slug: row.slug } : null;
  }

  async defaultQueue(db: Db): Promise<{ id: string; slug: string } | null> {
    const [row] = await db.query(`SELECT id, slug FROM queue WHERE is_default`);
    return row ? { id: row.id, slug: row.slug } : null;
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

  // ---------------------------------------------------------------------------------------
  // Leases: each enabled IMAP mailbox is watched by the one replica holding its advisory lock.

  /** Enabled IMAP mailboxes, oldest first: what the ingest replicas share. */
  async listWatchable(db: Db): Promise<WatchableMailbox[]> {
    const rows = await db.query(
      `SELECT id, lease_key, address, imap_host, imap_port, imap_tls, imap_user, folder, after_commit, password_sealed, updated_at::text AS version
         FROM mailbox WHERE transport = 'imap' AND enabled AND deleted_at IS NULL ORDER BY created_at, id`,
    );
    return rows.map(
      (row: Record<string, unknown>): WatchableMailbox => ({
        id: row.id as string,
        leaseKey: row.lease_key as number,
        address: row.address as string,
        imapHost: row.imap_host as string,
        imapPort: row.imap_port as number,
        imapTls: row.imap_tls as boolean,
        imapUser: row.imap_user as string,
        folder: row.folder as string,
        afterCommit: row.after_commit as AfterCommitAction,
        passwordSealed: (row.password_sealed as string | null) ?? null,
        version: row.version as string,
      }),
    );
  }

  /** Lease keys some session of this database holds right now. */
  async heldLeaseKeys(db: Db): Promise<Set<number>> {
    const rows: { key: string }[] = await db.query(LEASE_LOCKS);
    return new Set(rows.map((row) => Number(row.key)));
  }

  /** On the lease's own connection: takes the lock, held until released or the connection ends. */
  async tryLease(lease: Db, leaseKey: number): Promise<boolean> {
    const [row] = await lease.query('SELECT pg_try_advisory_lock($1::int, $2::int) AS ok', [LEASE_LOCK_NAMESPACE, leaseKey]);
    return row?.ok === true;
  }

  async releaseLease(lease: Db, leaseKey: number): Promise<void> {
    await lease.query('SELECT pg_advisory_unlock($1::int, $2::int)', [LEASE_LOCK_NAMESPACE, leaseKey]);
  }

  /** The holder's heartbeat: lease renewed, watcher state, lag and last error, in one row. */
  async renewLease(lease: Db, mailboxId: string, holder: string, status: WatcherStatus): Promise<void> {
    await lease.query(
      `INSERT INTO mailbox_status (mailbox_id, lease_holder, lease_renewed_at, state, lag_messages, catch_up_total, last_error, last_error_at, updated_at)
       VALUES ($1, $2, now(), $3, $4, $5, $6, $7, now())
       ON CONFLICT (mailbox_id) DO UPDATE SET
         lease_holder = EXCLUDED.lease_holder,
         lease_renewed_at = now(),
         state = EXCLUDED.state,
         lag_messages = EXCLUDED.lag_messages,
         catch_up_total = EXCLUDED.catch_up_total,
         last_error = coalesce(EXCLUDED.last_error, mailbox_status.last_error),
         last_error_at = coalesce(EXCLUDED.last_error_at, mailbox_status.last_error_at),
         updated_at = now()`,
      [mailboxId, holder, status.state, status.lagMessages, status.catchUpTotal, status.lastError, status.lastErrorAt],
    );
  }

  /** A replica that gave a lease up (shutdown, mailbox disabled) says so; a newer holder's row is left alone. */
  async clearLease(db: Db, mailboxId: string, holder: string): Promise<void> {
    await db.query(`UPDATE mailbox_status SET lease_holder = NULL, lag_messages = NULL, updated_at = now() WHERE mailbox_id = $1 AND lease_holder = $2`, [
      mailboxId,
      holder,
    ]);
  }

  /** Why an unheld mailbox cannot be watched by a replica (e.g. its password does not open), for the status. */
  async noteUnwatchable(db: Db, mailboxId: string, error: string): Promise<void> {
    await db.query(
      `INSERT INTO mailbox_status (mailbox_id, state, last_error, last_error_at) VALUES ($1, 'error', $2, now())
       ON CONFLICT (mailbox_id) DO UPDATE SET state = 'error', last_error = $2, last_error_at = now(), updated_at = now()
        WHERE mailbox_status.lease_holder IS NULL AND mailbox_status.last_error IS DISTINCT FROM $2`,
      [mailboxId, error],
    );
  }

  // ---------------------------------------------------------------------------------------
  // After-commit actions (\Seen, MOVE), queued by advanceCursorOver in the storing transaction.

  /** Actions still due for this UIDVALIDITY, oldest UID first. */
  async pendingActions(db: Db, mailboxId: string, uidValidity: bigint, limit: number): Promise<PendingAction[]> {
    const rows = await db.query(
      `SELECT uid, action, attempts FROM mailbox_pending_action WHERE mailbox_id = $1 AND uid_validity = $2 ORDER BY uid LIMIT $3`,
      [mailboxId, uidValidity.toString(), limit],
    );
    return rows.map((row: Record<string, unknown>) => ({ uid: BigInt(row.uid as string), action: row.action as AfterCommitAction, attempts: row.attempts as number }));
  }

  async completeActions(db: Db, mailboxId: string, uidValidity: bigint, uids: bigint[]): Promise<void> {
    if (uids.length === 0) return;
    await db.query(`DELETE FROM mailbox_pending_action WHERE mailbox_id = $1 AND uid_validity = $2 AND uid = ANY($3::bigint[])`, [
      mailboxId,
      uidValidity.toString(),
      uids.map(String),
    ]);
  }

  async failActions(db: Db, mailboxId: string, uidValidity: bigint, uids: bigint[], error: string): Promise<void> {
    if (uids.length === 0) return;
    await db.query(
      `UPDATE mailbox_pending_action SET attempts = attempts + 1, last_error = $4
        WHERE mailbox_id = $1 AND uid_validity = $2 AND uid = ANY($3::bigint[])`,
      [mailboxId, uidValidity.toString(), uids.map(String), error],
    );
  }

  /** Actions for UIDs of an older UIDVALIDITY name messages that no longer exist by that UID. */
  async dropStaleActions(db: Db, mailboxId: string, uidValidity: bigint): Promise<number> {
    const rows = await db.query(`WITH dropped AS (DELETE FROM mailbox_pending_action WHERE mailbox_id = $1 AND uid_validity <> $2 RETURNING uid) SELECT uid FROM dropped`, [
      mailboxId,
      uidValidity.toString(),
    ]);
    return rows.length;
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
