import { AUDIT_GENESIS_HASH, auditEventHash, type ChainedAuditEvent } from '@casework/domain';
import type { EntityManager } from 'typeorm';
import type { Db } from '../db.js';
import { valuesRows } from './values-rows.js';

/** One stored audit event: the chained fields, its place in the chain and its hash. */
export interface AuditEventRecord extends ChainedAuditEvent {
  seq: number;
  hash: string;
}

/** What a caller records; the id, time, place in the chain and hashes are the repository's. */
export interface NewAuditEvent {
  actorId: string | null;
  actorEmail: string | null;
  /** `<thing>.<what happened>`, e.g. `ticket.read`, `queue.grants_replaced`, `auth.failed`. */
  action: string;
  /** What was touched, e.g. `ticket:<id>`, `user:<id>`. */
  subject: string;
  /** Every ticket the event concerns; a restricted read lists each ticket of the response. */
  ticketIds?: string[];
  queueId?: string | null;
  /** Changed fields before → after; never bodies or secrets. */
  details?: Record<string, unknown>;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
}

/** What `list` selects; every field optional, all given ones must hold. */
export interface AuditFilter {
  /** Events whose ticket ids include this one. */
  ticketId?: string;
  actorId?: string;
  action?: string;
  /** At or after. */
  since?: Date;
  /** Strictly before. */
  until?: Date;
  /** Only events of these queues (a lead's readable ones); events of no queue are then left out. Absent: every event. */
  queueIds?: string[];
}

/** A newest-first page: at most `limit` events strictly after `after` (keyset on at, id). */
export interface AuditPage {
  limit: number;
  after?: { at: Date; id: string };
}

/** What walking the chain found: `firstBrokenId` is the first event (in chain order) whose link or hash does not hold. */
export interface AuditChainVerdict {
  ok: boolean;
  checked: number;
  firstBrokenId: string | null;
}

/** One lock for every appender: each event's prevHash must be the hash of the one committed before it. */
const AUDIT_CHAIN_LOCK = 7_021_964_312; // arbitrary, fixed; beside the migration lock (…311)
const VERIFY_BATCH = 1000;

const COLUMNS = `id, seq, at, actor_id AS "actorId", actor_email AS "actorEmail", action, ticket_ids::text[] AS "ticketIds",
  queue_id AS "queueId", subject, details, ip, user_agent AS "userAgent", request_id AS "requestId", prev_hash AS "prevHash", hash`;

function toRecord(row: Record<string, unknown>): AuditEventRecord {
  return { ...(row as unknown as AuditEventRecord), seq: Number(row.seq) };
}

/** Postgres prints uuids in lower case; hashing them as given would not match the row read back. */
function uuid(value: string): string;
function uuid(value: string | null | undefined): string | null;
function uuid(value: string | null | undefined): string | null {
  return value == null ? null : value.toLowerCase();
}

/** Append-only (the table's trigger refuses UPDATE, DELETE and TRUNCATE) and hash-chained in `seq` order. */
export class AuditRepository {
  /**
   * Records `event` in the caller's transaction, so it commits or rolls back with the change it
   * records. Appenders are serialised by a transaction-level advisory lock, held until that
   * transaction ends: append as the transaction's last step, to hold it briefly. The time is
   * Postgres' clock at the append, in milliseconds (what a Date holds, so the hash reads back).
   */
  async append(tx: EntityManager, event: NewAuditEvent): Promise<AuditEventRecord> {
    const [stored] = await this.appendAll(tx, [event]);
    return stored;
  }

  /**
   * Appends `events` in order as consecutive links of the chain: one lock, one read of the
   * chain's head and one INSERT for them all (the API's group commit of reads). They share
   * one time, Postgres' clock at the append.
   */
  async appendAll(tx: EntityManager, events: NewAuditEvent[]): Promise<AuditEventRecord[]> {
    if (events.length === 0) return [];
    // Outside a transaction the lock would end with its own statement and two appenders could
    // chain to the same predecessor.
    if (!tx.queryRunner?.isTransactionActive) throw new Error('AuditRepository.append needs a transaction (the chain lock lasts until its commit)');
    const [lock] = await tx.query(`SELECT pg_advisory_xact_lock($1), current_setting('transaction_isolation') AS isolation`, [AUDIT_CHAIN_LOCK]);
    // A repeatable-read snapshot may predate the last append; only read committed sees it.
    if (lock.isolation !== 'read committed') throw new Error(`AuditRepository.append needs a read committed transaction, not ${lock.isolation}`);
    // A statement of its own: its snapshot is taken after the lock, so it sees the last append.
    const [head] = await tx.query(
      `SELECT date_trunc('milliseconds', clock_timestamp()) AS at, (SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1) AS "prevHash",
              ARRAY(SELECT gen_random_uuid()::text FROM generate_series(1, $1)) AS ids`,
      [events.length],
    );
    let prevHash: string = head.prevHash ?? AUDIT_GENESIS_HASH;
    const rows = events.map((event, i) => {
      const chained: ChainedAuditEvent = {
        id: head.ids[i],
        at: head.at,
        actorId: uuid(event.actorId),
        actorEmail: event.actorEmail,
        action: event.action,
        ticketIds: (event.ticketIds ?? []).map((id) => uuid(id)),
        queueId: uuid(event.queueId),
        subject: event.subject,
        // As jsonb will hand it back: what JSON can hold, nothing else (undefined members dropped).
        details: JSON.parse(JSON.stringify(event.details ?? {})),
        ip: event.ip ?? null,
        userAgent: event.userAgent ?? null,
        requestId: event.requestId ?? null,
        prevHash,
      };
      const hash = auditEventHash(chained);
      prevHash = hash;
      return { chained, hash };
    });
    const params = rows.flatMap(({ chained, hash }) => [
      chained.id,
      chained.at,
      chained.actorId,
      chained.actorEmail,
      chained.action,
      chained.ticketIds,
      chained.queueId,
      chained.subject,
      JSON.stringify(chained.details),
      chained.ip,
      chained.userAgent,
      chained.requestId,
      chained.prevHash,
      hash,
    ]);
    const inserted: Record<string, unknown>[] = await tx.query(
      `INSERT INTO audit_event (id, at, actor_id, actor_email, action, ticket_ids, queue_id, subject, details, ip, user_agent, request_id, prev_hash, hash)
       VALUES ${valuesRows(rows.length, ['uuid', 'timestamptz', 'uuid', '', '', 'uuid[]', 'uuid', '', 'jsonb', '', '', '', '', ''])} RETURNING ${COLUMNS}`,
      params,
    );
    const byId = new Map(inserted.map((row) => [row.id as string, toRecord(row)]));
    return rows.map(({ chained, hash }) => {
      const stored = byId.get(chained.id)!;
      // A value that reads back differently (a number jsonb respells, say) would be reported as
      // tampering by every later verify: refuse it now, while the caller can still see why.
      if (auditEventHash(stored) !== hash) throw new Error(`audit event ${stored.action} does not read back as written; its details are not plain JSON`);
      return stored;
    });
  }

  /** Newest first (at, id), at most `page.limit`; ask for one more than you show to learn whether another page follows. */
  async list(db: Db, filter: AuditFilter, page: AuditPage): Promise<AuditEventRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const bind = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.ticketId !== undefined) where.push(`ticket_ids @> ARRAY[${bind(filter.ticketId)}]::uuid[]`);
    if (filter.actorId !== undefined) where.push(`actor_id = ${bind(filter.actorId)}`);
    if (filter.action !== undefined) where.push(`action = ${bind(filter.action)}`);
    if (filter.since !== undefined) where.push(`at >= ${bind(filter.since)}`);
    if (filter.until !== undefined) where.push(`at < ${bind(filter.until)}`);
    if (filter.queueIds !== undefined) where.push(`queue_id = ANY(${bind(filter.queueIds)}::uuid[])`);
    if (page.after !== undefined) where.push(`(at, id) < (${bind(page.after.at)}, ${bind(page.after.id)})`);
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT ${COLUMNS} FROM audit_event ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY at DESC, id DESC LIMIT ${bind(page.limit)}`,
      params,
    );
    return rows.map(toRecord);
  }

  /** A ticket's events in chain order, `limit` at a time after `afterSeq` (a case export's audit.jsonl). */
  async ofTicket(db: Db, ticketId: string, afterSeq: number, limit: number): Promise<AuditEventRecord[]> {
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT ${COLUMNS} FROM audit_event WHERE ticket_ids @> ARRAY[$1]::uuid[] AND seq > $2 ORDER BY seq LIMIT $3`,
      [ticketId, afterSeq, limit],
    );
    return rows.map(toRecord);
  }

  /**
   * Walks the whole chain in `seq` order, a batch at a time, recomputing each hash: an event
   * is broken when its prevHash is not the hash of the event before it (one was removed or
   * reordered) or its hash is not that of its fields (it was changed). Events appended during
   * the walk are checked too: appenders commit in chain order, so none is skipped.
   */
  async verify(db: Db, options: { batchSize?: number } = {}): Promise<AuditChainVerdict> {
    const batchSize = options.batchSize ?? VERIFY_BATCH;
    let prevHash = AUDIT_GENESIS_HASH;
    let afterSeq = '0';
    let checked = 0;
    let firstBrokenId: string | null = null;
    for (;;) {
      const rows: Record<string, unknown>[] = await db.query(`SELECT ${COLUMNS} FROM audit_event WHERE seq > $1 ORDER BY seq LIMIT $2`, [afterSeq, batchSize]);
      for (const row of rows) {
        const event = toRecord(row);
        checked++;
        if (firstBrokenId === null && (event.prevHash !== prevHash || auditEventHash(event) !== event.hash)) firstBrokenId = event.id;
        prevHash = event.hash;
      }
      if (rows.length < batchSize) break;
      // The bigint as text: exact, however long the trail grows.
      afterSeq = String(rows[rows.length - 1].seq);
    }
    return { ok: firstBrokenId === null, checked, firstBrokenId };
  }
}
