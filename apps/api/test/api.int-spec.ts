import type { ValidationErrorBody } from '../src/common/validation-exception.factory.js';
import type { QueueListDto } from '../src/queues/dto/queue.dto.js';
import type { BreachListDto } from '../src/sla/dto/breach.dto.js';
import type { TicketDetailDto } from '../src/tickets/dto/ticket-detail.dto.js';
import type { TicketDto, TicketPageDto } from '../src/tickets/dto/ticket.dto.js';
import { ApiFixture, TOKEN, type RequestOptions, type SeededTicket } from './api-fixture.js';

const UNKNOWN_ID = '8c0a9b4e-3f57-4c1e-9d2a-6f0e1b2c3d4e';
const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
type Envelope = { envelope: { data: unknown } };

describe('api (built process)', () => {
  const app = new ApiFixture();
  let ticket: SeededTicket;
  const subjects = (page: TicketPageDto) => page.items.map((t) => t.subject);
  /** Asserts a 400 in the validation format; returns the offending fields' names. */
  const badFields = async (path: string, init: RequestOptions = {}) => {
    const { status, body } = await app.call<ValidationErrorBody>(path, init);
    expect([status, body.statusCode, body.error]).toEqual([400, 400, 'Bad Request']);
    expect(body.message).toBe(`Validation failed: ${Object.keys(body.fields).join(', ')}`);
    return Object.keys(body.fields);
  };

  beforeAll(async () => {
    await app.start();
    ticket = await app.seedTicket('Harassment report', 1);
    for (const minutesAgo of [2, 3, 4]) await app.seedTicket(`Older report ${minutesAgo}`, minutesAgo);
    await app.seedBreach(ticket.id);
  }, 90_000);

  afterAll(() => app.stop(), 60_000);

  it('refuses requests without the right bearer token', async () => {
    for (const token of [null, 'wrong-token-wrong-token', `${TOKEN}x`]) {
      const { status, body } = await app.call<{ statusCode: number }>('/queues', { token });
      expect([status, body.statusCode]).toEqual([401, 401]);
    }
    expect((await app.request('/queues', { token: null, headers: { authorization: TOKEN } })).status).toBe(401);
    expect((await app.request('/metrics', { token: null })).status).toBe(401);
    expect((await app.request('/metrics')).status).toBe(200);
  });

  it('reports health without a token', async () => {
    const { status, body } = await app.call<{ status: string }>('/health', { token: null });
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
  });

  it('lists queues: the seeded one and the system queues routing files mail into (spam, postmaster)', async () => {
    const { body } = await app.call<QueueListDto>('/queues');
    const routing = { addresses: [], unknownSenderFollowup: 'flag', reopenWindowDays: 30, defaultLocale: null, timeZone: null, emergency: false, autoAssign: false, maxOpenPerAssignee: 10, retentionDays: null };
    expect(body.items).toEqual([
      { id: expect.any(String), slug: 'postmaster', name: 'Postmaster', address: 'safety@casework.test', opsEmails: [], restricted: false, role: 'postmaster', ...routing, spamScoreThreshold: null },
      { id: expect.any(String), slug: 'safety', name: 'Safety', address: 'safety@casework.test', opsEmails: [], restricted: false, role: null, ...routing, spamScoreThreshold: 5 },
      { id: expect.any(String), slug: 'spam', name: 'Spam (review)', address: 'safety@casework.test', opsEmails: [], restricted: false, role: 'spam', ...routing, spamScoreThreshold: null },
    ]);
  });

  it('pages through tickets newest first', async () => {
    const first = (await app.call<TicketPageDto>('/tickets?limit=2')).body;
    expect(subjects(first)).toEqual(['Harassment report', 'Older report 2']);
    expect(first.items[0]).toEqual({
      ...{ id: ticket.id, number: ticket.number, subject: 'Harassment report', status: 'open', priority: 'normal' },
      ...{ queue: { slug: 'safety', name: 'Safety' }, requester: { email: 'reporter@example.org', name: 'Rita Reporter' } },
      ...{ createdAt: ISO, updatedAt: ISO, sla: [{ kind: 'first_response', dueAt: ISO, state: 'breached', remainingMs: null }] },
      ...{ language: null, triage: { level: 0, categories: [] }, tags: [], linkedTicket: null, spam: null, assignee: null, purgedAt: null, tombstone: null },
    });
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await app.call<TicketPageDto>(`/tickets?limit=2&cursor=${first.nextCursor}`)).body;
    expect(subjects(second)).toEqual(['Older report 3', 'Older report 4']);
    expect(second.nextCursor).toBeNull();
    expect((await app.call<TicketPageDto>('/tickets?status=open&queue=safety')).body.items).toHaveLength(4);
    expect((await app.call<TicketPageDto>('/tickets?queue=nope')).body).toEqual({ items: [], nextCursor: null });
  });

  it('names the bad query parameters', async () => {
    expect(await badFields('/tickets?status=bogus')).toEqual(['status']);
    expect(await badFields('/tickets?cursor=bm9wZQ')).toEqual(['cursor']);
    expect(await badFields('/tickets?limit=0')).toEqual(['limit']);
    expect(await badFields('/tickets?limit=101')).toEqual(['limit']);
    expect(await badFields('/sla/breaches?limit=501')).toEqual(['limit']);
  });

  it('answers 404 for unknown and malformed ticket ids', async () => {
    for (const id of [UNKNOWN_ID, 'not-a-uuid']) {
      const { status, body } = await app.call<{ statusCode: number; code: string }>(`/tickets/${id}`);
      expect([status, body.statusCode, body.code]).toEqual([404, 404, 'TicketNotFound']);
    }
  });

  it('returns a ticket with its articles oldest first and sanitised html', async () => {
    const { body } = await app.call<TicketDetailDto>(`/tickets/${ticket.id}`);
    expect(body).toMatchObject({ id: ticket.id, subject: 'Harassment report' });
    expect(body.articles.map((a) => a.direction)).toEqual(['inbound', 'outbound']);
    const [inbound, outbound] = body.articles;
    expect(inbound).toMatchObject({
      from: { email: 'reporter@example.org', name: 'Rita Reporter' },
      to: [{ email: 'safety@casework.test', name: null }],
      text: 'First message',
      messageId: ticket.inboundMessageId,
      createdAt: ISO,
    });
    expect(inbound.html).toContain('<b>message</b>');
    expect(inbound.html).not.toContain('<script');
    expect(outbound.html).toBeNull();
  });

  it('validates replies', async () => {
    const path = `/tickets/${ticket.id}/replies`;
    expect(await badFields(path, { method: 'POST', json: {} })).toEqual(['body']);
    expect(await badFields(path, { method: 'POST', json: { body: '  \n ' } })).toEqual(['body']);
    expect(await badFields(path, { method: 'POST', json: { body: 'x'.repeat(100_001) } })).toEqual(['body']);
    expect(await badFields(path, { method: 'POST', json: { body: 'x', extra: 1 } })).toEqual(['extra']);
    const malformed = await app.request(path, { method: 'POST', body: '{"body":', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect((await app.request(`/tickets/${UNKNOWN_ID}/replies`, { method: 'POST', json: { body: 'hello' } })).status).toBe(404);
  });

  it('queues a reply threaded onto the last inbound message', async () => {
    const { status, body } = await app.call<{ outboundId: string }>(`/tickets/${ticket.id}/replies`, { method: 'POST', json: { body: 'We are on it.' } });
    expect(status).toBe(202);
    const [row] = await app.ds.query('SELECT * FROM outbound_message WHERE id = $1', [body.outboundId]);
    expect(row).toMatchObject({
      ...{ kind: 'reply', ticket_id: ticket.id, in_reply_to: ticket.inboundMessageId, reference_ids: [ticket.inboundMessageId] },
      ...{ from_email: 'safety@casework.test', to_email: 'reporter@example.org', body_text: 'We are on it.' },
      subject: `Re: Harassment report [#${ticket.number}]`,
    });
    expect(row.message_id).toMatch(/^[^<>\s]+@casework\.test$/);
    const events: Envelope[] = await app.ds.query(`SELECT envelope FROM outbox WHERE subject = 'casework.reply.requested'`);
    expect(events.map((e) => e.envelope.data)).toEqual([{ outboundId: body.outboundId, ticketId: ticket.id }]);
  });

  it('changes the status and records the change once', async () => {
    expect(await badFields(`/tickets/${ticket.id}`, { method: 'PATCH', json: { status: 'done' } })).toEqual(['status']);
    for (let i = 0; i < 2; i++) {
      const { status, body } = await app.call<TicketDto>(`/tickets/${ticket.id}`, { method: 'PATCH', json: { status: 'pending' } });
      expect([status, body.id, body.status]).toEqual([200, ticket.id, 'pending']);
    }
    const events: Envelope[] = await app.ds.query(`SELECT envelope FROM outbox WHERE subject = 'casework.ticket.status_changed'`);
    expect(events.map((e) => e.envelope.data)).toEqual([{ ticketId: ticket.id, from: 'open', to: 'pending' }]);
    expect((await app.request('/tickets/not-a-uuid', { method: 'PATCH', json: { status: 'open' } })).status).toBe(404);
  });

  // The bootstrap token is an admin, who may reopen a closed ticket (to open) but not move it anywhere else.
  it('keeps a closed ticket closed: 409 saying why, and no event', async () => {
    const closing = await app.seedTicket('To be closed', 5);
    expect((await app.call<TicketDto>(`/tickets/${closing.id}`, { method: 'PATCH', json: { status: 'closed' } })).status).toBe(200);
    const { status, body } = await app.call<{ code: string; message: string }>(`/tickets/${closing.id}`, { method: 'PATCH', json: { status: 'pending' } });
    expect([status, body.code, body.message]).toEqual([409, 'InvalidStatusTransition', 'a closed ticket can only be reopened (to open)']);
    const events: Envelope[] = await app.ds.query(`SELECT envelope FROM outbox WHERE subject = 'casework.ticket.status_changed' AND envelope->'data'->>'ticketId' = $1`, [
      closing.id,
    ]);
    expect(events.map((e) => e.envelope.data)).toEqual([{ ticketId: closing.id, from: 'open', to: 'closed' }]);
  });

  it('lists SLA breaches', async () => {
    const { body } = await app.call<BreachListDto>('/sla/breaches?limit=10');
    expect(body.items).toEqual([
      { ticketId: ticket.id, kind: 'first_response', dueAt: ISO, breachedAt: ISO, clockId: expect.any(String), ticketNumber: ticket.number, queueId: expect.any(String) },
    ]);
  });

  it('serves the OpenAPI docs without a token', async () => {
    const docs = app.base.replace(/\/v1$/, '/docs');
    const ui = await app.request(docs, { token: null });
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toContain('text/html');
    const { body } = await app.call<{ paths: object; components: { securitySchemes: object } }>(`${docs}-json`, { token: null });
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/tickets', '/api/v1/tickets/{id}', '/api/v1/tickets/{id}/replies', '/api/v1/queues', '/api/v1/sla/breaches']),
    );
    expect(body.components.securitySchemes).toHaveProperty('bearer');
  });

  it('reports unhealthy once NATS is gone', async () => {
    await app.nats.stop();
    const { status, body } = await app.call<{ status: string; error: object }>('/health', { token: null });
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'error', error: { nats: { status: 'down' } } });
  });
});
