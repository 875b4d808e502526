import type { Db } from '../db.js';
import { LEASE_LOCK_NAMESPACE, LEASE_LOCKS } from './lease-locks.js';
import type { AfterCommitAction, MailboxIdentity } from './mailbox-record.js';

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

/**
 * Leases: each enabled IMAP mailbox is watched by the one ingest replica holding its advisory
 * lock; the holder's heartbeat and its watcher's status go to mailbox_status.
 */
export class MailboxLeaseRepository {
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
}
