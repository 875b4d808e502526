import { CAPABILITIES, hasCapability, mayManageTokensOf, ROLES, ticketAccess, type Capability, type GrantLevel, type Role, type TicketAccess } from './access.js';

const full: TicketAccess = { view: 'full', write: true };
const read: TicketAccess = { view: 'full', write: false };
const meta: TicketAccess = { view: 'metadata', write: false };
const none: TicketAccess = { view: 'none', write: false };

describe('ticketAccess', () => {
  it.each<[Role, boolean, GrantLevel | null, TicketAccess]>([
    // Unrestricted queue: the role decides, a grant can only widen it.
    ['admin', false, null, full],
    ['lead', false, null, full],
    ['specialist', false, null, full],
    ['ops', false, null, meta],
    ['ops', false, 'read', read],
    ['ops', false, 'write', full],
    ['specialist', false, 'read', full],
    // Restricted queue: only a grant opens it, for every role.
    ['admin', true, null, none],
    ['lead', true, null, none],
    ['specialist', true, null, none],
    ['ops', true, null, none],
    ['admin', true, 'read', read],
    ['admin', true, 'write', full],
    ['specialist', true, 'read', read],
    ['specialist', true, 'write', full],
    ['lead', true, 'read', read],
    ['ops', true, 'read', read],
    ['ops', true, 'write', full],
  ])('%s on a queue restricted=%s with grant %s', (role, restricted, grant, expected) => {
    expect(ticketAccess(role, { restricted }, grant)).toEqual(expected);
  });
});

describe('role capabilities', () => {
  const expected: Record<Role, Capability[]> = {
    admin: [...CAPABILITIES],
    lead: ['sla:manage', 'sla:view', 'oncall:manage', 'pages:ack', 'audit:read', 'rules:manage', 'templates:manage', 'triage:stats', 'tickets:override', 'holds:manage'],
    specialist: ['sla:view'],
    ops: ['sla:view', 'oncall:manage', 'pages:ack', 'metrics:read', 'triage:stats'],
  };
  it.each(ROLES.flatMap((role) => CAPABILITIES.map((capability) => [role, capability, expected[role].includes(capability)] as const)))(
    '%s has %s: %s',
    (role, capability, allowed) => {
      expect(hasCapability(role, capability)).toBe(allowed);
    },
  );

  it('lets everyone manage their own tokens and only admins those of others', () => {
    expect(mayManageTokensOf({ id: 'u1', role: 'specialist' }, 'u1')).toBe(true);
    expect(mayManageTokensOf({ id: 'u1', role: 'specialist' }, 'u2')).toBe(false);
    expect(mayManageTokensOf({ id: 'u1', role: 'lead' }, 'u2')).toBe(false);
    expect(mayManageTokensOf({ id: 'u1', role: 'admin' }, 'u2')).toBe(true);
  });
});
