import type { TriageCategory } from '@casework/domain';
import type { Db } from '../db.js';

/** Per category × language: tickets triage raised (level ≥ 1), paged (level 2), and how many of those a specialist dismissed. */
export interface TriageStatsRow {
  category: string;
  language: string;
  raised: number;
  paged: number;
  dismissed: number;
}

/** Specialists' verdicts on triage, and the counts that tune it. */
export class TriageReviewRepository {
  /** The categories already dismissed on a ticket, under its row lock (null: no such ticket). */
  async lockForDismissal(tx: Db, ticketId: string): Promise<{ queueId: string; triage: unknown; tags: string[]; dismissed: string[] } | null> {
    const [row] = await tx.query(
      `SELECT t.queue_id AS "queueId", t.triage, t.tags, ARRAY(SELECT d.category FROM triage_dismissal d WHERE d.ticket_id = t.id) AS dismissed
         FROM ticket t WHERE t.id = $1 FOR UPDATE`,
      [ticketId],
    );
    return row ?? null;
  }

  async dismiss(tx: Db, dismissal: { ticketId: string; category: TriageCategory; level: 1 | 2; language: string; reason: string; userId: string }): Promise<void> {
    await tx.query(`INSERT INTO triage_dismissal (ticket_id, category, level, language, reason, dismissed_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
      dismissal.ticketId,
      dismissal.category,
      dismissal.level,
      dismissal.language,
      dismissal.reason,
      dismissal.userId,
    ]);
  }

  /** Over the tickets of `queueIds` (null: every queue). */
  async stats(db: Db, queueIds: string[] | null): Promise<TriageStatsRow[]> {
    return db.query(
      `SELECT c->>'category' AS category, c->>'language' AS language,
              count(*)::int AS raised, count(*) FILTER (WHERE (c->>'level')::int = 2)::int AS paged,
              count(d.ticket_id)::int AS dismissed
         FROM ticket t CROSS JOIN jsonb_array_elements(t.triage->'categories') AS c
         LEFT JOIN triage_dismissal d ON d.ticket_id = t.id AND d.category = c->>'category'
        WHERE t.triage->>'level' <> '0' AND ($1::uuid[] IS NULL OR t.queue_id = ANY($1::uuid[]))
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [queueIds],
    );
  }
}
