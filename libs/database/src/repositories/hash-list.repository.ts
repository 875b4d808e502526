import type { Db } from '../db.js';

/** A hash list as stored, with how many values it holds. */
export interface HashListRecord {
  id: string;
  name: string;
  source: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Values by algorithm. */
  counts: { sha256: number; md5: number };
}

/** An attachment an upload blocked: stored before the list had its hash. */
export interface BlockedStoredAttachment {
  attachmentId: string;
  ticketId: string;
  queueId: string;
}

const COLUMNS = `l.id, l.name, l.source, l.created_by, l.created_at, l.updated_at,
  (SELECT count(*) FILTER (WHERE length(e.value) = 64) FROM hash_list_entry e WHERE e.list_id = l.id) AS sha256_count,
  (SELECT count(*) FILTER (WHERE length(e.value) = 32) FROM hash_list_entry e WHERE e.list_id = l.id) AS md5_count`;

/**
 * Hash lists of known abuse material and their values (lower-case hex: 64 digits SHA-256, 32
 * MD5), looked up by value through one index: routing asks once per batch for every hash of its
 * attachments, an upload asks the stored attachments once for all its values.
 */
export class HashListRepository {
  async create(tx: Db, list: { name: string; source: string | null; createdBy: string | null }): Promise<string> {
    const [row] = await tx.query(`INSERT INTO hash_list (name, source, created_by) VALUES ($1, $2, $3) RETURNING id`, [list.name, list.source, list.createdBy]);
    return row.id as string;
  }

  /** Adds values (normalised by the caller) to a list; answers how many were new to it. */
  async addValues(tx: Db, listId: string, values: readonly string[]): Promise<number> {
    if (values.length === 0) return 0;
    const [{ added }] = await tx.query(
      `WITH added AS (INSERT INTO hash_list_entry (list_id, value) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING 1),
            touched AS (UPDATE hash_list SET updated_at = now() WHERE id = $1 RETURNING 1)
       SELECT count(*)::int AS added FROM added`,
      [listId, values],
    );
    return added as number;
  }

  async list(db: Db): Promise<HashListRecord[]> {
    const rows = await db.query(`SELECT ${COLUMNS} FROM hash_list l ORDER BY l.created_at, l.id`);
    return rows.map(mapList);
  }

  async find(db: Db, id: string): Promise<HashListRecord | null> {
    const [row] = await db.query(`SELECT ${COLUMNS} FROM hash_list l WHERE l.id = $1`, [id]);
    return row ? mapList(row) : null;
  }

  /** Removes a list and its values; what it was, or null. Attachments it blocked stay blocked. */
  async delete(tx: Db, id: string): Promise<HashListRecord | null> {
    const found = await this.find(tx, id);
    if (!found) return null;
    await tx.query(`DELETE FROM hash_list WHERE id = $1`, [id]);
    return found;
  }

  /** Which of these hashes are listed, each with the lists holding it: one indexed probe. */
  async listed(db: Db, hashes: readonly string[]): Promise<Map<string, string[]>> {
    if (hashes.length === 0) return new Map();
    const rows: { value: string; list_ids: string[] }[] = await db.query(
      `SELECT value, array_agg(list_id ORDER BY list_id) AS list_ids FROM hash_list_entry WHERE value = ANY($1::text[]) GROUP BY value`,
      [[...new Set(hashes)]],
    );
    return new Map(rows.map((row) => [row.value, row.list_ids]));
  }

  /**
   * Blocks the stored attachments (mail routed before the upload) whose SHA-256 or MD5 is among
   * `values`, adding `listId` to their lists; answers each one newly blocked, with its ticket.
   */
  async blockStored(tx: Db, listId: string, values: readonly string[]): Promise<BlockedStoredAttachment[]> {
    if (values.length === 0) return [];
    const rows: { id: string; ticket_id: string; queue_id: string }[] = await tx.query(
      `WITH hits AS (SELECT id FROM attachment WHERE (sha256 = ANY($2::text[]) OR md5 = ANY($2::text[])) AND blocked_at IS NULL),
            blocked AS (UPDATE attachment a SET blocked_at = now(), blocked_list_ids = array_append(a.blocked_list_ids, $1::uuid)
                          FROM hits WHERE a.id = hits.id RETURNING a.id, a.article_id)
       SELECT b.id, ar.ticket_id, t.queue_id FROM blocked b JOIN article ar ON ar.id = b.article_id JOIN ticket t ON t.id = ar.ticket_id
        ORDER BY ar.ticket_id, b.id`,
      [listId, values],
    );
    return rows.map((row) => ({ attachmentId: row.id, ticketId: row.ticket_id, queueId: row.queue_id }));
  }
}

function mapList(row: Record<string, unknown>): HashListRecord {
  return {
    id: row.id as string,
    name: row.name as string,
    source: (row.source as string | null) ?? null,
    createdBy: (row.created_by as string | null) ?? null,
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
    counts: { sha256: Number(row.sha256_count), md5: Number(row.md5_count) },
  };
}
