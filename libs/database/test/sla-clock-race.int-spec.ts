import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource, QueryRunner } from 'typeorm';
import { createDataSource, QueueRepository, seedDefaults, SlaClockRepository, TicketRepository } from '@casework/database';
import { createMigratedDatabase, type TestDatabase } from '@casework/devkit';

/**
 * A specialist's reply handled while the ticket's opening transaction is still inserting its
 * first-response clock (the two subjects have separate consumers): the reply's `meet` cannot see
 * the uncommitted clock, so `meetBeforeStart` inserts, waits on the opener's row and must then
 * meet the clock the opener committed. It used to do nothing, and the clock breached later.
 */
describe('SlaClockRepository: a reply racing the clock start (real Postgres)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const clocks = new SlaClockRepository();

  beforeAll(async () => {
    db = await createMigratedDatabase();
    ds = createDataSource({ url: db.url, poolSize: 4, applicationName: 'casework-sla-race-test' });
    await ds.initialize();
    await seedDefaults(ds, { queueAddress: 'safety@casework.test', firstResponseMinutes: 60 });
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('meets the clock the opener committed while the reply waited', async () => {
    const tickets = new TicketRepository();
    const ticket = await ds.transaction(async (tx) => {
      const queue = await new QueueRepository().findDefault(tx);
      const requesterId = await tickets.upsertContact(tx, { email: 'r@example.org', name: null });
      return tickets.open(tx, { subject: 'race', queueId: queue!.id, requesterId, priority: 'normal' });
    });
    const startedAt = new Date();
    const opener: QueryRunner = ds.createQueryRunner();
    const reply: QueryRunner = ds.createQueryRunner();
    try {
      await opener.startTransaction();
      await clocks.startClocks(opener.manager, [
        { ticketId: ticket.id, kind: 'first_response', policyId: null, startedAt, targetMs: 3_600_000, dueAt: new Date(startedAt.getTime() + 3_600_000), warnAt: null },
      ]);

      await reply.startTransaction();
      const repliedAt = new Date(startedAt.getTime() + 1000);
      expect(await clocks.meet(reply.manager, ticket.id, 'first_response', repliedAt)).toBe(false);
      const waiting = clocks.meetBeforeStart(reply.manager, ticket.id, 'first_response', repliedAt);
      await sleep(200); // the insert now waits on the opener's uncommitted row
      await opener.commitTransaction();
      await waiting;
      await reply.commitTransaction();

      const [clock] = await ds.query(`SELECT state, met_at FROM sla_clock WHERE ticket_id = $1 AND kind = 'first_response'`, [ticket.id]);
      expect(clock).toEqual({ state: 'met', met_at: repliedAt });
    } finally {
      await opener.release();
      await reply.release();
    }
  });
});
