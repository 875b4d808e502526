import { hasCapability, ROLES, type Role } from '@casework/domain';
import { ROUTE_ACCESS, type RouteRule } from '../src/auth/route-access.js';
import { ApiFixture } from './api-fixture.js';

/**
 * The authorisation matrix, generated from ROUTE_ACCESS (the table the guard enforces) and the
 * domain's role capabilities: every route × every role (and no token), run over HTTP against the
 * built api. A route the API serves without a row in the table fails the first test; a row whose
 * rule the guard does not enforce fails its matrix row.
 */
type Expectation = 'allowed' | 401 | 403;

const NOBODY = '00000000-0000-4000-8000-000000000000';

/** What the guard answers a caller of `role` (null: no token) on a route with `rule`. */
function expectedFor(rule: RouteRule, role: Role | null, self: boolean): Expectation {
  if (rule.kind === 'public') return 'allowed';
  if (role === null) return 401;
  switch (rule.kind) {
    case 'signedIn':
      return 'allowed';
    case 'ticket':
    case 'ticketList':
    case 'capability':
      return !rule.capability || hasCapability(role, rule.capability) ? 'allowed' : 403;
    case 'selfOr':
      return self || hasCapability(role, rule.capability) ? 'allowed' : 403;
  }
}

const ROWS = Object.entries(ROUTE_ACCESS).flatMap(([key, rule]) => {
  const [method, path] = key.split(' ');
  const callers: (Role | null)[] = [null, ...ROLES];
  const rows = callers.map((role) => ({ method, path, role, self: false, expected: expectedFor(rule, role, false) }));
  if (rule.kind === 'selfOr') rows.push(...ROLES.map((role) => ({ method, path, role, self: true, expected: expectedFor(rule, role, true) })));
  return rows;
});

describe('authorisation matrix (built process)', () => {
  const app = new ApiFixture();
  const tokens = new Map<Role, string>();
  const userIds = new Map<Role, string>();

  beforeAll(async () => {
    await app.start();
    for (const role of ROLES) {
      const { body: user } = await app.call<{ id: string }>('/users', { method: 'POST', json: { email: `${role}@matrix.test`, name: role, role } });
      const { body: token } = await app.call<{ token: string }>(`/users/${user.id}/tokens`, { method: 'POST', json: { name: 'matrix' } });
      userIds.set(role, user.id);
      tokens.set(role, token.token);
    }
  }, 90_000);

  afterAll(() => app.stop(), 60_000);

  it('has a row for every route the API serves, and a route for every row', async () => {
    const docs = app.base.replace(/\/v1$/, '/docs-json');
    const { paths } = (await (await fetch(docs)).json()) as { paths: Record<string, Record<string, unknown>> };
    const served = Object.entries(paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/^\/api\/v1/, '').replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect([...served].sort()).toEqual(Object.keys(ROUTE_ACCESS).sort());
  });

  it('names the audit action of every route that changes something; a read is audited only through readAudit', () => {
    const entries = Object.entries(ROUTE_ACCESS);
    expect(entries.filter(([key, entry]) => !key.startsWith('GET ') && !entry.audit && !entry.unaudited).map(([key]) => key)).toEqual([]);
    expect(entries.filter(([key, entry]) => key.startsWith('GET ') && entry.audit).map(([key]) => key)).toEqual([]);
    expect(entries.filter(([key, entry]) => !key.startsWith('GET ') && entry.readAudit).map(([key]) => key)).toEqual([]);
    // Downloads of case material: an attachment, an export.
    expect(entries.filter(([, entry]) => entry.readAudit).map(([key]) => key).sort()).toEqual(['GET /exports/:id', 'GET /tickets/:ticketId/attachments/:attachmentId']);
  });

  it.each(ROWS)('$method $path as $role (self: $self) → $expected', async ({ method, path, role, self, expected }) => {
    const concrete = path.replace(/:(\w+)/g, (_m, name: string) => (name === 'id' && self && role ? userIds.get(role)! : NOBODY));
    const response = await app.request(concrete, {
      method,
      token: role === null ? null : tokens.get(role)!,
      ...(['POST', 'PUT', 'PATCH'].includes(method) ? { json: {} } : {}),
    });
    // A stream (GET /events) answers at once but never ends by itself: its headers are the answer.
    if (response.headers.get('content-type')?.startsWith('text/event-stream')) await response.body?.cancel();
    else await response.arrayBuffer();
    if (expected === 'allowed') expect([401, 403]).not.toContain(response.status);
    else expect(response.status).toBe(expected);
  });
});
