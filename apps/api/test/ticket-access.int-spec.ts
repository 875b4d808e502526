import { GRANT_LEVELS, hasCapability, ROLES, ticketAccess, type GrantLevel, type Role } from '@casework/domain';
import { ROUTE_ACCESS } from '../src/auth/route-access.js';
import { ApiFixture, type SeededTicket } from './api-fixture.js';

/**
 * The ticket half of the authorisation matrix: role × grant × restricted × every ticket route,
 * expected statuses computed from the domain's ticketAccess and the route's need in
 * ROUTE_ACCESS, run over HTTP. Hidden is 404 exactly like unknown; seen but not allowed is 403.
 */
type Grant = GrantLevel | null;
const GRANTS: Grant[] = [null, ...GRANT_LEVELS];
const NOBODY = '00000000-0000-4000-8000-000000000000';

/** A valid request for each ticket route (so validation never answers before access does). */
/** `also`: a second answer an allowed caller may get, from the state earlier rows left (a claim someone else holds: 409). */
const REQUESTS: Record<string, { method: string; path: (ticketId: string) => string; json?: object | ((ticketId: string) => object); allowed: number; allowedCode?: string; also?: number }> = {
  'GET /tickets/:id': { method: 'GET', path: (id) => `/tickets/${id}`, allowed: 200 },
  'PATCH /tickets/:id': { method: 'PATCH', path: (id) => `/tickets/${id}`, json: { priority: 'high' }, allowed: 200 },
  'POST /tickets/:id/replies': { method: 'POST', path: (id) => `/tickets/${id}/replies`, json: { body: 'Thank you for your report.' }, allowed: 202 },
  // Neither ticket is in the spam queue: allowed callers learn that (409), others that the ticket is hidden or not theirs to change.
  'POST /tickets/:id/not-spam': { method: 'POST', path: (id) => `/tickets/${id}/not-spam`, allowed: 409 },
  'POST /tickets/:id/notes': { method: 'POST', path: (id) => `/tickets/${id}/notes`, json: { body: 'Checked the account: second report this week.' }, allowed: 201 },
  'POST /tickets/:id/claim': { method: 'POST', path: (id) => `/tickets/${id}/claim`, json: { force: true }, allowed: 200, also: 409 },
  'PUT /tickets/:id/tags': { method: 'PUT', path: (id) => `/tickets/${id}/tags`, json: { tags: ['harassment'] }, allowed: 200 },
  // Each caller's own draft: none saved yet when GET runs, then saved, then discarded.
  'GET /tickets/:id/draft': { method: 'GET', path: (id) => `/tickets/${id}/draft`, allowed: 404, allowedCode: 'DraftNotFound' },
  'PUT /tickets/:id/draft': { method: 'PUT', path: (id) => `/tickets/${id}/draft`, json: { body: 'Dear reporter,' }, allowed: 200 },
  // The draft the row before saved.
  'DELETE /tickets/:id/draft': { method: 'DELETE', path: (id) => `/tickets/${id}/draft`, allowed: 204 },
  // Triage raised nothing on the seeded tickets: allowed callers learn that (409), others that the ticket is hidden or not theirs to change.
  'POST /tickets/:id/triage/dismiss': { method: 'POST', path: (id) => `/tickets/${id}/triage/dismiss`, json: { category: 'threat', reason: 'a film quote' }, allowed: 409 },
  // No such attachment: allowed callers learn that (AttachmentNotFound), others that the ticket is hidden.
  // A heartbeat needs only to see the ticket: the metadata view is enough.
  'POST /tickets/:id/presence': { method: 'POST', path: (id) => `/tickets/${id}/presence`, json: { state: 'viewing' }, allowed: 204 },
  // Into itself: allowed callers learn that merge refuses it (409), and nothing moves between rows.
  'POST /tickets/:id/merge': { method: 'POST', path: (id) => `/tickets/${id}/merge`, json: (id) => ({ intoTicketId: id }), allowed: 409, allowedCode: 'MergeRefused' },
  // An article of no ticket: allowed callers learn that (400), and the ticket keeps its articles.
  'POST /tickets/:id/split': { method: 'POST', path: (id) => `/tickets/${id}/split`, json: { articleIds: [NOBODY] }, allowed: 400 },
  'GET /tickets/:id/history': { method: 'GET', path: (id) => `/tickets/${id}/history`, allowed: 200 },
  'POST /tickets/:id/holds': { method: 'POST', path: (id) => `/tickets/${id}/holds`, json: { reason: 'preservation request' }, allowed: 201 },
  // Recorded (the zip is built at download): needs the content view, like reading the mail.
  'POST /tickets/:id/exports': { method: 'POST', path: (id) => `/tickets/${id}/exports`, allowed: 202 },
  // Held by the hold the row before placed: allowed callers (admins) learn it is held (409), and nothing is removed.
  'DELETE /tickets/:id': { method: 'DELETE', path: (id) => `/tickets/${id}`, allowed: 409, allowedCode: 'LegalHoldActive' },
  'GET /tickets/:ticketId/articles/:articleId/html': { method: 'GET', path: (id) => `/tickets/${id}/articles/${NOBODY}/html`, allowed: 404, allowedCode: 'ArticleNotFound' },
  'GET /tickets/:ticketId/attachments/:attachmentId': { method: 'GET', path: (id) => `/tickets/${id}/attachments/${NOBODY}`, allowed: 404, allowedCode: 'AttachmentNotFound' },
};

const ticketRoutes = Object.entries(ROUTE_ACCESS).filter(([, rule]) => rule.kind === 'ticket');

const ROWS = ROLES.flatMap((role) =>
  GRANTS.flatMap((grant) =>
    [false, true].flatMap((restricted) =>
      ticketRoutes.map(([route, rule]) => {
        const access = ticketAccess(role, { restricted }, restricted ? grant : null);
        const need = rule.kind === 'ticket' ? rule.need : 'read';
        // The guard asks for a route's capability before the use case looks at the ticket.
        const lacksCapability = rule.kind === 'ticket' && rule.capability !== undefined && !hasCapability(role, rule.capability);
        const expected = lacksCapability
          ? 403
          : access.view === 'none' ? 404 : need === 'content' && access.view !== 'full' ? 403 : need === 'write' && !access.write ? 403 : REQUESTS[route].allowed;
        return { role, grant, restricted, route, expected, hiddenOrAllowed: access.view === 'none' && !lacksCapability ? 'TicketNotFound' : REQUESTS[route].allowedCode };
      }),
    ),
  ),
);

describe('ticket access matrix (built process)', () => {
  const app = new ApiFixture();
  const tokens = new Map<string, string>();
  let open: SeededTicket;
  let secret: SeededTicket;
  const tokenOf = (role: Role, grant: Grant) => tokens.get(`${role}/${grant}`)!;

  beforeAll(async () => {
    await app.start();
    open = await app.seedTicket('Open queue report', 2);
    secret = await app.seedTicket('Restricted report', 1);
    const { body: queue } = await app.call<{ id: string }>('/queues', { method: 'POST', json: { slug: 'cp', name: 'Child protection', address: 'cp@casework.test', restricted: true } });
    await app.ds.query(`UPDATE ticket SET queue_id = $2 WHERE id = $1`, [secret.id, queue.id]);
    await app.seedBreach(open.id);
    await app.seedBreach(secret.id);
    const grants: { userId: string; level: GrantLevel }[] = [];
    for (const role of ROLES) {
      for (const grant of GRANTS) {
        const { body: user } = await app.call<{ id: string }>('/users', { method: 'POST', json: { email: `${role}-${grant}@access.test`, name: role, role } });
        const { body: token } = await app.call<{ token: string }>(`/users/${user.id}/tokens`, { method: 'POST', json: { name: 'matrix' } });
        tokens.set(`${role}/${grant}`, token.token);
        if (grant) grants.push({ userId: user.id, level: grant });
      }
    }
    expect((await app.call(`/queues/${queue.id}/access`, { method: 'PUT', json: { grants } })).status).toBe(200);
  }, 120_000);

  afterAll(() => app.stop(), 60_000);

  it('has a request for every ticket route', () => {
    expect(ticketRoutes.map(([route]) => route).sort()).toEqual(Object.keys(REQUESTS).sort());
  });

  it.each(ROWS)('$route as $role (grant $grant) on a ticket of a queue restricted=$restricted → $expected', async ({ role, grant, restricted, route, expected, hiddenOrAllowed }) => {
    const request = REQUESTS[route];
    const ticketId = restricted ? secret.id : open.id;
    const json = typeof request.json === 'function' ? request.json(ticketId) : request.json;
    const response = await app.request(request.path(ticketId), { method: request.method, token: tokenOf(role, grant), json });
    const body = (await response.json().catch(() => ({}))) as { code?: string };
    if (expected === request.allowed && request.also) expect([request.allowed, request.also]).toContain(response.status);
    else expect(response.status).toBe(expected);
    if (expected === 404) expect(body.code).toBe(hiddenOrAllowed);
  });

  it.each(ROLES.flatMap((role) => GRANTS.map((grant) => ({ role, grant }))))('lists, details and breaches follow the rule for $role (grant $grant)', async ({ role, grant }) => {
    const token = tokenOf(role, grant);
    const seesSecret = ticketAccess(role, { restricted: true }, grant).view !== 'none';
    const openView = ticketAccess(role, { restricted: false }, null).view;

    const { body: list } = await app.call<{ items: { id: string; subject: string | null; requester: unknown }[] }>('/tickets?limit=100', { token });
    expect(list.items.some((t) => t.id === secret.id)).toBe(seesSecret);
    const openItem = list.items.find((t) => t.id === open.id)!;
    expect(openItem.subject === null).toBe(openView === 'metadata');
    expect(openItem.requester === null).toBe(openView === 'metadata');
    // A hidden queue's slug is an empty page, as an unknown one.
    expect((await app.call<{ items: unknown[] }>('/tickets?queue=cp', { token })).body.items.length > 0).toBe(seesSecret);

    const { body: detail } = await app.call<{ subject: string | null; articles: unknown[] }>(`/tickets/${open.id}`, { token });
    expect(detail.articles.length > 0).toBe(openView === 'full');

    const { body: breaches } = await app.call<{ items: { ticketId: string }[] }>('/sla/breaches', { token });
    expect(breaches.items.map((b) => b.ticketId).sort()).toEqual((seesSecret ? [open.id, secret.id] : [open.id]).sort());
  });

  it('records every read of restricted content, once per request, and nothing for open tickets', async () => {
    const [{ count: before }] = await app.ds.query(`SELECT count(*)::int AS count FROM audit_event WHERE action = 'ticket.read'`);
    const token = tokenOf('specialist', 'read');
    await app.call(`/tickets/${secret.id}`, { token });
    await app.call('/tickets?limit=100', { token });
    await app.call(`/tickets/${open.id}`, { token });
    const reads = await app.ds.query(`SELECT ticket_ids::text[] AS ids, actor_email FROM audit_event WHERE action = 'ticket.read' ORDER BY seq OFFSET $1`, [before]);
    expect(reads).toEqual([
      { ids: [secret.id], actor_email: 'specialist-read@access.test' },
      { ids: [secret.id], actor_email: 'specialist-read@access.test' },
    ]);
    expect((await app.call<{ ok: boolean }>('/audit/verify')).body.ok).toBe(true);
  });
});
