import type { Calendar, LinkReason, TicketPriority, TicketStatus, Tombstone, TriageResult } from '@casework/domain';
import type { Db } from '../db.js';
import { preparedStatement, queryPrepared } from '../prepared-statement.js';
import { calendarOrFallback, RESOLVED_CALENDAR } from './resolved-calendar.js';
import { ticketPageQuery, type SqlStatement, type TicketListFilter } from './ticket-list-query.js';
import type { AddressRecord, ArticleDirection, ArticleFlag, SystemNoteKind } from './ticket.repository.js';

export type { SqlStatement, TicketListFilter } from './ticket-list-query.js';

/** A user as a ticket names them: who holds it, who wrote a note or a reply. */
export interface UserRef {
  id: string;
  name: string;
  email: string;
}

export interface SlaSummary {
  kind: string;
  /** Null while the clock is paused. */
  dueAt: Date | null;
  state: string;
  /** The clock's timeline, target and calendar: what remaining business time is computed from. */
  startedAt: Date;
  pauses: { from: Date; to: Date | null }[];
  carriedOverMs: number;
  targetMs: number | null;
  calendar: Calendar;
}

export interface TicketRecord {
  id: string;
  number: string;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  queue: { id: string; slug: string; name: string; address: string };
  requester: AddressRecord;
  createdAt: Date;
  updatedAt: Date;
  sla: SlaSummary[];
  /** ISO 639-1; null when unknown. */
  language: string | null;
  triage: TriageResult;
  /** Categories of `triage` a specialist dismissed as false positives (the triage itself stays as found). */
  triageDismissed: string[];
  tags: string[];
  /** The earlier ticket this one continues, and why. */
  linkedTicket: { id: string; number: string; reason: LinkReason } | null;
  /** Set while (or since) it was filed as spam: the signals, and the queue not-spam moves it to. */
  spam: { signals: string[]; intendedQueue: { id: string; slug: string; name: string } | null; acknowledgementHeld: boolean } | null;
  assignee: UserRef | null;
  /** In a list: the row's position in its sort (created, updated or next due time), for the next page's cursor. */
  listPosition?: Date;
  /** The ticket this one was merged into (null: not merged). Loaded by `find` only: undefined in lists, whose plans read no second ticket. */
  mergedInto?: { id: string; number: string } | null;
  /** Set when its content was removed (retention, deletion, erasure): only the row and its tombstone are left. */
  purgedAt: Date | null;
  tombstone: Tombstone | null;
}

export interface ArticleRecord {
  id: string;
  ticketId: string;
  direction: ArticleDirection;
  from: AddressRecord | null;
  to: AddressRecord[];
  cc: AddressRecord[];
  subject: string;
  text: string;
  html: string | null;
  messageId: string | null;
  references: string[];
  createdAt: Date;
  /** `unknown_sender`: a follow-up from someone who is not a participant of the ticket. */
  flagged: ArticleFlag | null;
  /** A bounce or auto-reply kept on the ticket. */
  systemNote: SystemNoteKind | null;
  /** Who wrote a note or a reply through the API; null for mail and automatic answers. */
  author: UserRef | null;
}

/** One `sla` entry of ticketSelect as JSON. */
interface SlaJson {
  kind: string;
  dueAt: string | null;
  state: string;
  startedAt: string;
  pauses: { from: string; to: string | null }[] | null;
  carriedOverMs: number | string | null;
  targetMs: number | string | null;
  /** Null for a clock without a policy. */
  calendar: Calendar | null;
}

/**
 * The ticket columns of TicketRecord, its queue, requester and SLA clocks, over `source` aliased
 * t. A clock without a policy has no calendar here: mapTicket gives it the domain's fallback.
 */
const ticketSelect = (source: string, extraColumns = '') => `
  SELECT t.id, t.number, t.subject, t.status, t.priority, t.created_at, t.updated_at${extraColumns},
         t.language, t.triage, t.tags, ARRAY(SELECT d.category FROM triage_dismissal d WHERE d.ticket_id = t.id) AS triage_dismissed, t.link_reason, t.spam_signals, t.intended_queue_id, t.acknowledgement_held,
         t.linked_ticket_id, t.linked_ticket_number, t.purged_at, t.tombstone, iq.slug AS intended_queue_slug, iq.name AS intended_queue_name,
         q.id AS queue_id, q.slug AS queue_slug, q.name AS queue_name, q.address AS queue_address,
         r.email AS requester_email, r.name AS requester_name, a.id AS assignee_id, a.name AS assignee_name, a.email AS assignee_email,
         COALESCE((SELECT json_agg(json_build_object('kind', s.kind, 'dueAt', s.due_at, 'state', s.state, 'startedAt', s.started_at, 'pauses', s.pauses,
                                                     'carriedOverMs', s.carried_over_ms, 'targetMs', s.target_ms,
                                                     'calendar', ${RESOLVED_CALENDAR}) ORDER BY s.started_at)
                     FROM sla_clock s LEFT JOIN sla_policy p ON p.id = s.policy_id LEFT JOIN sla_calendar c ON c.id = p.calendar_id
                    WHERE s.ticket_id = t.id), '[]') AS sla
    FROM ${source} t JOIN queue q ON q.id = t.queue_id JOIN contact r ON r.id = t.requester_id LEFT JOIN queue iq ON iq.id = t.intended_queue_id
    LEFT JOIN app_user a ON a.id = t.assignee_id`;

const ARTICLE_COLUMNS = `ar.id, ar.ticket_id, ar.direction, ar.from_email, ar.from_name, ar.to_addresses, ar.cc_addresses, ar.subject, ar.body_text, ar.body_html,
  ar.message_id, ar.reference_ids, ar.created_at, ar.flagged, ar.system_note, au.id AS author_id, au.name AS author_name, au.email AS author_email`;
const ARTICLE_SOURCE = 'article ar LEFT JOIN app_user au ON au.id = ar.author_id';

// What reading one ticket asks on every request: prepared once per connection (the ticket's select took longer to plan than to run).
const FIND_TICKET = preparedStatement(
  `SELECT found.*, m.number AS merged_into_number FROM (${ticketSelect('ticket', ', t.merged_into_id')} WHERE t.id = $1) found
     LEFT JOIN ticket m ON m.id = found.merged_into_id`,
);
const TICKET_ARTICLES = preparedStatement(`SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_SOURCE} WHERE ar.ticket_id = $1 ORDER BY ar.created_at, ar.id`);
const TICKET_PLACEMENT = preparedStatement(`SELECT id, queue_id AS "queueId", purged_at AS "purgedAt" FROM ticket WHERE id = $1`);

/** Tickets and their articles as people and answers read them: the list, one ticket with its clocks, its thread, what an answer needs. */
export class TicketReadRepository {
  async find(db: Db, id: string): Promise<TicketRecord | null> {
    const [row] = await queryPrepared(db, FIND_TICKET, [id]);
    if (!row) return null;
    return { ...mapTicket(row), mergedInto: row.merged_into_id ? { id: row.merged_into_id as string, number: row.merged_into_number as string } : null };
  }

  /** The statement of `find` (EXPLAIN it to see the plan). */
  findQuery(id: string): SqlStatement {
    return { sql: FIND_TICKET.text, params: [id] };
  }

  /** Several tickets by id (a search page's), in no particular order; unknown ids are absent. */
  async findMany(db: Db, ids: string[]): Promise<TicketRecord[]> {
    if (ids.length === 0) return [];
    const rows = await db.query(`${ticketSelect('ticket')} WHERE t.id = ANY($1::uuid[])`, [ids]);
    return rows.map(mapTicket);
  }

  /** Where a ticket is, for the access rule: its queue; and whether only its tombstone is left. */
  async placement(db: Db, id: string): Promise<{ id: string; queueId: string; purgedAt: Date | null } | null> {
    const [row] = await queryPrepared<{ id: string; queueId: string; purgedAt: Date | null }>(db, TICKET_PLACEMENT, [id]);
    return row ?? null;
  }

  /** Each found ticket's queue, by ticket id, in one statement (ids must be uuids). */
  async placements(db: Db, ids: string[]): Promise<Map<string, string>> {
    const rows: { id: string; queueId: string }[] = await db.query(`SELECT id, queue_id AS "queueId" FROM ticket WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.queueId]));
  }

  async list(db: Db, filter: TicketListFilter): Promise<TicketRecord[]> {
    const { sql, params } = this.listQuery(filter);
    const rows = await db.query(sql, params);
    return rows.map(mapTicket);
  }

  /** The statement of `list`: the page's rows first (ticketPageQuery), then only those joined to the rest. */
  listQuery(filter: TicketListFilter): SqlStatement {
    const page = ticketPageQuery(filter);
    const direction = page.descending ? 'DESC' : 'ASC';
    return { sql: `${ticketSelect(page.sql, ', t.list_position')} ORDER BY t.list_position ${direction}, t.id ${direction}`, params: page.params };
  }

  async articles(db: Db, ticketId: string): Promise<ArticleRecord[]> {
    const rows = await queryPrepared(db, TICKET_ARTICLES, [ticketId]);
    return rows.map(mapArticle);
  }

  /** One article of the ticket, or null (an id of another ticket's article is not found either). */
  async article(db: Db, ticketId: string, articleId: string): Promise<ArticleRecord | null> {
    // Compared as text: a malformed id is simply not found, as with any other unknown id.
    const [row] = await db.query(`SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_SOURCE} WHERE ar.ticket_id = $1 AND ar.id::text = $2`, [ticketId, articleId]);
    return row ? mapArticle(row) : null;
  }

  /** The statement of `articles`. */
  articlesQuery(ticketId: string): SqlStatement {
    return { sql: TICKET_ARTICLES.text, params: [ticketId] };
  }

  /** The newest inbound article that is not flagged: what a reply to the requester answers. */
  async lastInbound(db: Db, ticketId: string): Promise<ArticleRecord | null> {
    const [row] = await db.query(
      `SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLE_SOURCE} WHERE ar.ticket_id = $1 AND ar.direction = 'inbound' AND ar.flagged IS NULL ORDER BY ar.created_at DESC, ar.id DESC LIMIT 1`,
      [ticketId],
    );
    return row ? mapArticle(row) : null;
  }
}

function mapTicket(row: Record<string, unknown>): TicketRecord {
  return {
    id: row.id as string,
    number: row.number as string,
    subject: row.subject as string,
    status: row.status as TicketStatus,
    priority: row.priority as TicketPriority,
    queue: { id: row.queue_id as string, slug: row.queue_slug as string, name: row.queue_name as string, address: row.queue_address as string },
    requester: { email: row.requester_email as string, name: (row.requester_name as string | null) ?? null },
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
    sla: (row.sla as SlaJson[]).map((s) => ({
      kind: s.kind,
      dueAt: s.dueAt === null ? null : new Date(s.dueAt),
      state: s.state,
      startedAt: new Date(s.startedAt),
      pauses: (s.pauses ?? []).map((p) => ({ from: new Date(p.from), to: p.to === null ? null : new Date(p.to) })),
      carriedOverMs: Number(s.carriedOverMs ?? 0),
      targetMs: s.targetMs === null ? null : Number(s.targetMs),
      calendar: calendarOrFallback(s.calendar),
    })),
    language: (row.language as string | null) ?? null,
    triage: row.triage as TriageResult,
    triageDismissed: (row.triage_dismissed as string[] | null) ?? [],
    tags: (row.tags as string[] | null) ?? [],
    linkedTicket: row.linked_ticket_id ? { id: row.linked_ticket_id as string, number: row.linked_ticket_number as string, reason: row.link_reason as LinkReason } : null,
    spam:
      row.spam_signals === null
        ? null
        : {
            signals: row.spam_signals as string[],
            intendedQueue: row.intended_queue_id ? { id: row.intended_queue_id as string, slug: row.intended_queue_slug as string, name: row.intended_queue_name as string } : null,
            acknowledgementHeld: row.acknowledgement_held === true,
          },
    assignee: userRefOf(row, 'assignee'),
    purgedAt: (row.purged_at as Date | null) ?? null,
    tombstone: (row.tombstone as Tombstone | null) ?? null,
    ...(row.list_position instanceof Date ? { listPosition: row.list_position } : {}),
  };
}

function mapArticle(row: Record<string, unknown>): ArticleRecord {
  return {
    id: row.id as string,
    ticketId: row.ticket_id as string,
    direction: row.direction as ArticleDirection,
    from: row.from_email ? { email: row.from_email as string, name: (row.from_name as string | null) ?? null } : null,
    to: row.to_addresses as AddressRecord[],
    cc: row.cc_addresses as AddressRecord[],
    subject: row.subject as string,
    text: row.body_text as string,
    html: (row.body_html as string | null) ?? null,
    messageId: (row.message_id as string | null) ?? null,
    references: (row.reference_ids as string[]) ?? [],
    createdAt: row.created_at as Date,
    flagged: (row.flagged as ArticleFlag | null) ?? null,
    systemNote: (row.system_note as SystemNoteKind | null) ?? null,
    author: userRefOf(row, 'author'),
  };
}

function userRefOf(row: Record<string, unknown>, prefix: 'assignee' | 'author'): UserRef | null {
  const id = row[`${prefix}_id`] as string | null;
  return id ? { id, name: row[`${prefix}_name`] as string, email: row[`${prefix}_email`] as string } : null;
}
