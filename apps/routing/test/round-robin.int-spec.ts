import { randomUUID } from 'node:crypto';
import { mail, RoutingBed } from './support/routing-bed.js';

/**
 * Round-robin on open on the built routing process: a queue that assigns on open gives each new
 * ticket to the least-loaded user on shift with write access, skips whoever is at the cap, and
 * leaves a ticket unassigned when nobody qualifies; each assignment is an event and a history row.
 */
describe('routing: round-robin on open (built process)', () => {
  let routing: RoutingBed;
  const users: Record<string, string> = {};

  const report = (subject: string) =>
    mail([`From: writer-${randomUUID()}@example.org`, 'To: safety@casework.test', `Subject: ${subject}`, `Message-ID: <${randomUUID()}@example.org>`, 'Content-Type: text/plain; charset=utf-8'], 'Please help.');
  const assigneeOf = async (raw: string): Promise<string | null> => {
    const { ticket_id: id } = await routing.articleOf(raw);
    const [row] = await routing.ds.query(`SELECT assignee_id FROM ticket WHERE id = $1`, [id]);
    return row.assignee_id;
  };
  const onShift = (email: string, queues: string[] = []) =>
    routing.ds.query(`INSERT INTO oncall_shift (name, email, starts_at, ends_at, queues) VALUES ($1, $1, now() - interval '1 hour', now() + interval '1 hour', $2::text[])`, [email, queues]);

  beforeAll(async () => {
    routing = await RoutingBed.start();
    for (const [name, role] of [['ana', 'specialist'], ['ben', 'specialist'], ['oli', 'ops'], ['off', 'specialist']] as const) {
      const [{ id }] = await routing.ds.query(`INSERT INTO app_user (email, name, role) VALUES ($1, $2, $3) RETURNING id`, [`${name}@rr.test`, name, role]);
      users[name] = id;
    }
    // Ana and Ben are on shift for every queue, Oli (ops: may not write) too; "off" is not on shift.
    for (const name of ['ana', 'ben', 'oli']) await onShift(`${name.toUpperCase()}@rr.test`);
    await onShift('off@rr.test', ['another-queue']);
  }, 60_000);

  afterAll(() => routing?.stop(), 30_000);

  it('assigns nothing while the queue does not assign on open', async () => {
    expect(await assigneeOf(await routing.route(report('Before round-robin')))).toBeNull();
  });

  it('alternates between the writers on shift by load, up to the cap, then leaves tickets unassigned', async () => {
    await routing.ds.query(`UPDATE queue SET auto_assign = true, max_open_per_assignee = 2 WHERE slug = 'safety'`);
    const assigned: (string | null)[] = [];
    for (let i = 0; i < 5; i++) assigned.push(await assigneeOf(await routing.route(report(`Report ${i}`))));
    expect(assigned.slice(0, 4).sort()).toEqual([users.ana, users.ana, users.ben, users.ben].sort());
    expect(assigned[0]).not.toBe(assigned[1]);
    expect(assigned[4]).toBeNull();

    const events: { envelope: { data: { toUserId: string; byUserId: string | null } } }[] = await routing.ds.query(`SELECT envelope FROM outbox WHERE subject = 'casework.ticket.assigned'`);
    expect(events.map((e) => e.envelope.data.toUserId).sort()).toEqual([users.ana, users.ana, users.ben, users.ben].sort());
    expect(events.every((e) => e.envelope.data.byUserId === null)).toBe(true);
    const [{ n }] = await routing.ds.query(`SELECT count(*)::int AS n FROM ticket_history WHERE kind = 'assigned' AND details->>'by' = 'round_robin'`);
    expect(n).toBe(4);
  });

  it('frees a place when a ticket is resolved', async () => {
    await routing.ds.query(`UPDATE ticket SET status = 'resolved' WHERE id = (SELECT id FROM ticket WHERE assignee_id = $1 ORDER BY created_at LIMIT 1)`, [users.ben]);
    expect(await assigneeOf(await routing.route(report('After a resolve')))).toBe(users.ben);
  });
});
