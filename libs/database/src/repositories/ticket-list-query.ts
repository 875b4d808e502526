import type { TicketPriority, TicketStatus } from '@casework/domain';

export const TICKET_SORTS = ['created', 'updated', 'due'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

/** A position after the last ticket of a page: its sort key (a time) and id. */
export interface TicketListPosition {
  at: Date;
  id: string;
}

/**
 * What the ticket list selects; every given filter must hold. `created` and `updated` sort
 * newest first, `due` soonest first (the earliest running SLA clock; tickets without one last).
 */
export interface TicketListFilter {
  status?: TicketStatus;
  queueId?: string;
  /** Only tickets of these queues (the caller's visible ones); absent: every queue. */
  queueIds?: string[];
  /** A user's id, or `none` for unassigned tickets. */
  assignee?: string;
  tag?: string;
  priority?: TicketPriority;
  requesterId?: string;
  /** Tickets with a breached SLA clock. */
  breached?: boolean;
  createdFrom?: Date;
  createdTo?: Date;
  updatedFrom?: Date;
  updatedTo?: Date;
  sort?: TicketSort;
  limit: number;
  /** Exclusive keyset position in the chosen sort. */
  after?: TicketListPosition;
}

/** A statement and its parameters: what `list` sends (EXPLAIN it to see the plan). */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/** Tickets without a running clock sort last under `due`: this stands for "never" (a Date can hold it, unlike infinity). */
export const NEVER_DUE = new Date('9999-12-31T00:00:00.000Z');

const NEXT_DUE = `coalesce((SELECT min(s.due_at) FROM sla_clock s WHERE s.ticket_id = ticket.id AND s.state = 'running'), '${NEVER_DUE.toISOString()}'::timestamptz)`;

const SORT_KEYS: Record<TicketSort, { key: string; descending: boolean }> = {
  created: { key: 'created_at', descending: true },
  updated: { key: 'updated_at', descending: true },
  due: { key: NEXT_DUE, descending: false },
};

export const TICKET_PAGE_COLUMNS = `id, number, subject, status, priority, queue_id, requester_id, created_at, updated_at, language, triage, tags,
  linked_ticket_id, linked_ticket_number, link_reason, spam_signals, intended_queue_id, acknowledgement_held, assignee_id, merged_into_id, purged_at, tombstone`;

/**
 * The page's ticket rows, chosen on the ticket table alone: equality on the filtered columns and
 * the keyset bound on (sort key, id), so the plain created-order cases each read one range of
 * one index from its start and stop after `limit` rows (ticket_newest, ticket_by_status_newest,
 * ticket_by_queue_newest, ticket_by_queue_status; ticket_by_assignee, ticket_by_requester and
 * the tags GIN index narrow the others). The caller joins only these rows to the rest.
 */
export function ticketPageQuery(filter: TicketListFilter): SqlStatement & { sortKey: string; descending: boolean } {
  const where: string[] = [];
  const params: unknown[] = [];
  const bind = (value: unknown, cast = ''): string => {
    params.push(value);
    return `$${params.length}${cast}`;
  };
  if (filter.queueId) where.push(`queue_id = ${bind(filter.queueId)}`);
  if (filter.queueIds) where.push(`queue_id = ANY(${bind(filter.queueIds, '::uuid[]')})`);
  if (filter.status) where.push(`status = ${bind(filter.status)}`);
  if (filter.assignee === 'none') where.push('assignee_id IS NULL');
  else if (filter.assignee) where.push(`assignee_id = ${bind(filter.assignee, '::uuid')}`);
  if (filter.tag) where.push(`tags @> ARRAY[${bind(filter.tag)}]::text[]`);
  if (filter.priority) where.push(`priority = ${bind(filter.priority)}`);
  if (filter.requesterId) where.push(`requester_id = ${bind(filter.requesterId, '::uuid')}`);
  if (filter.breached) where.push(`EXISTS (SELECT 1 FROM sla_clock b WHERE b.ticket_id = ticket.id AND b.state = 'breached')`);
  if (filter.createdFrom) where.push(`created_at >= ${bind(filter.createdFrom)}`);
  if (filter.createdTo) where.push(`created_at < ${bind(filter.createdTo)}`);
  if (filter.updatedFrom) where.push(`updated_at >= ${bind(filter.updatedFrom)}`);
  if (filter.updatedTo) where.push(`updated_at < ${bind(filter.updatedTo)}`);
  const { key, descending } = SORT_KEYS[filter.sort ?? 'created'];
  const direction = descending ? 'DESC' : 'ASC';
  if (filter.after) where.push(`(${key}, id) ${descending ? '<' : '>'} (${bind(filter.after.at, '::timestamptz')}, ${bind(filter.after.id, '::uuid')})`);
  const sql = `(SELECT ${TICKET_PAGE_COLUMNS}, ${key} AS list_position FROM ticket ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
     ORDER BY ${key} ${direction}, id ${direction} LIMIT ${bind(filter.limit)})`;
  return { sql, params, sortKey: 'list_position', descending };
}
