import type { TicketPriority, TriageResult } from '@casework/domain';
import type { Db } from '../db.js';

/** What a hash-list match changes on an existing ticket (null: unchanged). */
export interface TicketEscalation {
  queueId: string | null;
  priority: TicketPriority | null;
  triage: TriageResult;
  tags: readonly string[];
}

/**
 * Routing's escalation of an existing ticket whose new mail carries an attachment on a hash list
 * (libs/domain escalateForHashListHit), in the caller's transaction, under the row lock it holds.
 */
export class TicketEscalationRepository {
  /** The ticket's triage now (null when never triaged). */
  async triageOf(tx: Db, ticketId: string): Promise<TriageResult | null> {
    const [row] = await tx.query(`SELECT triage FROM ticket WHERE id = $1`, [ticketId]);
    return (row?.triage as TriageResult | null | undefined) ?? null;
  }

  async escalate(tx: Db, ticketId: string, change: TicketEscalation): Promise<void> {
    await tx.query(
      `UPDATE ticket SET queue_id = COALESCE($2, queue_id), priority = COALESCE($3, priority), triage = $4::jsonb,
              tags = ARRAY(SELECT DISTINCT unnest(tags || $5::text[])),
              -- Moved: out of spam for good (as not-spam would), the child-safety queue is where it belongs.
              spam_signals = CASE WHEN $2::uuid IS NULL THEN spam_signals END, intended_queue_id = CASE WHEN $2::uuid IS NULL THEN intended_queue_id END,
              updated_at = now()
        WHERE id = $1`,
      [ticketId, change.queueId, change.priority, JSON.stringify(change.triage), change.tags],
    );
  }
}
