import type { DeliveryState } from '@casework/domain';
import type { Db } from '../db.js';
import { preparedStatement, queryPrepared } from '../prepared-statement.js';
import { mapOutbound, OUTBOUND_COLUMNS, type OutboundRecord } from './outbound.repository.js';

/** A claimed message: `attempts` counts the attempt now starting. */
export interface ClaimedOutbound extends OutboundRecord {
  hasAttachments: boolean;
}

/**
 * How one attempt ended, to record: sent (with the exact bytes put on the wire, kept for case
 * export), queued again after `retryInMs`, or failed for good.
 */
export type AttemptRecord = { id: string; error: string | null } & ({ state: 'sent'; raw: Buffer } | { state: 'queued'; retryInMs: number } | { state: 'failed' });

/** What the ticket shows of an outgoing mail. */
export interface DeliveryRecord {
  articleId: string;
  outboundId: string;
  state: DeliveryState;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  nextAttemptAt: Date | null;
  locale: string | null;
  template: { id: string; key: string; version: number } | null;
}

/** The deliveries of a ticket's outgoing articles, asked by every read of a ticket: prepared once per connection. */
const TICKET_DELIVERIES = preparedStatement(
  `SELECT a.id AS article_id, o.id, o.status, o.attempts, o.last_error, o.sent_at, o.next_attempt_at, o.locale, o.template_id, o.template_version, t.key AS template_key
     FROM article a JOIN outbound_message o ON o.id = a.outbound_id LEFT JOIN template t ON t.id = o.template_id
    WHERE a.ticket_id = $1`,
);

/**
 * The sending half of outbound mail: `queued → sending → sent | failed`. A sender claims rows
 * (commits `sending` with a claim id and a lease) before its SMTP conversations and records each
 * outcome afterwards, under that claim only, so no transaction stays open while a server is slow.
 * A sender that dies in between (after a 250, before recording it) leaves rows `sending`; once
 * the lease has passed, the retry sweep claims them again and they are resent with the same
 * Message-ID: at least once, never two different messages.
 */
export class OutboundDeliveryRepository {
  /**
   * Claims these rows for one attempt: those queued, or sending under a lease that has passed,
   * and not yet out of attempts; rows locked or claimed elsewhere are skipped. In the given order.
   */
  async claim(tx: Db, ids: readonly string[], claimId: string, leaseMs: number, maxAttempts: number): Promise<ClaimedOutbound[]> {
    if (ids.length === 0) return [];
    const unique = [...new Set(ids)];
    const rows: Record<string, unknown>[] = await tx.query(
      `WITH picked AS (
         SELECT id FROM outbound_message
          WHERE id = ANY($1::uuid[]) AND attempts < $4
            AND (status = 'queued' OR (status = 'sending' AND claimed_until < now()))
          FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE outbound_message o SET status = 'sending', attempts = o.attempts + 1, claim_id = $2,
                claimed_until = now() + make_interval(secs => $3::float8 / 1000)
           FROM picked WHERE o.id = picked.id
         RETURNING o.*)
       SELECT ${OUTBOUND_COLUMNS}, a.id AS article_id, EXISTS (SELECT 1 FROM attachment x WHERE x.article_id = a.id) AS has_attachments
         FROM claimed o LEFT JOIN article a ON a.outbound_id = o.id`,
      [unique, claimId, leaseMs, maxAttempts],
    );
    const byId = new Map(rows.map((row) => [row.id as string, { ...mapOutbound(row), hasAttachments: row.has_attachments === true }]));
    return unique.flatMap((id) => byId.get(id) ?? []);
  }

  /** Records how each claimed attempt ended, for rows still under this claim; returns the ids recorded. */
  async record(tx: Db, claimId: string, outcomes: readonly AttemptRecord[]): Promise<Set<string>> {
    if (outcomes.length === 0) return new Set();
    const rows: { id: string }[] = await tx.query(
      `WITH outcome (id, state, retry_ms, error, raw) AS (SELECT * FROM unnest($1::uuid[], $2::text[], $3::float8[], $4::text[], $6::bytea[])),
       done AS (
         UPDATE outbound_message o
            SET status = x.state, last_error = left(x.error, 1000), claim_id = NULL, claimed_until = NULL,
                sent_at = CASE WHEN x.state = 'sent' THEN now() ELSE o.sent_at END,
                sent_raw = CASE WHEN x.state = 'sent' THEN x.raw ELSE o.sent_raw END,
                next_attempt_at = CASE WHEN x.state = 'queued' THEN now() + make_interval(secs => x.retry_ms / 1000) ELSE o.next_attempt_at END
           FROM outcome x WHERE o.id = x.id AND o.claim_id = $5
         RETURNING o.id)
       SELECT id FROM done`,
      [outcomes.map((o) => o.id), outcomes.map((o) => o.state), outcomes.map((o) => (o.state === 'queued' ? o.retryInMs : 0)), outcomes.map((o) => o.error), claimId, outcomes.map((o) => (o.state === 'sent' ? o.raw : null))],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Rows to try now: queued ones whose time has come, and sending ones whose sender's lease has passed. */
  async dueIds(db: Db, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await db.query(
      `(SELECT id, next_attempt_at AS due FROM outbound_message WHERE status = 'queued' AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT $1)
       UNION ALL
       (SELECT id, claimed_until AS due FROM outbound_message WHERE status = 'sending' AND claimed_until < now() ORDER BY claimed_until LIMIT $1)
       ORDER BY due LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Fails rows whose sender died during their last allowed attempt (still `sending`, lease passed,
   * no attempt left): nobody would try them again, and a mail must not stay `sending` for ever.
   */
  async failAbandoned(tx: Db, maxAttempts: number): Promise<OutboundRecord[]> {
    const rows: Record<string, unknown>[] = await tx.query(
      `WITH gone AS (
         UPDATE outbound_message o SET status = 'failed', claim_id = NULL, claimed_until = NULL,
                last_error = left(COALESCE(o.last_error || '; ', '') || 'the sender stopped during the last attempt', 1000)
          WHERE o.id IN (SELECT id FROM outbound_message WHERE status = 'sending' AND claimed_until < now() AND attempts >= $1 FOR UPDATE SKIP LOCKED)
         RETURNING o.*)
       SELECT ${OUTBOUND_COLUMNS}, a.id AS article_id FROM gone o LEFT JOIN article a ON a.outbound_id = o.id`,
      [maxAttempts],
    );
    return rows.map(mapOutbound);
  }

  /** The delivery of every outgoing article of a ticket, by article id. */
  async ofTicket(db: Db, ticketId: string): Promise<Map<string, DeliveryRecord>> {
    const rows = await queryPrepared(db, TICKET_DELIVERIES, [ticketId]);
    return new Map(
      rows.map((row) => [
        row.article_id as string,
        {
          articleId: row.article_id as string,
          outboundId: row.id as string,
          state: row.status as DeliveryState,
          attempts: row.attempts as number,
          lastError: (row.last_error as string | null) ?? null,
          sentAt: (row.sent_at as Date | null) ?? null,
          nextAttemptAt: row.status === 'queued' ? (row.next_attempt_at as Date) : null,
          locale: (row.locale as string | null) ?? null,
          template: row.template_id ? { id: row.template_id as string, key: row.template_key as string, version: row.template_version as number } : null,
        },
      ]),
    );
  }
}
