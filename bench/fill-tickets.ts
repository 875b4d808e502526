import type { Db } from '@casework/database';

export interface FillOptions {
  tickets: number;
  /** Queues the tickets are spread over; the last one, `restricted`, holds 1 % of them. */
  queues?: number;
  /** One inbound article per ticket (what GET /tickets/:id reads). */
  articles?: boolean;
}

export interface FilledQueue {
  id: string;
  slug: string;
}

export interface FilledTickets {
  /** A queue with 1/(queues − 1) of the other 99 % of the tickets, a quarter of them open. */
  busy: FilledQueue;
  /** The small restricted queue: 1 % of the tickets, one open ticket in 250 of them (4 at 100,000 tickets). */
  restricted: FilledQueue;
  /** The (createdAt, id) of the ticket `n` places from the newest, for a cursor deep in the list. */
  positionAt(n: number): Promise<{ createdAt: Date; id: string }>;
}

/**
 * Fills a migrated, seeded database the way a team at scale has it, with INSERT … SELECT over
 * generate_series (nothing crosses the wire), then VACUUMs and ANALYZEs it. Tickets are one second apart
 * (newest last); statuses in the busy queues are 25 % open, 10 % pending, 25 % resolved, 40 %
 * closed, spread evenly over time; the restricted queue's are nearly all closed, so a page of
 * its open tickets, read through the newest-first index and filtered, walks the whole table.
 * 1,000,000 tickets with their articles take about a minute.
 */
export async function fillTickets(db: Db, options: FillOptions): Promise<FilledTickets> {
  const queues = options.queues ?? 20;
  if (queues < 2) throw new Error('fillTickets needs at least two queues');
  const busyQueues = queues - 1;
  await db.query(
    `INSERT INTO queue (slug, name, address)
     SELECT 'queue-' || lpad(g::text, 2, '0'), 'Queue ' || g, 'queue-' || g || '@casework.test' FROM generate_series(1, $1::int) g
     UNION ALL SELECT 'restricted', 'Restricted', 'restricted@casework.test'`,
    [busyQueues],
  );
  await db.query(`INSERT INTO contact (email, name) SELECT 'requester-' || g || '@example.org', 'Requester ' || g FROM generate_series(1, 1000) g`);
  await db.query(
    `WITH busy AS (SELECT array_agg(id ORDER BY slug) AS ids FROM queue WHERE slug LIKE 'queue-%'),
          restricted AS (SELECT id FROM queue WHERE slug = 'restricted'),
          requesters AS (SELECT array_agg(id ORDER BY email) AS ids FROM contact WHERE email LIKE 'requester-%@example.org')
     INSERT INTO ticket (number, subject, status, priority, queue_id, requester_id, created_at, updated_at)
     SELECT 'L' || g, 'Report ' || g,
            CASE WHEN g % 100 = 0 THEN CASE WHEN g % 25000 = 0 THEN 'open' WHEN g % 300 = 0 THEN 'resolved' ELSE 'closed' END
                 WHEN g % 20 < 5 THEN 'open' WHEN g % 20 < 7 THEN 'pending' WHEN g % 20 < 12 THEN 'resolved' ELSE 'closed' END,
            CASE WHEN g % 10 = 0 THEN 'high' ELSE 'normal' END,
            CASE WHEN g % 100 = 0 THEN restricted.id ELSE busy.ids[1 + g % $2::int] END,
            requesters.ids[1 + g % 1000],
            timestamptz '2025-01-01T00:00:00Z' + g * interval '1 second',
            timestamptz '2025-01-01T00:00:00Z' + g * interval '1 second'
       FROM generate_series(1, $1::int) g, busy, restricted, requesters`,
    [options.tickets, busyQueues],
  );
  if (options.articles) {
    await db.query(
      `INSERT INTO article (ticket_id, direction, from_email, from_name, to_addresses, subject, body_text, message_id, created_at)
       SELECT t.id, 'inbound', c.email, c.name, '[{"email":"safety@casework.test","name":null}]', t.subject, 'Please look at this account.', t.number || '@reporter.example', t.created_at
         FROM ticket t JOIN contact c ON c.id = t.requester_id WHERE t.number LIKE 'L%'`,
    );
  }
  // VACUUM too: otherwise autovacuum takes the fresh million rows on while they are measured.
  for (const table of ['queue', 'contact', 'ticket', 'article']) await db.query(`VACUUM (ANALYZE) ${table}`);
  const [busy]: FilledQueue[] = await db.query(`SELECT id, slug FROM queue WHERE slug = 'queue-01'`);
  const [restricted]: FilledQueue[] = await db.query(`SELECT id, slug FROM queue WHERE slug = 'restricted'`);
  return {
    busy,
    restricted,
    positionAt: async (n) => {
      const [row]: { created_at: Date; id: string }[] = await db.query('SELECT created_at, id FROM ticket ORDER BY created_at DESC, id DESC OFFSET $1 LIMIT 1', [n]);
      return { createdAt: row.created_at, id: row.id };
    },
  };
}
