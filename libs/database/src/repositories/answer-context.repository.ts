import type { AnswerContext } from '@casework/domain';
import type { Db } from '../db.js';

// A quote of the previous message never needs more than this.
const QUOTED_CHARS = 20_000;

/** Everything an answer to each ticket needs, in one statement: the ticket (with the language routing detected), its queue, requester and newest inbound mail. */
export class AnswerContextRepository {
  async forTickets(db: Db, ticketIds: readonly string[]): Promise<Map<string, AnswerContext>> {
    if (ticketIds.length === 0) return new Map();
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT t.id, t.number, t.subject, t.priority, t.created_at, t.language,
              q.id AS queue_id, q.name AS queue_name, q.address AS queue_address, q.default_locale, q.time_zone, q.emergency,
              c.email AS requester_email, c.name AS requester_name,
              (SELECT min(s.due_at) FROM sla_clock s WHERE s.ticket_id = t.id AND s.state = 'running') AS sla_due_at,
              a.id AS inbound_id, a.message_id AS inbound_message_id, a.reference_ids AS inbound_references,
              left(a.body_text, ${QUOTED_CHARS}) AS inbound_text, a.from_email AS inbound_from, a.created_at AS inbound_at
         FROM ticket t JOIN queue q ON q.id = t.queue_id JOIN contact c ON c.id = t.requester_id
         LEFT JOIN LATERAL (SELECT id, message_id, reference_ids, body_text, from_email, created_at FROM article
                             WHERE ticket_id = t.id AND direction = 'inbound' AND flagged IS NULL ORDER BY created_at DESC, id DESC LIMIT 1) a ON true
        WHERE t.id = ANY($1::uuid[])`,
      [[...new Set(ticketIds)]],
    );
    return new Map(rows.map((row) => [row.id as string, mapContext(row)]));
  }
}

function mapContext(row: Record<string, unknown>): AnswerContext {
  const language = typeof row.language === 'string' && row.language.trim() !== '' ? row.language.trim().toLowerCase() : null;
  return {
    ticket: {
      id: row.id as string,
      number: row.number as string,
      subject: row.subject as string,
      priority: row.priority as string,
      createdAt: row.created_at as Date,
      language,
      slaDueAt: (row.sla_due_at as Date | null) ?? null,
    },
    queue: {
      id: row.queue_id as string,
      name: row.queue_name as string,
      address: row.queue_address as string,
      defaultLocale: (row.default_locale as string | null) ?? null,
      timeZone: (row.time_zone as string | null) ?? null,
      emergency: row.emergency === true,
    },
    requester: { email: row.requester_email as string, name: (row.requester_name as string | null) ?? null },
    lastInbound:
      row.inbound_id === null
        ? null
        : {
            messageId: (row.inbound_message_id as string | null) ?? null,
            references: (row.inbound_references as string[] | null) ?? [],
            text: (row.inbound_text as string | null) ?? '',
            from: (row.inbound_from as string | null) ?? null,
            date: row.inbound_at as Date,
          },
  };
}
