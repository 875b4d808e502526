import type { Db } from '../db.js';

/** What ops alert on, read from the database on each scrape (counts and ages only, never content). */
export interface OpsSnapshot {
  mailboxes: { address: string; state: string; leaseAgeSeconds: number | null; lastMessageAgeSeconds: number | null }[];
  outbox: { unpublished: number; oldestUnpublishedAgeSeconds: number };
  outbound: { status: string; count: number }[];
  quarantined: number;
  slaClocks: { queue: string; state: 'running' | 'at_risk' | 'breached'; count: number }[];
}

const seconds = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

export class OpsReportRepository {
  async snapshot(db: Db): Promise<OpsSnapshot> {
    const [mailboxes, [outbox], outbound, [quarantined], slaClocks] = await Promise.all([
      // The newest message per mailbox through raw_message_latest: one index probe each.
      db.query(
        `SELECT m.address, coalesce(s.state, 'connecting') AS state,
                extract(epoch FROM now() - s.lease_renewed_at) AS lease_age,
                extract(epoch FROM now() - (SELECT r.received_at FROM raw_message r WHERE r.mailbox_id = m.id ORDER BY r.received_at DESC LIMIT 1)) AS last_message_age
           FROM mailbox m LEFT JOIN mailbox_status s ON s.mailbox_id = m.id
          WHERE m.enabled AND m.deleted_at IS NULL AND m.transport = 'imap'`,
      ),
      db.query(`SELECT count(*)::int AS unpublished, coalesce(extract(epoch FROM now() - min(created_at)), 0) AS oldest FROM outbox WHERE published_at IS NULL`),
      db.query(`SELECT status, count(*)::int AS count FROM outbound_message GROUP BY status`),
      db.query(`SELECT count(*)::int AS count FROM raw_message WHERE status = 'quarantined'`),
      db.query(
        `SELECT q.slug AS queue, CASE WHEN c.state = 'breached' THEN 'breached' WHEN c.warn_at <= now() THEN 'at_risk' ELSE 'running' END AS state, count(*)::int AS count
           FROM sla_clock c JOIN ticket t ON t.id = c.ticket_id JOIN queue q ON q.id = t.queue_id
          WHERE c.state IN ('running', 'breached') GROUP BY 1, 2`,
      ),
    ]);
    return {
      mailboxes: mailboxes.map((row: Record<string, unknown>) => ({
        address: row.address as string,
        state: row.state as string,
        leaseAgeSeconds: seconds(row.lease_age),
        lastMessageAgeSeconds: seconds(row.last_message_age),
      })),
      outbox: { unpublished: outbox.unpublished, oldestUnpublishedAgeSeconds: Number(outbox.oldest) },
      outbound,
      quarantined: quarantined.count,
      slaClocks,
    };
  }
}
