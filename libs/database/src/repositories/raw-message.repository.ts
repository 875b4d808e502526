import type { Db } from '../db.js';
import { valuesRows } from './values-rows.js';

export interface NewRawMessage {
  mailboxId: string;
  uidValidity: bigint;
  uid: bigint;
  sha256: string;
  messageId: string | null;
  raw: Buffer;
}

export interface RawMessageRecord {
  id: string;
  mailboxId: string;
  status: 'received' | 'ticketed' | 'quarantined' | 'duplicate' | 'dropped';
  raw: Buffer;
  sha256: string;
  receivedAt: Date;
}

/** A raw message's bytes, its mailbox's queue and the ticket they became (null: none yet, or quarantined). */
export interface InspectedRawMessage {
  id: string;
  status: RawMessageRecord['status'];
  raw: Buffer;
  /** The queue of the mailbox it came to (null: none): its access rule applies while there is no ticket. */
  mailboxQueueId: string | null;
  ticket: { id: string; queueId: string } | null;
}

/** A raw message waiting for routing; `raw` null when findReceived's byte budget left it unloaded. */
export interface ReceivedRawMessage {
  id: string;
  mailboxId: string;
  size: number;
  raw: Buffer | null;
  /** The SMTP push's accepted RCPT TO addresses; null for IMAP. */
  envelopeTo: string[] | null;
  /** Its place in arrival order, drawn from the ticket number sequence (null: stored before it was kept). */
  arrivalNumber: bigint | null;
}

export class RawMessageRepository {
  /**
   * Stores an IMAP-fetched message once. Returns its id, or null when this (mailbox,
   * UIDVALIDITY, UID) is already stored — a refetch after a crash must not make a second ticket.
   */
  insert(tx: Db, message: NewRawMessage): Promise<string | null> {
    return this.insertFromSource(tx, { ...message, source: 'imap', envelopeFrom: null, envelopeTo: null });
  }

  /** The stored message with the same bytes in this mailbox, if any. */
  async findByContent(db: Db, mailboxId: string, sha256: string): Promise<string | null> {
    return (await this.findManyByContent(db, mailboxId, [sha256])).get(sha256) ?? null;
  }

  async find(db: Db, id: string): Promise<RawMessageRecord | null> {
    const [row] = await db.query('SELECT id, mailbox_id, status, raw, sha256, received_at FROM raw_message WHERE id = $1', [id]);
    if (!row) return null;
    return { id: row.id, mailboxId: row.mailbox_id, status: row.status, raw: row.raw, sha256: row.sha256, receivedAt: row.received_at };
  }

  /**
   * A message's bytes as received (a duplicate record's are its original's) and the ticket they
   * became, if any: what an inspection such as a rule dry-run reads and checks access by.
   */
  async findForInspection(db: Db, id: string): Promise<InspectedRawMessage | null> {
    const [row] = await db.query(
      `SELECT r.id, r.status, o.raw, m.queue_id AS mailbox_queue_id, a.ticket_id, t.queue_id
         FROM raw_message r
         JOIN raw_message o ON o.id = coalesce(r.duplicate_of, r.id)
         LEFT JOIN mailbox m ON m.id = r.mailbox_id
         LEFT JOIN article a ON a.raw_message_id = o.id
         LEFT JOIN ticket t ON t.id = a.ticket_id
        WHERE r.id = $1 AND o.raw IS NOT NULL`,
      [id],
    );
    if (!row) return null;
    return {
      id: row.id,
      status: row.status,
      raw: row.raw,
      mailboxQueueId: row.mailbox_queue_id,
      ticket: row.ticket_id ? { id: row.ticket_id, queueId: row.queue_id } : null,
    };
  }

  /**
   * The messages among `ids` still waiting for routing, by id (routed ones are not loaded).
   * Bytes are loaded in the order of `ids` while they fit `byteBudget` (the first always does):
   * a message past it comes back with `raw` null, to be loaded by a later call.
   */
  async findReceived(db: Db, ids: string[], byteBudget = Number.MAX_SAFE_INTEGER): Promise<Map<string, ReceivedRawMessage>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; mailbox_id: string; size: number; raw: Buffer | null; envelope_to: string[] | null; arrival_number: string | null }[] = await db.query(
      `SELECT id, mailbox_id, size, envelope_to, arrival_number, CASE WHEN loaded_before = 0 OR loaded_before + size <= $2 THEN raw END AS raw
         FROM (SELECT r.id, r.mailbox_id, r.size, r.raw, r.envelope_to, r.arrival_number,
                      coalesce(sum(r.size) OVER (ORDER BY w.n ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS loaded_before
                 FROM unnest($1::uuid[]) WITH ORDINALITY AS w(id, n) JOIN raw_message r ON r.id = w.id
                WHERE r.status = 'received') waiting`,
      [ids, byteBudget],
    );
    return new Map(
      rows.map((row) => [row.id, { id: row.id, mailboxId: row.mailbox_id, size: row.size, raw: row.raw, envelopeTo: row.envelope_to, arrivalNumber: row.arrival_number === null ? null : BigInt(row.arrival_number) }]),
    );
  }

  /**
   * Of these Message-IDs, those of mail stored within `withinMs` and not routed yet, other than
   * the raw messages `except` (the batch asking): a reply to one of them waits for it. Older
   * ones are not waited for (a mail stuck that long is the reconciler's and the dead letters').
   */
  async pendingOriginals(db: Db, messageIds: string[], except: string[], withinMs: number): Promise<Set<string>> {
    if (messageIds.length === 0) return new Set();
    const rows: { message_id: string }[] = await db.query(
      `SELECT DISTINCT message_id FROM raw_message
        WHERE status = 'received' AND message_id = ANY($1::text[]) AND NOT (id = ANY($2::uuid[]))
          AND received_at > now() - make_interval(secs => $3::double precision / 1000)`,
      [messageIds, except, withinMs],
    );
    return new Set(rows.map((row) => row.message_id));
  }

  /** Locks a raw message still waiting for routing; false when it was routed meanwhile. */
  async lockReceived(tx: Db, id: string): Promise<boolean> {
    return (await this.lockReceivedAll(tx, [id])).has(id);
  }

  /** lockReceived for several: the ids locked (in id order, so two routers cannot deadlock). */
  async lockReceivedAll(tx: Db, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM raw_message WHERE id = ANY($1::uuid[]) AND status = 'received' ORDER BY id FOR UPDATE`,
      [ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  async markTicketedAll(tx: Db, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await tx.query(`UPDATE raw_message SET status = 'ticketed', processed_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Recorded, not routed: e.g. our own mail echoed back (the loop guard). */
  async markDropped(tx: Db, id: string, reason: string): Promise<void> {
    await tx.query(`UPDATE raw_message SET status = 'dropped', drop_reason = $2, processed_at = now() WHERE id = $1`, [id, reason]);
  }

  async markQuarantined(tx: Db, id: string, reason: string): Promise<void> {
    await tx.query(`UPDATE raw_message SET status = 'quarantined', quarantine_reason = $2, processed_at = now() WHERE id = $1`, [id, reason]);
  }

  /** The stored original (not a duplicate record) of each of these contents in this mailbox, by sha256. */
  async findManyByContent(db: Db, mailboxId: string, sha256s: string[]): Promise<Map<string, string>> {
    if (sha256s.length === 0) return new Map();
    const rows: { sha256: string; id: string }[] = await db.query(
      `SELECT DISTINCT ON (sha256) sha256, id FROM raw_message
        WHERE mailbox_id = $1 AND sha256 = ANY($2::text[]) AND status <> 'duplicate' AND raw IS NOT NULL
        ORDER BY sha256, received_at`,
      [mailboxId, sha256s],
    );
    return new Map(rows.map((row) => [row.sha256, row.id]));
  }

  /** lockContent for several contents at once, in a fixed order so two writers cannot deadlock. */
  async lockContents(tx: Db, mailboxId: string, sha256s: string[]): Promise<void> {
    if (sha256s.length === 0) return;
    const keys = [...new Set(sha256s)].map((sha256) => `raw_message:${mailboxId}:${sha256}`).sort();
    await tx.query('SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) FROM (SELECT unnest($1::text[]) AS k ORDER BY 1) ordered', [keys]);
  }

  /**
   * Stores IMAP-fetched messages of one mailbox and UIDVALIDITY in one statement. Returns the
   * new ids by UID; a UID stored before is absent (a refetch after a crash).
   */
  async insertImapMany(tx: Db, mailboxId: string, uidValidity: bigint, messages: ImapRawMessage[]): Promise<Map<bigint, string>> {
    if (messages.length === 0) return new Map();
    const rows: { id: string; uid: string }[] = await tx.query(
      `INSERT INTO raw_message (mailbox_id, source, uid_validity, uid, sha256, message_id, size, raw)
       VALUES ${valuesRows(messages.length, ['uuid', '', 'bigint', 'bigint', '', '', 'int', 'bytea'])}
       ON CONFLICT (mailbox_id, uid_validity, uid) DO NOTHING RETURNING id, uid`,
      messages.flatMap((m) => [mailboxId, 'imap', uidValidity.toString(), m.uid.toString(), m.sha256, m.messageId, m.raw.length, m.raw]),
    );
    return new Map(rows.map((row) => [BigInt(row.uid), row.id]));
  }

  /** Records IMAP copies of bytes already stored (each with its original); UIDs recorded before are skipped. */
  async insertImapDuplicates(tx: Db, mailboxId: string, uidValidity: bigint, copies: (Omit<ImapRawMessage, 'raw'> & { size: number; duplicateOf: string })[]): Promise<void> {
    if (copies.length === 0) return;
    await tx.query(
      `INSERT INTO raw_message (mailbox_id, source, uid_validity, uid, sha256, message_id, size, raw, status, duplicate_of, processed_at)
       SELECT $1, 'imap', $2, m.uid, m.sha256, m.message_id, m.size, ''::bytea, 'duplicate', m.duplicate_of, now()
         FROM unnest($3::bigint[], $4::text[], $5::text[], $6::int[], $7::uuid[]) AS m(uid, sha256, message_id, size, duplicate_of)
       ON CONFLICT (mailbox_id, uid_validity, uid) DO NOTHING`,
      [
        mailboxId,
        uidValidity.toString(),
        copies.map((c) => c.uid.toString()),
        copies.map((c) => c.sha256),
        copies.map((c) => c.messageId),
        copies.map((c) => c.size),
        copies.map((c) => c.duplicateOf),
      ],
    );
  }

  /**
   * Holds, until the transaction ends, the right to store these bytes into this mailbox: two
   * deliveries of the same message at once (an MTA retrying over a second connection) then
   * see each other, and the second is recorded as a duplicate.
   */
  lockContent(tx: Db, mailboxId: string, sha256: string): Promise<void> {
    return this.lockContents(tx, mailboxId, [sha256]);
  }

  /**
   * Stores a message with its origin: IMAP (with UIDs) or SMTP push (with its envelope, no
   * UIDs). Returns its id, or null when this IMAP UID is already stored.
   */
  async insertFromSource(tx: Db, message: SourcedRawMessage): Promise<string | null> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO raw_message (mailbox_id, source, uid_validity, uid, envelope_from, envelope_to, sha256, message_id, size, raw)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (mailbox_id, uid_validity, uid) DO NOTHING RETURNING id`,
      [...sourcedColumns(message), message.raw.length, message.raw],
    );
    return rows[0]?.id ?? null;
  }

  /** Records a copy of bytes already stored (`duplicateOf`); false when this IMAP UID was recorded before. */
  async insertDuplicate(tx: Db, message: Omit<SourcedRawMessage, 'raw'> & { size: number }, duplicateOf: string): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO raw_message (mailbox_id, source, uid_validity, uid, envelope_from, envelope_to, sha256, message_id, size, raw, status, duplicate_of, processed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, ''::bytea, 'duplicate', $10, now())
       ON CONFLICT (mailbox_id, uid_validity, uid) DO NOTHING RETURNING id`,
      [...sourcedColumns(message), message.size, duplicateOf],
    );
    return rows.length > 0;
  }

  /**
   * Claims raw messages still waiting for routing after `graceMs` and not re-emitted within
   * it either; SKIP LOCKED lets several reconcilers share the work without re-emitting twice.
   */
  async claimStalled(tx: Db, graceMs: number, limit: number): Promise<{ id: string; mailboxId: string }[]> {
    const rows: { id: string; mailbox_id: string }[] = await tx.query(
      `WITH stalled AS (
         SELECT id FROM raw_message
          WHERE status = 'received'
            AND received_at < now() - make_interval(secs => $1::double precision / 1000)
            AND (reemitted_at IS NULL
                 OR reemitted_at < now() - make_interval(secs => $1::double precision / 1000 * power(2, least(reemit_count, 6))))
          ORDER BY received_at LIMIT $2 FOR UPDATE SKIP LOCKED),
       marked AS (UPDATE raw_message r SET reemitted_at = now(), reemit_count = r.reemit_count + 1
                    FROM stalled WHERE r.id = stalled.id RETURNING r.id, r.mailbox_id)
       SELECT id, mailbox_id FROM marked`,
      [graceMs, limit],
    );
    return rows.map((r) => ({ id: r.id, mailboxId: r.mailbox_id }));
  }
}

/** One IMAP-fetched message, hashed, for insertImapMany. */
export interface ImapRawMessage {
  uid: bigint;
  sha256: string;
  messageId: string | null;
  raw: Buffer;
}

/** A message and where it came from: an IMAP UID, or an SMTP/LMTP delivery and its envelope. */
export interface SourcedRawMessage {
  mailboxId: string;
  source: 'imap' | 'smtp';
  /** Set for IMAP, null for SMTP. */
  uidValidity: bigint | null;
  uid: bigint | null;
  /** The SMTP envelope (MAIL FROM, '' for the null sender <>; the accepted RCPT TOs); null for IMAP. */
  envelopeFrom: string | null;
  envelopeTo: string[] | null;
  sha256: string;
  messageId: string | null;
  raw: Buffer;
}

function sourcedColumns(message: Omit<SourcedRawMessage, 'raw'>): unknown[] {
  return [
    message.mailboxId,
    message.source,
    message.uidValidity?.toString() ?? null,
    message.uid?.toString() ?? null,
    message.envelopeFrom,
    message.envelopeTo,
    message.sha256,
    message.messageId,
  ];
}
