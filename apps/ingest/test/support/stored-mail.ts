import type { DataSource } from 'typeorm';

/*
 * What the push tests read back: every raw message in arrival order, and the outbox size.
 * Free of jest globals (the build compiles it with the sources).
 */

export interface RawRow {
  id: string;
  mailbox_id: string;
  source: string;
  uid_validity: string | null;
  uid: string | null;
  envelope_from: string | null;
  envelope_to: string[] | null;
  sha256: string;
  message_id: string | null;
  size: number;
  raw: Buffer;
  status: string;
  duplicate_of: string | null;
}

export async function rawRows(ds: DataSource): Promise<RawRow[]> {
  return ds.query(
    `SELECT id, mailbox_id, source, uid_validity, uid, envelope_from, envelope_to, sha256, message_id, size, raw, status, duplicate_of
       FROM raw_message ORDER BY received_at, id`,
  );
}

export async function outboxCount(ds: DataSource): Promise<number> {
  const [{ count }] = await ds.query('SELECT count(*)::int AS count FROM outbox');
  return count;
}
