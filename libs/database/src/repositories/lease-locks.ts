/**
 * Namespace of the mailbox leases: `pg_try_advisory_lock(LEASE_LOCK_NAMESPACE, lease_key)`.
 * Two-int advisory locks never collide with the single-bigint ones (the migration lock).
 */
export const LEASE_LOCK_NAMESPACE = 0x4d424f58; // "MBOX"

/** The lease keys held right now, in this database only: every database of the cluster shows in pg_locks. */
export const LEASE_LOCKS = `SELECT objid::int8 AS key FROM pg_locks
  WHERE locktype = 'advisory' AND classid = ${LEASE_LOCK_NAMESPACE}::oid AND objsubid = 2 AND granted
    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
