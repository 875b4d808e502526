import { createHash } from 'node:crypto';
import type { TicketHistoryDto } from '../src/ticket-merge/dto/ticket-history.dto.js';
import type { TicketDetailDto } from '../src/tickets/dto/ticket-detail.dto.js';
import type { TicketDto } from '../src/tickets/dto/ticket.dto.js';
import type { ValidationErrorBody } from '../src/common/validation-exception.factory.js';
import { ApiFixture, type SeededTicket } from './api-fixture.js';

/**
 * Merge, split and history over HTTP on the built api: what moves, what the merged ticket
 * answers, the queue rule (never into a less restricted queue), hidden tickets, events, audit,
 * and the history of a status change with its actor.
 */
describe('api merge, split and history (built process)', () => {
  const app = new ApiFixture();
  let specialist: { id: string; token: string };
  let ops: { token: string };
  let restrictedQueueId: string;
  let seq = 0;

  const seed = (subject: string): Promise<SeededTicket> => app.seedTicket(subject, (seq += 1));
  const detail = async (id: string, token = specialist.token) => (await app.call<TicketDetailDto>(`/tickets/${id}`, { token })).body;
  const merge = (id: string, intoTicketId: string, token = specialist.token) => app.call<TicketDto & { code?: string; message?: string }>(`/tickets/${id}/merge`, { method: 'POST', json: { intoTicketId }, token });
  const split = (id: string, articleIds: unknown, token = specialist.token) => app.call<TicketDto & ValidationErrorBody>(`/tickets/${id}/split`, { method: 'POST', json: { articleIds }, token });
  const addNote = async (ticketId: string, text: string): Promise<string> =>
    (await app.ds.query(`INSERT INTO article (ticket_id, direction, subject, body_text) VALUES ($1, 'note', '', $2) RETURNING id`, [ticketId, text]))[0].id;
  const intoRestricted = (ticketId: string) => app.ds.query(`UPDATE ticket SET queue_id = $2 WHERE id = $1`, [ticketId, restrictedQueueId]);

  async function user(email: string, role: string): Promise<{ id: string; token: string }> {
    const { body: created } = await app.call<{ id: string }>('/users', { method: 'POST', json: { email, name: `${role} user`, role } });
    const { body: token } = await app.call<{ token: string }>(`/users/${created.id}/tokens`, { method: 'POST', json: { name: 'merge' } });
    return { id: created.id, token: token.token };
  }

  beforeAll(async () => {
    await app.start();
    specialist = await user('sam@merge.test', 'specialist');
    ops = await user('olga@merge.test', 'ops');
    const { body: queue } = await app.call<{ id: string }>('/queues', { method: 'POST', json: { slug: 'cp', name: 'Child protection', address: 'cp@casework.test', restricted: true } });
    restrictedQueueId = queue.id;
    expect((await app.call(`/queues/${queue.id}/access`, { method: 'PUT', json: { grants: [{ userId: specialist.id, level: 'write' }] } })).status).toBe(200);
  }, 120_000);

  afterAll(() => app.stop(), 60_000);

  it('moves articles, notes, attachments and tags to the target; the source closes, answers mergedInto and its running clocks are met', async () => {
    const source = await seed('Doxxing report');
    const target = await seed('Harassment report');
    await app.ds.query(`UPDATE ticket SET tags = $2 WHERE id = $1`, [source.id, ['doxxing', 'harassment']]);
    await app.ds.query(`UPDATE ticket SET tags = $2 WHERE id = $1`, [target.id, ['harassment']]);
    const noteId = await addNote(source.id, 'Checked the profile: it is him.');
    const content = Buffer.from('screenshot bytes');
    const sha = createHash('sha256').update(content).digest('hex');
    await app.ds.query(`INSERT INTO blob (sha256, size, content) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [sha, content.length, content]);
    await app.ds.query(
      `INSERT INTO attachment (article_id, position, sha256, blob_sha256, filename, declared_content_type, size) VALUES ($1, 0, $2, $2, 'shot.png', 'image/png', $3)`,
      [noteId, sha, content.length],
    );
    for (const id of [source.id, target.id]) {
      await app.ds.query(`INSERT INTO sla_clock (ticket_id, kind, started_at, due_at) VALUES ($1, 'first_response', now(), now() + interval '1 hour')`, [id]);
    }

    const { status, body } = await merge(source.id, target.id);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: target.id, number: target.number, tags: ['harassment', 'doxxing'], mergedInto: null });

    const merged = await detail(target.id);
    expect(merged.articles).toHaveLength(5);
    expect(merged.articles.find((a) => a.id === noteId)).toMatchObject({ direction: 'note', attachments: [expect.objectContaining({ filename: 'shot.png', sha256: sha })] });
    expect(merged.sla).toEqual([expect.objectContaining({ kind: 'first_response', state: 'running' })]);

    const gone = await detail(source.id);
    expect(gone).toMatchObject({ status: 'closed', mergedInto: { id: target.id, number: target.number }, articles: [] });
    expect(gone.sla).toEqual([expect.objectContaining({ kind: 'first_response', state: 'met' })]);

    const [event] = await app.ds.query(`SELECT envelope -> 'data' AS data FROM outbox WHERE subject = 'casework.ticket.merged'`);
    expect(event.data).toEqual({ sourceTicketId: source.id, targetTicketId: target.id, queueId: expect.any(String), byUserId: specialist.id });
    const [audit] = await app.ds.query(`SELECT ticket_ids::text[] AS ids, actor_email FROM audit_event WHERE action = 'ticket.merged'`);
    expect(audit).toEqual({ ids: [source.id, target.id], actor_email: 'sam@merge.test' });

    // Neither a merged ticket nor a ticket into itself.
    expect([(await merge(source.id, target.id)).status, (await merge(target.id, source.id)).status, (await merge(target.id, target.id)).status]).toEqual([409, 409, 409]);
    expect((await merge(target.id, target.id)).body.code).toBe('MergeRefused');
  });

  it('refuses to move a restricted case into an open queue (409) and lets an open one into the restricted queue', async () => {
    const secret = await seed('Restricted case');
    const open = await seed('Open case');
    await intoRestricted(secret.id);
    const refused = await merge(secret.id, open.id);
    expect([refused.status, refused.body.code]).toEqual([409, 'MergeRefused']);
    expect(refused.body.message).toMatch(/less restricted/);
    expect((await detail(secret.id)).articles).toHaveLength(2);

    const allowed = await merge(open.id, secret.id);
    expect(allowed.status).toBe(200);
    expect((await detail(secret.id)).articles).toHaveLength(4);
  });

  it('answers 404 for a ticket hidden from the caller, on either side, and moves nothing', async () => {
    const secret = await seed('Hidden case');
    const open = await seed('Visible case');
    await intoRestricted(secret.id);
    // The bootstrap admin holds no grant on the restricted queue: it does not exist for them.
    for (const [from, into] of [[open.id, secret.id], [secret.id, open.id]]) {
      const { status, body } = await app.call<{ code: string }>(`/tickets/${from}/merge`, { method: 'POST', json: { intoTicketId: into } });
      expect([status, body.code]).toEqual([404, 'TicketNotFound']);
    }
    expect((await detail(open.id)).articles).toHaveLength(2);
  });

  it('splits articles off into a new ticket in the same queue for the same requester', async () => {
    const ticket = await seed('Two different problems');
    const noteId = await addNote(ticket.id, 'This part is about the second account.');
    const [inbound, outbound] = (await detail(ticket.id)).articles;
    expect([inbound.direction, outbound.direction]).toEqual(['inbound', 'outbound']);

    const { status, body } = await split(ticket.id, [noteId, outbound.id]);
    expect(status).toBe(201);
    expect(body).toMatchObject({ subject: 'Re: Two different problems', status: 'open', queue: { slug: 'safety' }, requester: { email: 'reporter@example.org' } });
    expect(body.id).not.toBe(ticket.id);
    expect((await detail(body.id)).articles.map((a) => a.id)).toEqual([outbound.id, noteId]);
    expect((await detail(ticket.id)).articles.map((a) => a.id)).toEqual([inbound.id]);
    const [event] = await app.ds.query(`SELECT envelope -> 'data' AS data FROM outbox WHERE subject = 'casework.ticket.split'`);
    expect(event.data).toEqual({ sourceTicketId: ticket.id, newTicketId: body.id, queueId: expect.any(String), articleIds: [outbound.id, noteId], byUserId: specialist.id, priority: 'normal' });
  });

  it('refuses a split of no, unknown or all articles (400 naming them)', async () => {
    const ticket = await seed('Nothing to split');
    const { articles } = await detail(ticket.id);
    const stranger = (await detail((await seed('Someone else')).id)).articles[0].id;
    const empty = await split(ticket.id, []);
    expect([empty.status, Object.keys(empty.body.fields)]).toEqual([400, ['articleIds']]);
    const unknown = await split(ticket.id, [stranger]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields.articleIds.join(' ')).toContain(stranger);
    expect((await split(ticket.id, articles.map((a) => a.id))).status).toBe(400);
    expect((await split(ticket.id, ['not-a-uuid'])).status).toBe(400);
    expect((await detail(ticket.id)).articles).toHaveLength(2);
  });

  it('lists a status change with its actor, newest last; a metadata viewer sees kinds and times, not content', async () => {
    const ticket = await seed('History case');
    await app.ds.query(`INSERT INTO ticket_history (ticket_id, kind, details, created_at) VALUES ($1, 'unknown_sender_flagged', '{"sender":"ex@example.com"}', now() - interval '1 minute')`, [ticket.id]);
    expect((await app.call(`/tickets/${ticket.id}`, { method: 'PATCH', json: { status: 'pending', priority: 'high' }, token: specialist.token })).status).toBe(200);

    const { status, body } = await app.call<TicketHistoryDto>(`/tickets/${ticket.id}/history`, { token: specialist.token });
    expect(status).toBe(200);
    const actor = { id: specialist.id, name: 'specialist user', email: 'sam@merge.test' };
    expect(body.items).toEqual([
      { id: expect.any(String), kind: 'unknown_sender_flagged', details: { sender: 'ex@example.com' }, actor: null, at: expect.any(String) },
      { id: expect.any(String), kind: 'status_changed', details: { from: 'open', to: 'pending' }, actor, at: expect.any(String) },
      { id: expect.any(String), kind: 'priority_changed', details: { from: 'normal', to: 'high' }, actor, at: expect.any(String) },
    ]);
    const times = body.items.map((item) => Date.parse(item.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    const metadata = await app.call<TicketHistoryDto>(`/tickets/${ticket.id}/history`, { token: ops.token });
    expect(metadata.body.items.map((item) => [item.kind, item.details])).toEqual([
      ['unknown_sender_flagged', null],
      ['status_changed', { from: 'open', to: 'pending' }],
      ['priority_changed', { from: 'normal', to: 'high' }],
    ]);
  });
});
