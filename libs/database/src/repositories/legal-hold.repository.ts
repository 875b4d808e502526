import type { LegalHold } from '@casework/domain';
import type { Db } from '../db.js';

/** A ticket's facts a new hold needs, under the ticket's row lock. */
export interface HoldTarget {
  id: string;
  queueId: string;
  requesterId: string;
  mergedIntoId: string | null;
  purgedAt: Date | null;
}

export interface HoldListFilter {
  ticketId?: string;
  contactId?: string;
  /** Also released and expired holds. */
  includeInactive: boolean;
  /** Ticket holds only of these queues (null: every queue); contact holds are not of a queue. */
  queueIds: string[] | null;
}

const COLUMNS = `h.id, h.ticket_id, h.contact_id, h.reason, h.until, h.created_by, h.created_at, h.released_at, h.released_by`;
const ACTIVE = `h.released_at IS NULL AND (h.until IS NULL OR h.until > now())`;

/**
 * Legal holds. The locking protocol that makes a hold and a removal (purge, delete, erase, merge)
 * exclusive: placing a hold locks its ticket (FOR UPDATE) or its contact (FOR UPDATE) first; a
 * removal locks its tickets FOR UPDATE and calls `lockHoldsOfTickets`, which share-locks their
 * requesters before reading the holds. Whichever commits second sees the first.
 */
export class LegalHoldRepository {
  async lockTicket(tx: Db, ticketId: string): Promise<HoldTarget | null> {
    const [row] = await tx.query(
      `SELECT id, queue_id AS "queueId", requester_id AS "requesterId", merged_into_id AS "mergedIntoId", purged_at AS "purgedAt"
         FROM ticket WHERE id = $1 FOR UPDATE`,
      [ticketId],
    );
    return row ?? null;
  }

  /** False: no such contact. */
  async lockContact(tx: Db, contactId: string): Promise<boolean> {
    const rows = await tx.query(`SELECT id FROM contact WHERE id = $1 FOR UPDATE`, [contactId]);
    return rows.length > 0;
  }

  async place(tx: Db, hold: { ticketId: string | null; contactId: string | null; reason: string; until: Date | null; createdById: string }): Promise<LegalHold> {
    const [row] = await tx.query(
      `INSERT INTO legal_hold AS h (ticket_id, contact_id, reason, until, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [hold.ticketId, hold.contactId, hold.reason, hold.until, hold.createdById],
    );
    return holdOf(row);
  }

  /** The hold with the queue of its ticket (null for a contact's hold). */
  async find(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<{ hold: LegalHold; queueId: string | null } | null> {
    const [row] = await db.query(
      `SELECT ${COLUMNS}, t.queue_id FROM legal_hold h LEFT JOIN ticket t ON t.id = h.ticket_id
        WHERE h.id = $1 ${options.forUpdate ? 'FOR UPDATE OF h' : ''}`,
      [id],
    );
    return row ? { hold: holdOf(row), queueId: (row.queue_id as string | null) ?? null } : null;
  }

  async release(tx: Db, id: string, releasedById: string): Promise<LegalHold> {
    // In a WITH: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
    const [row] = await tx.query(`WITH h AS (UPDATE legal_hold SET released_at = now(), released_by = $2 WHERE id = $1 RETURNING *) SELECT ${COLUMNS} FROM h`, [id, releasedById]);
    return holdOf(row);
  }

  async list(db: Db, filter: HoldListFilter): Promise<(LegalHold & { queueId: string | null })[]> {
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT ${COLUMNS}, t.queue_id FROM legal_hold h LEFT JOIN ticket t ON t.id = h.ticket_id
        WHERE ($1::uuid IS NULL OR h.ticket_id = $1 OR h.contact_id = (SELECT requester_id FROM ticket WHERE id = $1))
          AND ($2::uuid IS NULL OR h.contact_id = $2 OR h.ticket_id IN (SELECT id FROM ticket WHERE requester_id = $2))
          AND ($3 OR ${ACTIVE})
          AND (h.ticket_id IS NULL OR $4::uuid[] IS NULL OR t.queue_id = ANY($4::uuid[]))
        ORDER BY h.created_at DESC, h.id LIMIT 1000`,
      [filter.ticketId ?? null, filter.contactId ?? null, filter.includeInactive, filter.queueIds],
    );
    return rows.map((row) => ({ ...holdOf(row), queueId: (row.queue_id as string | null) ?? null }));
  }

  /**
   * The active holds on each of these tickets (theirs, and their requesters'), their requesters
   * share-locked first: the caller holds the tickets' row locks (see the class comment).
   */
  async lockHoldsOfTickets(tx: Db, ticketIds: string[]): Promise<Map<string, LegalHold[]>> {
    const held = new Map<string, LegalHold[]>();
    if (ticketIds.length === 0) return held;
    await tx.query(`SELECT c.id FROM contact c WHERE c.id IN (SELECT requester_id FROM ticket WHERE id = ANY($1::uuid[])) ORDER BY c.id FOR SHARE OF c`, [ticketIds]);
    const rows: Record<string, unknown>[] = await tx.query(
      `SELECT ${COLUMNS}, t.id AS held_ticket_id FROM ticket t
         JOIN legal_hold h ON (h.ticket_id = t.id OR h.contact_id = t.requester_id) AND ${ACTIVE}
        WHERE t.id = ANY($1::uuid[])`,
      [ticketIds],
    );
    for (const row of rows) {
      const ticketId = row.held_ticket_id as string;
      held.set(ticketId, [...(held.get(ticketId) ?? []), holdOf(row)]);
    }
    return held;
  }

  /** Every active hold that protects something of a person: on them, or on a ticket of theirs. The caller holds the contact's lock. */
  async activeForContact(tx: Db, contactId: string): Promise<LegalHold[]> {
    const rows: Record<string, unknown>[] = await tx.query(
      `SELECT ${COLUMNS} FROM legal_hold h
        WHERE (h.contact_id = $1 OR h.ticket_id IN (SELECT id FROM ticket WHERE requester_id = $1)) AND ${ACTIVE}
        ORDER BY h.created_at`,
      [contactId],
    );
    return rows.map(holdOf);
  }
}

/**
 * SQL that is true when ticket `alias` is under an active hold (its own or its requester's), for
 * a purge's candidate query; the purge re-checks under the locks with lockHoldsOfTickets.
 */
export function ticketIsHeldSql(alias: string): string {
  return `EXISTS (SELECT 1 FROM legal_hold h WHERE (h.ticket_id = ${alias}.id OR h.contact_id = ${alias}.requester_id) AND ${ACTIVE})`;
}

function holdOf(row: Record<string, unknown>): LegalHold {
  return {
    id: row.id as string,
    ticketId: (row.ticket_id as string | null) ?? null,
    contactId: (row.contact_id as string | null) ?? null,
    reason: row.reason as string,
    until: (row.until as Date | null) ?? null,
    createdById: row.created_by as string,
    createdAt: row.created_at as Date,
    releasedAt: (row.released_at as Date | null) ?? null,
    releasedById: (row.released_by as string | null) ?? null,
  };
}
