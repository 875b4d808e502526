import type { DataSource } from 'typeorm';
import { createDataSource, QueueRepository, seedDefaults, TicketReadRepository, type Db, ContactReadRepository } from '@casework/database';
import { createMigratedDatabase, type TestDatabase } from '@casework/devkit';
import type { TicketStatus } from '@casework/domain';
import { TicketAccessService, TicketScope } from '../src/access/ticket-access.service.js';
import type { Caller } from '../src/auth/caller.js';
import { encodePageCursor } from '../src/common/page-cursor.util.js';
import { ListTicketsUseCase } from '../src/tickets/list-tickets.use-case.js';
import { fillTickets, type FilledTickets } from '../../../bench/fill-tickets.js';

const TICKETS = 200_000;
const LIMIT = 50;

/** A node of EXPLAIN (FORMAT JSON)'s plan tree, as far as these tests read it. */
interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Filter?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

/** What a statement did to the ticket table. */
interface TicketRead {
  node: string;
  index: string | null;
  filter: string | null;
  rows: number;
}

function ticketReads(node: PlanNode, into: TicketRead[] = []): TicketRead[] {
  if (node['Relation Name'] === 'ticket') {
    into.push({ node: node['Node Type'], index: node['Index Name'] ?? null, filter: node.Filter ?? null, rows: node['Actual Rows'] * node['Actual Loops'] });
  }
  for (const child of node.Plans ?? []) ticketReads(child, into);
  return into;
}

/**
 * The ticket list on a table large enough for the planner to show its hand (200,000 tickets in
 * 20 queues, ANALYZEd): each filter combination GET /tickets offers, with and without a
 * cursor, runs through ListTicketsUseCase on a connection that records its statements, and
 * each recorded statement is EXPLAIN ANALYZEd as sent. The page must be read from one index
 * range, all filters in the index condition, and no more ticket rows than the page holds: a
 * queue matched by slug through the join walked ticket_newest over the whole table instead.
 */
describe('ticket list plans (real Postgres, 200,000 tickets)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let filled: FilledTickets;
  let deep: { createdAt: Date; id: string };
  const statements: { sql: string; params: unknown[] }[] = [];
  const recording: Db = {
    query: (sql: string, params?: unknown[]) => {
      statements.push({ sql, params: params ?? [] });
      return ds.query(sql, params);
    },
  };
  // An admin on a database without restricted queues: every queue is visible, so the plans are
  // those of the unscoped list (the scope's facts are not what this test is about).
  const everyQueue = { scopeOf: async () => new TicketScope(new Map()), noteListed: TicketAccessService.prototype.noteListed } as unknown as TicketAccessService;
  const admin: Caller = { userId: '00000000-0000-4000-8000-000000000000', email: 'admin@plans.test', role: 'admin', tokenId: null, via: 'bootstrap' };
  const service = new ListTicketsUseCase(recording, new TicketReadRepository(), new QueueRepository(), new ContactReadRepository(), everyQueue);

  beforeAll(async () => {
    db = await createMigratedDatabase();
    ds = createDataSource({ url: db.url, poolSize: 2, applicationName: 'casework-ticket-plans-test' });
    await ds.initialize();
    await seedDefaults(ds, { queueAddress: 'safety@casework.test', firstResponseMinutes: 60 });
    filled = await fillTickets(ds, { tickets: TICKETS });
    // Page 21 of the unfiltered list, as in the measurements.
    deep = await filled.positionAt(20 * LIMIT);
  }, 120_000);

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  type Case = [label: string, status: TicketStatus | undefined, queue: 'busy' | 'restricted' | undefined, index: string];
  const cases: Case[] = [
    ['no filter', undefined, undefined, 'ticket_newest'],
    ['status', 'pending', undefined, 'ticket_by_status_newest'],
    ['busy queue', undefined, 'busy', 'ticket_by_queue_newest'],
    ['small restricted queue', undefined, 'restricted', 'ticket_by_queue_newest'],
    ['busy queue + status', 'open', 'busy', 'ticket_by_queue_status'],
    ['small restricted queue + status with few tickets', 'open', 'restricted', 'ticket_by_queue_status'],
  ];
  const withCursors = cases.flatMap(([label, ...rest]): [string, ...Case, boolean][] => [
    [label, label, ...rest, false],
    [`${label}, page 21`, label, ...rest, true],
  ]);

  it.each(withCursors)('%s: one index range, no filtering, no more rows than the page', async (_name, _label, status, queue, index, paged) => {
    const queueSlug = queue && filled[queue].slug;
    const after = paged ? deep : undefined;
    statements.length = 0;
    const page = await service.execute(admin, { status, queue: queueSlug, limit: LIMIT, cursor: after && encodePageCursor({ at: after.createdAt, id: after.id }) });
    expect(statements.length).toBeGreaterThan(0);

    const reads: TicketRead[] = [];
    for (const { sql, params } of statements) {
      const [{ 'QUERY PLAN': explained }]: { 'QUERY PLAN': { Plan: PlanNode }[] }[] = await ds.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
      reads.push(...ticketReads(explained[0].Plan));
    }
    // Exactly one read of the ticket table: the page, from the index that orders it.
    expect(reads).toEqual([{ node: 'Index Scan', index, filter: null, rows: expect.any(Number) }]);
    expect(reads[0].rows).toBeLessThanOrEqual(LIMIT + 1);

    // And it is the right page (the reference query does not care how fast it is).
    const expected: { id: string }[] = await ds.query(
      `SELECT t.id FROM ticket t JOIN queue q ON q.id = t.queue_id
        WHERE ($1::text IS NULL OR t.status = $1) AND ($2::text IS NULL OR q.slug = $2)
          AND ($3::timestamptz IS NULL OR (t.created_at, t.id) < ($3::timestamptz, $4::uuid))
        ORDER BY t.created_at DESC, t.id DESC LIMIT ${LIMIT}`,
      [status ?? null, queueSlug ?? null, after?.createdAt ?? null, after?.id ?? null],
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(page.tickets.map((t) => t.id)).toEqual(expected.map((r) => r.id));
  });

  it('answers an unknown queue with an empty page, without reading tickets', async () => {
    statements.length = 0;
    expect(await service.execute(admin, { queue: 'no-such-queue', status: 'open', limit: LIMIT })).toMatchObject({ tickets: [], nextCursor: null });
    expect(statements.some(({ sql }) => /\bticket\b/.test(sql))).toBe(false);
  });
});
