import type { QueueRoutingSettings, SystemQueueRole } from '@casework/domain';
import type { Db } from '../db.js';
import { preparedStatement, queryPrepared } from '../prepared-statement.js';

export interface QueueRecord {
  id: string;
  slug: string;
  name: string;
  address: string;
  isDefault: boolean;
  /** Where the queue's SLA warnings, breaches and fallback pages go; empty = the OPS_EMAIL setting. */
  opsEmails: string[];
  /** Need-to-know: only users with a grant see its tickets. */
  restricted: boolean;
  /** Further addresses it receives mail at (lower-cased), besides `address`. */
  addresses: string[];
  /** A system queue routing files mail into by itself; null for the others. */
  role: SystemQueueRole | null;
  routing: QueueRoutingSettings;
  /** The language of its mail when the ticket's is unknown (null: English). */
  defaultLocale: string | null;
  /** IANA zone dates in its mail to stakeholders are written in (null: UTC). */
  timeZone: string | null;
  /** An emergency address: its acknowledgement says where to turn in immediate danger. */
  emergency: boolean;
  /** Closed tickets are purged this many days after closing (null: kept). */
  retentionDays: number | null;
  /** Round-robin on open: to the least-loaded user on shift with write access, each holding fewer than `maxOpenPerAssignee` of its open tickets. */
  assignment: { autoAssign: boolean; maxOpenPerAssignee: number };
}

/** The queue settings of the mail it sends, as created or changed. */
type MailSettings = Partial<Pick<QueueRecord, 'defaultLocale' | 'timeZone' | 'emergency' | 'retentionDays'>>;

/** A queue to create or update by slug; without `opsEmails` an existing queue keeps its list. */
export type QueueUpsert = Pick<QueueRecord, 'slug' | 'name' | 'address' | 'isDefault'> & { opsEmails?: string[] };

export type NewQueue = Pick<QueueRecord, 'slug' | 'name' | 'address' | 'restricted'> & { addresses?: string[]; routing?: Partial<QueueRoutingSettings>; assignment?: Partial<QueueRecord['assignment']> } & MailSettings;
/** `defaultLocale` / `timeZone` / `retentionDays` null clears them; undefined keeps them. */
export type QueueChange = Partial<Pick<QueueRecord, 'name' | 'address' | 'restricted' | 'opsEmails' | 'addresses'>> & {
  routing?: Partial<QueueRoutingSettings>;
  assignment?: Partial<QueueRecord['assignment']>;
} & MailSettings;

const COLUMNS = 'id, slug, name, address, is_default, ops_emails, restricted, addresses, role, unknown_sender_followup, reopen_window_days, spam_score_threshold, default_locale, time_zone, emergency, auto_assign, max_open_per_assignee, retention_days';
/** A list filtered by queue asks this first: prepared once per connection. */
const QUEUE_BY_SLUG = preparedStatement(`SELECT ${COLUMNS} FROM queue WHERE slug = $1`);

export class QueueRepository {
  async list(db: Db): Promise<QueueRecord[]> {
    const rows = await db.query(`SELECT ${COLUMNS} FROM queue ORDER BY name, slug`);
    return rows.map(mapQueue);
  }

  async findDefault(db: Db): Promise<QueueRecord | null> {
    const [row] = await db.query(`SELECT ${COLUMNS} FROM queue WHERE is_default`);
    return row ? mapQueue(row) : null;
  }

  async find(db: Db, id: string): Promise<QueueRecord | null> {
    const [row] = await db.query(`SELECT ${COLUMNS} FROM queue WHERE id = $1`, [id]);
    return row ? mapQueue(row) : null;
  }

  async findBySlug(db: Db, slug: string): Promise<QueueRecord | null> {
    const [row] = await queryPrepared(db, QUEUE_BY_SLUG, [slug]);
    return row ? mapQueue(row) : null;
  }

  /** A queue named by slug or id (the slug wins should a slug look like another queue's id). */
  async findBySlugOrId(db: Db, ref: string): Promise<QueueRecord | null> {
    const [row] = await db.query(`SELECT ${COLUMNS} FROM queue WHERE slug = $1 OR id::text = lower($1) ORDER BY (slug = $1) DESC LIMIT 1`, [ref]);
    return row ? mapQueue(row) : null;
  }

  /** The queue a mailbox's mail goes to (null: the default queue's, or the mailbox is unknown). */
  async mailboxQueueId(db: Db, mailboxId: string): Promise<string | null> {
    const [row] = await db.query('SELECT queue_id FROM mailbox WHERE id = $1', [mailboxId]);
    return row?.queue_id ?? null;
  }

  async upsert(db: Db, queue: QueueUpsert): Promise<QueueRecord> {
    const [row] = await db.query(
      `INSERT INTO queue (slug, name, address, is_default, ops_emails) VALUES ($1, $2, $3, $4, COALESCE($5::text[], '{}'))
       ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, address = EXCLUDED.address, is_default = EXCLUDED.is_default,
         ops_emails = COALESCE($5::text[], queue.ops_emails)
       RETURNING ${COLUMNS}`,
      [queue.slug, queue.name, queue.address, queue.isDefault, queue.opsEmails ?? null],
    );
    return mapQueue(row);
  }

  /** Null when the slug is taken. Routing settings not given take the column defaults. */
  async create(db: Db, queue: NewQueue): Promise<QueueRecord | null> {
    const [row] = await db.query(
      `INSERT INTO queue (slug, name, address, restricted, addresses, unknown_sender_followup, reopen_window_days, spam_score_threshold, default_locale, time_zone, emergency,
                          auto_assign, max_open_per_assignee, retention_days)
       VALUES ($1, $2, $3, $4, $5::text[], COALESCE($6, 'flag'), COALESCE($7, 30), CASE WHEN $8::boolean THEN $9::numeric ELSE 5 END, $10, $11, $12,
               COALESCE($13, false), COALESCE($14, 10), $15)
       ON CONFLICT (slug) DO NOTHING RETURNING ${COLUMNS}`,
      [
        queue.slug,
        queue.name,
        queue.address,
        queue.restricted,
        lowerCased(queue.addresses ?? []),
        queue.routing?.unknownSenderFollowup ?? null,
        queue.routing?.reopenWindowDays ?? null,
        queue.routing !== undefined && 'spamScoreThreshold' in queue.routing,
        queue.routing?.spamScoreThreshold ?? null,
        queue.defaultLocale ?? null,
        queue.timeZone ?? null,
        queue.emergency ?? false,
        queue.assignment?.autoAssign ?? null,
        queue.assignment?.maxOpenPerAssignee ?? null,
        queue.retentionDays ?? null,
      ],
    );
    return row ? mapQueue(row) : null;
  }

  /**
   * Another queue (not a system queue) already receiving at one of these addresses, as its
   * primary or a further address (compared case-insensitively), if any.
   */
  async findOtherByAddress(db: Db, addresses: string | string[], exceptId: string | null): Promise<QueueRecord | null> {
    const wanted = lowerCased(Array.isArray(addresses) ? addresses : [addresses]);
    const [row] = await db.query(
      `SELECT ${COLUMNS} FROM queue
        WHERE role IS NULL AND id IS DISTINCT FROM $2::uuid AND (lower(address) = ANY($1::text[]) OR addresses && $1::text[])
        ORDER BY slug LIMIT 1`,
      [wanted, exceptId],
    );
    return row ? mapQueue(row) : null;
  }

  /** Changes the given fields (a null spam threshold turns the score off); null when there is no such queue. */
  async update(db: Db, id: string, change: QueueChange): Promise<QueueRecord | null> {
    const routing = change.routing ?? {};
    const [row] = await db.query(
      `WITH updated AS (
         UPDATE queue SET name = COALESCE($2, name), address = COALESCE($3, address), restricted = COALESCE($4, restricted),
                ops_emails = COALESCE($5::text[], ops_emails), addresses = COALESCE($6::text[], addresses),
                unknown_sender_followup = COALESCE($7, unknown_sender_followup), reopen_window_days = COALESCE($8, reopen_window_days),
                spam_score_threshold = CASE WHEN $9::boolean THEN $10::numeric ELSE spam_score_threshold END,
                emergency = COALESCE($11, emergency),
                default_locale = CASE WHEN $12 THEN $13 ELSE default_locale END, time_zone = CASE WHEN $14 THEN $15 ELSE time_zone END,
                auto_assign = COALESCE($16, auto_assign), max_open_per_assignee = COALESCE($17, max_open_per_assignee),
                retention_days = CASE WHEN $18 THEN $19::integer ELSE retention_days END
          WHERE id = $1 RETURNING ${COLUMNS})
       SELECT ${COLUMNS} FROM updated`,
      [
        id,
        change.name ?? null,
        change.address ?? null,
        change.restricted ?? null,
        change.opsEmails ?? null,
        change.addresses === undefined ? null : lowerCased(change.addresses),
        routing.unknownSenderFollowup ?? null,
        routing.reopenWindowDays ?? null,
        'spamScoreThreshold' in routing,
        routing.spamScoreThreshold ?? null,
        change.emergency ?? null,
        change.defaultLocale !== undefined,
        change.defaultLocale ?? null,
        change.timeZone !== undefined,
        change.timeZone ?? null,
        change.assignment?.autoAssign ?? null,
        change.assignment?.maxOpenPerAssignee ?? null,
        change.retentionDays !== undefined,
        change.retentionDays ?? null,
      ],
    );
    return row ? mapQueue(row) : null;
  }

  /** Every address our queues receive at: mail from them is our own, and never gets an automatic answer. */
  async ownAddresses(db: Db): Promise<string[]> {
    const rows: { address: string }[] = await db.query('SELECT address FROM queue UNION SELECT unnest(addresses) FROM queue');
    return rows.map((row) => row.address);
  }

  /** Each given ticket's queue as its ops notices need it: who gets them, and in which language. */
  async noticeQueuesOfTickets(db: Db, ticketIds: string[]): Promise<Map<string, Pick<QueueRecord, 'id' | 'slug' | 'name' | 'opsEmails' | 'defaultLocale'>>> {
    if (ticketIds.length === 0) return new Map();
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT t.id AS ticket_id, q.id, q.slug, q.name, q.ops_emails, q.default_locale FROM ticket t JOIN queue q ON q.id = t.queue_id WHERE t.id = ANY($1::uuid[])`,
      [[...new Set(ticketIds)]],
    );
    return new Map(
      rows.map((r) => [
        r.ticket_id as string,
        { id: r.id as string, slug: r.slug as string, name: r.name as string, opsEmails: (r.ops_emails as string[] | null) ?? [], defaultLocale: (r.default_locale as string | null) ?? null },
      ]),
    );
  }
}

/** Each address once, lower-cased: how `addresses` is stored and compared. */
function lowerCased(addresses: string[]): string[] {
  return [...new Set(addresses.map((address) => address.trim().toLowerCase()).filter(Boolean))];
}

export function mapQueue(row: Record<string, unknown>): QueueRecord {
  return {
    id: row.id as string,
    slug: row.slug as string,
    name: row.name as string,
    address: row.address as string,
    isDefault: row.is_default as boolean,
    opsEmails: (row.ops_emails as string[] | null) ?? [],
    restricted: row.restricted === true,
    addresses: (row.addresses as string[] | null) ?? [],
    role: (row.role as SystemQueueRole | null) ?? null,
    routing: {
      unknownSenderFollowup: row.unknown_sender_followup as QueueRoutingSettings['unknownSenderFollowup'],
      reopenWindowDays: Number(row.reopen_window_days),
      spamScoreThreshold: row.spam_score_threshold === null ? null : Number(row.spam_score_threshold),
    },
    defaultLocale: (row.default_locale as string | null) ?? null,
    timeZone: (row.time_zone as string | null) ?? null,
    emergency: row.emergency === true,
    retentionDays: row.retention_days === null || row.retention_days === undefined ? null : Number(row.retention_days),
    assignment: { autoAssign: row.auto_assign === true, maxOpenPerAssignee: Number(row.max_open_per_assignee ?? 10) },
  };
}
