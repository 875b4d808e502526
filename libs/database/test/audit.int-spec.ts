import type { DataSource } from 'typeorm';
import { AuditRepository, createDataSource, type AuditEventRecord, type NewAuditEvent } from '@casework/database';
import { createMigratedDatabase, type TestDatabase } from '@casework/devkit';
import { AUDIT_GENESIS_HASH, auditEventHash } from '@casework/domain';

const ANA = '00000000-0000-4000-8000-0000000000a1';
const BEN = '00000000-0000-4000-8000-0000000000a2';
const QUEUE_OPEN = '00000000-0000-4000-8000-0000000000b1';
const QUEUE_RESTRICTED = '00000000-0000-4000-8000-0000000000b2';
const TICKET_1 = '00000000-0000-4000-8000-0000000000c1';
const TICKET_2 = '00000000-0000-4000-8000-0000000000c2';

function event(overrides: Partial<NewAuditEvent> = {}): NewAuditEvent {
  return {
    actorId: ANA,
    actorEmail: 'ana@example.org',
    action: 'ticket.read',
    subject: `ticket:${TICKET_1}`,
    ticketIds: [TICKET_1],
    queueId: QUEUE_RESTRICTED,
    ip: '192.0.2.7',
    userAgent: 'jest',
    requestId: 'req-1',
    ...overrides,
  };
}

/**
 * The audit trail's storage on a private database: appends chain (also when twenty
 * transactions append at once), Postgres refuses to change or remove an event, a row changed
 * or removed behind the trigger's back is named by verify, and the list filters and pages.
 */
describe('AuditRepository (real Postgres)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const audit = new AuditRepository();
  const append = (e: NewAuditEvent): Promise<AuditEventRecord> => ds.transaction((tx) => audit.append(tx, e));
  const all = async (): Promise<AuditEventRecord[]> => (await audit.list(ds, {}, { limit: 10_000 })).sort((a, b) => a.seq - b.seq);

  beforeAll(async () => {
    db = await createMigratedDatabase();
    ds = createDataSource({ url: db.url, poolSize: 8 });
    await ds.initialize();
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  describe('append', () => {
    it('starts the chain at the genesis hash, links each event to the one before and reads back as it hashed', async () => {
      const first = await append(event({ details: { status: { before: 'open', after: 'closed' }, dropped: undefined } }));
      const second = await append(event({ action: 'ticket.status_changed', actorId: BEN.toUpperCase(), ticketIds: [TICKET_2.toUpperCase()] }));
      expect(first.prevHash).toBe(AUDIT_GENESIS_HASH);
      expect(second.prevHash).toBe(first.hash);
      expect(second.seq).toBeGreaterThan(first.seq);
      expect(first.details).toEqual({ status: { before: 'open', after: 'closed' } });
      // Upper-case uuids are stored as Postgres prints them, so the hash still holds.
      expect([second.actorId, second.ticketIds]).toEqual([BEN, [TICKET_2]]);
      for (const stored of [first, second]) expect(auditEventHash(stored)).toBe(stored.hash);
      expect(await all()).toEqual([first, second]);
      expect(await audit.verify(ds)).toEqual({ ok: true, checked: 2, firstBrokenId: null });
    });

    it('keeps one chain when twenty transactions append at once', async () => {
      const before = (await all()).length;
      const appended = await Promise.all(Array.from({ length: 20 }, (_, i) => append(event({ requestId: `concurrent-${i}` }))));
      const chain = await all();
      expect(chain).toHaveLength(before + 20);
      // Every event has its own predecessor: no two chained to the same one.
      expect(new Set(appended.map((e) => e.prevHash)).size).toBe(20);
      chain.forEach((e, i) => expect(e.prevHash).toBe(i === 0 ? AUDIT_GENESIS_HASH : chain[i - 1].hash));
      expect(await audit.verify(ds)).toEqual({ ok: true, checked: before + 20, firstBrokenId: null });
    });

    it('appends a batch as consecutive links, also while single appends run beside it', async () => {
      const before = (await all()).length;
      const batch = Array.from({ length: 5 }, (_, i) => event({ requestId: `batch-${i}`, ticketIds: [TICKET_1, TICKET_2], details: { n: i } }));
      const [stored] = await Promise.all([ds.transaction((tx) => audit.appendAll(tx, batch)), append(event({ requestId: 'beside' }))]);
      expect(stored.map((e) => e.requestId)).toEqual(batch.map((e) => e.requestId));
      stored.slice(1).forEach((e, i) => expect([e.prevHash, e.seq]).toEqual([stored[i].hash, stored[i].seq + 1]));
      expect(stored[4].ticketIds).toEqual([TICKET_1, TICKET_2]);
      expect(await ds.transaction((tx) => audit.appendAll(tx, []))).toEqual([]);
      expect((await all()).length).toBe(before + 6);
      expect(await audit.verify(ds)).toEqual({ ok: true, checked: before + 6, firstBrokenId: null });
    });

    it('walks the chain in batches: the same verdict whatever the batch size', async () => {
      const whole = await audit.verify(ds);
      expect(await audit.verify(ds, { batchSize: 3 })).toEqual(whole);
      expect(await audit.verify(ds, { batchSize: 1 })).toEqual(whole);
    });

    it('refuses to append outside a transaction or under a snapshot older than the last append', async () => {
      await expect(audit.append(ds.manager, event())).rejects.toThrow('needs a transaction');
      const runner = ds.createQueryRunner();
      try {
        await runner.startTransaction('REPEATABLE READ');
        await expect(audit.append(runner.manager, event())).rejects.toThrow('needs a read committed transaction, not repeatable read');
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    });
  });

  describe('append-only', () => {
    it.each([
      ['UPDATE', `UPDATE audit_event SET subject = 'forged'`],
      ['DELETE', `DELETE FROM audit_event`],
      ['TRUNCATE', `TRUNCATE audit_event`],
    ])('Postgres refuses %s with the trigger’s error', async (operation, sql) => {
      const count = (await all()).length;
      await expect(ds.query(sql)).rejects.toThrow(`audit_event is append-only: ${operation} is refused`);
      expect(await all()).toHaveLength(count);
    });
  });

  describe('verify', () => {
    /** As the superuser, with the trigger off: what an intruder with database access could do. */
    async function behindTheTrigger(sql: string, params: unknown[]): Promise<void> {
      await ds.transaction(async (tx) => {
        await tx.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
        await tx.query(sql, params);
        await tx.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`);
      });
    }

    it('names an event changed behind the trigger’s back, and is whole again once it is put back', async () => {
      const chain = await all();
      const victim = chain[5];
      await behindTheTrigger(`UPDATE audit_event SET details = '{"status":{"before":"open","after":"open"}}' WHERE id = $1`, [victim.id]);
      expect(await audit.verify(ds)).toEqual({ ok: false, checked: chain.length, firstBrokenId: victim.id });
      await behindTheTrigger(`UPDATE audit_event SET details = $2 WHERE id = $1`, [victim.id, JSON.stringify(victim.details)]);
      expect(await audit.verify(ds)).toEqual({ ok: true, checked: chain.length, firstBrokenId: null });
    });

    it('names the event after one removed (its link no longer holds)', async () => {
      const chain = await all();
      const removed = chain[3];
      await behindTheTrigger(`DELETE FROM audit_event WHERE id = $1`, [removed.id]);
      expect(await audit.verify(ds)).toEqual({ ok: false, checked: chain.length - 1, firstBrokenId: chain[4].id });
      const r = removed;
      await behindTheTrigger(
        `INSERT INTO audit_event (id, seq, at, actor_id, actor_email, action, ticket_ids, queue_id, subject, details, ip, user_agent, request_id, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8, $9, $10, $11, $12, $13, $14, $15)`,
        [r.id, r.seq, r.at, r.actorId, r.actorEmail, r.action, r.ticketIds, r.queueId, r.subject, JSON.stringify(r.details), r.ip, r.userAgent, r.requestId, r.prevHash, r.hash],
      );
      expect(await audit.verify(ds)).toEqual({ ok: true, checked: chain.length, firstBrokenId: null });
    });
  });

  describe('list', () => {
    let marks: AuditEventRecord[];

    beforeAll(async () => {
      marks = [];
      for (const [action, actorId, queueId, ticketIds] of [
        ['token.created', BEN, null, []],
        ['ticket.read', ANA, QUEUE_OPEN, [TICKET_1, TICKET_2]],
        ['ticket.status_changed', BEN, QUEUE_OPEN, [TICKET_2]],
        ['auth.failed', null, null, []],
      ] as const) {
        marks.push(await append(event({ action, actorId, queueId, ticketIds: [...ticketIds], subject: 'list-test' })));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    });

    const ids = (events: AuditEventRecord[]): string[] => events.map((e) => e.id);
    const newestFirst = (events: AuditEventRecord[]): string[] => ids([...events].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1)));

    it('answers newest first, and pages through everything once with the keyset', async () => {
      const everything = await audit.list(ds, {}, { limit: 10_000 });
      expect(ids(everything)).toEqual(newestFirst(everything));
      const paged: AuditEventRecord[] = [];
      let after: { at: Date; id: string } | undefined;
      for (;;) {
        const page = await audit.list(ds, {}, { limit: 7, after });
        paged.push(...page);
        if (page.length < 7) break;
        after = { at: page[6].at, id: page[6].id };
      }
      expect(ids(paged)).toEqual(ids(everything));
    });

    it('filters by ticket (any of its ticket ids), actor, action and queues', async () => {
      const listTest = (events: AuditEventRecord[]): AuditEventRecord[] => events.filter((e) => e.subject === 'list-test');
      expect(ids(listTest(await audit.list(ds, { ticketId: TICKET_2 }, { limit: 100 })))).toEqual(ids([marks[2], marks[1]]));
      expect(ids(await audit.list(ds, { actorId: BEN }, { limit: 100 }))).toEqual(expect.arrayContaining(ids([marks[2], marks[0]])));
      expect((await audit.list(ds, { actorId: BEN }, { limit: 100 })).every((e) => e.actorId === BEN)).toBe(true);
      expect(ids(await audit.list(ds, { action: 'token.created' }, { limit: 100 }))).toEqual([marks[0].id]);
      expect(ids(await audit.list(ds, { queueIds: [QUEUE_OPEN] }, { limit: 100 }))).toEqual(ids([marks[2], marks[1]]));
      expect(await audit.list(ds, { queueIds: [] }, { limit: 100 })).toEqual([]);
      expect(ids(await audit.list(ds, { queueIds: [QUEUE_OPEN], actorId: ANA, ticketId: TICKET_1 }, { limit: 100 }))).toEqual([marks[1].id]);
    });

    it('filters by time: since is inclusive, until exclusive', async () => {
      expect(ids(await audit.list(ds, { since: marks[1].at, until: marks[3].at }, { limit: 100 }))).toEqual(ids([marks[2], marks[1]]));
    });
  });
});
