import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { STREAM_NAME } from '@casework/contracts';
import { ApiFixture, type SeededTicket } from './api-fixture.js';
import { SseClient, type SseMessage } from './sse-client.js';

const PRESENCE_TTL_SECONDS = 3;
const RECHECK_SECONDS = 1;

/** `/events` and presence over HTTP against the built api, its Postgres and its NATS. */
describe('live events and presence (built process)', () => {
  const app = new ApiFixture();
  const open: SseClient[] = [];
  let ticket: SeededTicket;
  let secret: SeededTicket;
  let granted: { id: string; token: string };
  let ungranted: { id: string; token: string };

  async function user(email: string, role = 'specialist'): Promise<{ id: string; token: string; tokenId: string }> {
    const { body: created } = await app.call<{ id: string }>('/users', { method: 'POST', json: { email, name: email.split('@')[0], role } });
    const { body: token } = await app.call<{ id: string; token: string }>(`/users/${created.id}/tokens`, { method: 'POST', json: { name: 'live' } });
    return { id: created.id, token: token.token, tokenId: token.id };
  }

  async function stream(options: Parameters<typeof SseClient.open>[1] = {}): Promise<SseClient> {
    const client = await SseClient.open(app, options);
    open.push(client);
    return client;
  }

  const patch = async (id: string, json: object, token?: string) => {
    const response = await app.request(`/tickets/${id}`, { method: 'PATCH', json, ...(token ? { token } : {}) });
    expect(response.status).toBe(200);
  };
  const isOf = (ticketId: string, event: string) => (m: SseMessage) => m.event === event && m.data.ticketId === ticketId;

  beforeAll(async () => {
    await app.start({ PRESENCE_TTL_SECONDS: String(PRESENCE_TTL_SECONDS), EVENTS_RECHECK_SECONDS: String(RECHECK_SECONDS) });
    ticket = await app.seedTicket('Live report', 3);
    secret = await app.seedTicket('Restricted live report', 2);
    const { body: queue } = await app.call<{ id: string }>('/queues', { method: 'POST', json: { slug: 'cp', name: 'Child protection', address: 'cp@casework.test', restricted: true } });
    await app.ds.query(`UPDATE ticket SET queue_id = $2 WHERE id = $1`, [secret.id, queue.id]);
    granted = await user('granted@live.test');
    ungranted = await user('ungranted@live.test');
    expect((await app.call(`/queues/${queue.id}/access`, { method: 'PUT', json: { grants: [{ userId: granted.id, level: 'write' }] } })).status).toBe(200);
  }, 90_000);

  afterEach(async () => {
    await Promise.all(open.splice(0).map((client) => client.close()));
  });

  afterAll(() => app.stop(), 60_000);

  it('streams a status change and a priority change made through the API, metadata only', async () => {
    const events = await stream();
    await patch(ticket.id, { status: 'pending' });
    await patch(ticket.id, { priority: 'high' });
    const status = await events.next(isOf(ticket.id, 'ticket.status_changed'));
    const priority = await events.next(isOf(ticket.id, 'ticket.priority_changed'));
    const [{ queue_id: queueId }] = await app.ds.query(`SELECT queue_id FROM ticket WHERE id = $1`, [ticket.id]);
    expect(status.data).toEqual({ ticketId: ticket.id, from: 'open', to: 'pending', queueId, eventId: expect.any(String), occurredAt: expect.any(String) });
    expect(priority.data).toMatchObject({ ticketId: ticket.id, from: 'normal', to: 'high', queueId });
    expect(Number(priority.id)).toBeGreaterThan(Number(status.id));
  });

  it('streams a note, a claim, tags and a merge without the note’s body', async () => {
    const events = await stream();
    const other = await app.seedTicket('Live duplicate', 4);
    expect((await app.request(`/tickets/${ticket.id}/notes`, { method: 'POST', json: { body: 'Private: the reporter called twice' } })).status).toBe(201);
    expect((await app.request(`/tickets/${ticket.id}/claim`, { method: 'POST', json: {} })).status).toBe(200);
    expect((await app.request(`/tickets/${ticket.id}/tags`, { method: 'PUT', json: { tags: ['doxxing'] } })).status).toBe(200);
    expect((await app.request(`/tickets/${other.id}/merge`, { method: 'POST', json: { intoTicketId: ticket.id } })).status).toBe(200);
    const merged = await events.next(isOf(other.id, 'ticket.merged'));
    expect(merged.data).toMatchObject({ targetTicketId: ticket.id, byUserId: await app.bootstrapUserId() });
    expect(events.of(ticket.id).map((m) => m.event)).toEqual(expect.arrayContaining(['ticket.note_added', 'ticket.assigned', 'ticket.tags_changed']));
    expect(events.of(ticket.id).find((m) => m.event === 'ticket.tags_changed')!.data.tags).toEqual(['doxxing']);
    expect(JSON.stringify(events.messages)).not.toContain('called twice');
  });

  it('sends a restricted queue’s events only to whoever holds a grant on it', async () => {
    const withGrant = await stream({ token: granted.token });
    const withoutGrant = await stream({ token: ungranted.token });
    // Ops sees unrestricted tickets as metadata only: the events are metadata, so it gets them.
    const ops = await stream({ token: (await user('ops@live.test', 'ops')).token });
    await patch(secret.id, { priority: 'high' }, granted.token);
    await patch(secret.id, { status: 'pending' }, granted.token);
    // An open ticket's change afterwards: once it has arrived, everything before it has too.
    await patch(ticket.id, { priority: 'low' });
    await withGrant.next(isOf(ticket.id, 'ticket.priority_changed'));
    await withoutGrant.next(isOf(ticket.id, 'ticket.priority_changed'));
    expect(withGrant.of(secret.id).map((m) => m.event)).toEqual(['ticket.priority_changed', 'ticket.status_changed']);
    expect(withoutGrant.of(secret.id)).toEqual([]);
    await ops.next(isOf(ticket.id, 'ticket.priority_changed'));
    expect(ops.of(secret.id)).toEqual([]);
  });

  it('stops sending a queue’s events once its grant is withdrawn, within the recheck', async () => {
    const withdrawn = await user('withdrawn@live.test');
    const [{ queue_id: cp }] = await app.ds.query(`SELECT queue_id FROM ticket WHERE id = $1`, [secret.id]);
    const grantsOf = (extra: object[]) => app.request(`/queues/${cp}/access`, { method: 'PUT', json: { grants: [{ userId: granted.id, level: 'write' }, ...extra] } });
    expect((await grantsOf([{ userId: withdrawn.id, level: 'read' }])).status).toBe(200);
    const events = await stream({ token: withdrawn.token });
    await patch(secret.id, { priority: 'normal' }, granted.token);
    await events.next(isOf(secret.id, 'ticket.priority_changed'));
    expect((await grantsOf([])).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, RECHECK_SECONDS * 1000 + 500));
    await patch(secret.id, { priority: 'high' }, granted.token);
    await patch(ticket.id, { priority: 'normal' });
    await events.next(isOf(ticket.id, 'ticket.priority_changed'));
    expect(events.of(secret.id).map((m) => m.data.to)).toEqual(['normal']);
  });

  it('resumes after a dropped connection from Last-Event-ID (header or query) without losing an event', async () => {
    const first = await stream();
    await patch(ticket.id, { priority: 'low' });
    const seen = await first.next(isOf(ticket.id, 'ticket.priority_changed'));
    await first.close();
    await patch(ticket.id, { status: 'open' });
    await patch(ticket.id, { priority: 'high' });
    await patch(ticket.id, { status: 'resolved' });
    for (const resumed of [await stream({ lastEventId: seen.id! }), await stream({ query: `?lastEventId=${seen.id}` })]) {
      await resumed.next(isOf(ticket.id, 'ticket.status_changed'), { from: 2 });
      // Nothing more is coming: the three and only the three.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(resumed.messages.map((m) => [m.event, m.data.to])).toEqual([
        ['ticket.status_changed', 'open'],
        ['ticket.priority_changed', 'high'],
        ['ticket.status_changed', 'resolved'],
      ]);
      expect(resumed.messages.every((m) => Number(m.id) > Number(seen.id))).toBe(true);
    }
    expect((await app.request('/events', { headers: { 'last-event-id': 'yesterday' } })).status).toBe(400);
  });

  it('shows presence in the ticket detail, pushes its changes and lets it expire', async () => {
    const events = await stream({ token: granted.token });
    const hidden = await stream({ token: ungranted.token });
    const beat = (state: string) => app.request(`/tickets/${secret.id}/presence`, { method: 'POST', json: { state }, token: granted.token });
    expect((await beat('viewing')).status).toBe(204);
    const viewing = await events.next(isOf(secret.id, 'ticket.presence'));
    expect(viewing.data).toMatchObject({ userId: granted.id, state: 'viewing' });
    const { body: detail } = await app.call<{ viewers: unknown[] }>(`/tickets/${secret.id}`, { token: granted.token });
    expect(detail.viewers).toEqual([{ user: { id: granted.id, name: 'granted', email: 'granted@live.test' }, state: 'viewing', since: viewing.data.since }]);
    expect((await beat('viewing')).status).toBe(204);
    expect((await beat('replying')).status).toBe(204);
    const replying = await events.next(isOf(secret.id, 'ticket.presence'), { from: events.messages.indexOf(viewing) + 1 });
    expect(replying.data.state).toBe('replying');
    const beatsStopped = Date.now();
    await events.next((m) => isOf(secret.id, 'ticket.presence')(m) && m.data.state === 'gone', { timeoutMs: (PRESENCE_TTL_SECONDS + 5) * 1000 });
    const expiredAfterMs = Date.now() - beatsStopped;
    expect(expiredAfterMs).toBeGreaterThanOrEqual(PRESENCE_TTL_SECONDS * 1000 - 100);
    // viewing, replying, gone: the repeated 'viewing' heartbeat changed nothing and was not pushed.
    expect(events.of(secret.id).filter((m) => m.event === 'ticket.presence').map((m) => m.data.state)).toEqual(['viewing', 'replying', 'gone']);
    expect((await app.call<{ viewers: unknown[] }>(`/tickets/${secret.id}`, { token: granted.token })).body.viewers).toEqual([]);
    expect(hidden.of(secret.id)).toEqual([]);
    expect((await app.request(`/tickets/${secret.id}/presence`, { method: 'POST', json: { state: 'typing' }, token: granted.token })).status).toBe(400);
    process.stdout.write(`presence expired ${expiredAfterMs} ms after the last heartbeat (ttl ${PRESENCE_TTL_SECONDS} s)\n`);
  }, 30_000);

  it('closes a stream whose token is revoked, and one whose user is disabled', async () => {
    const revoked = await user('revoked@live.test');
    const disabled = await user('disabled@live.test');
    const revokedStream = await stream({ token: revoked.token });
    const disabledStream = await stream({ token: disabled.token });
    const started = Date.now();
    expect((await app.request(`/tokens/${revoked.tokenId}`, { method: 'DELETE' })).status).toBe(204);
    expect((await app.request(`/users/${disabled.id}`, { method: 'PATCH', json: { disabled: true } })).status).toBe(200);
    await revokedStream.waitForEnd((RECHECK_SECONDS + 3) * 1000);
    await disabledStream.waitForEnd((RECHECK_SECONDS + 3) * 1000);
    process.stdout.write(`revoked and disabled streams closed within ${Date.now() - started} ms (recheck every ${RECHECK_SECONDS} s)\n`);
  });

  it("keeps a web session's stream past its rechecks, and ends it when the session is signed out", async () => {
    const reader = await user('cookie@live.test');
    const signIn = await app.request('/sessions', { method: 'POST', json: { token: reader.token }, token: null, headers: { 'x-casework-csrf': '1' } });
    expect(signIn.status).toBe(201);
    const cookie = /^casework_session=[^;]*/.exec(signIn.headers.get('set-cookie') ?? '')![0];
    const live = await stream({ cookie });
    await new Promise((resolve) => setTimeout(resolve, (RECHECK_SECONDS + 1) * 1000));
    expect(live.ended).toBe(false);
    const from = live.messages.length;
    await patch(ticket.id, { priority: 'low' });
    await live.next(isOf(ticket.id, 'ticket.priority_changed'), { from });
    expect((await app.request('/sessions', { method: 'DELETE', token: null, headers: { cookie, 'x-casework-csrf': '1' } })).status).toBe(204);
    await live.waitForEnd((RECHECK_SECONDS + 3) * 1000);
  });

  it('caps open streams per user with 429 and frees a slot and its consumer when a client leaves', async () => {
    const capped = await user('capped@live.test');
    const nc = await connect({ servers: app.nats.url });
    const consumers = async () => {
      const jsm = await jetstreamManager(nc);
      return (await jsm.consumers.list(STREAM_NAME).next()).length;
    };
    try {
      const before = await consumers();
      const streams = [];
      for (let i = 0; i < 5; i++) streams.push(await stream({ token: capped.token }));
      expect(await consumers()).toBe(before + 5);
      const refused = await app.request('/events', { token: capped.token });
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { code: string }).code).toBe('TooManyStreams');
      await streams[0].close();
      await waitFor(async () => (await consumers()) === before + 4);
      await stream({ token: capped.token });
      await Promise.all(streams.map((s) => s.close()));
      await waitFor(async () => (await consumers()) === before + 1);
    } finally {
      await nc.close();
    }
  });

  // Last: it stops the api.
  it('ends open streams when the api shuts down, so it stops promptly', async () => {
    const events = await stream();
    const started = Date.now();
    const stopped = app.api.kill('SIGTERM').then(() => Date.now() - started);
    await events.waitForEnd(5000);
    const endedMs = Date.now() - started;
    const stoppedMs = await stopped;
    expect(endedMs).toBeLessThan(1000);
    // Exited by itself, before the fixture's SIGKILL grace (10 s). It can take a few seconds here:
    // Node's server.close() waits for connections the test's fetch pool opened without a request.
    expect(stoppedMs).toBeLessThan(9000);
    process.stdout.write(`with a stream open: the stream ended ${endedMs} ms after SIGTERM, the api exited after ${stoppedMs} ms\n`);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
