import { AUDIT_GENESIS_HASH, auditEventHash, canonicalJson, type ChainedAuditEvent } from './audit-chain.js';

const event: ChainedAuditEvent = {
  id: '00000000-0000-4000-8000-000000000001',
  at: new Date('2025-01-02T03:04:05.678Z'),
  actorId: '00000000-0000-4000-8000-0000000000a1',
  actorEmail: 'ana@example.org',
  action: 'ticket.status_changed',
  ticketIds: ['00000000-0000-4000-8000-0000000000c1'],
  queueId: '00000000-0000-4000-8000-0000000000b1',
  subject: 'ticket:00000000-0000-4000-8000-0000000000c1',
  details: { status: { before: 'open', after: 'closed' } },
  ip: '192.0.2.7',
  userAgent: 'curl/8.5',
  requestId: 'req-1',
  prevHash: AUDIT_GENESIS_HASH,
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: true, e: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"e":null,"f":true}]},"b":1}');
  });

  it('writes integer-like keys in string order too (not the order JavaScript enumerates them)', () => {
    expect(canonicalJson({ a: 1, 10: 2, 9: 3 })).toBe('{"10":2,"9":3,"a":1}');
  });

  it('writes dates as ISO strings and drops undefined members, as storing them in jsonb does', () => {
    expect(canonicalJson({ at: new Date('2025-01-02T03:04:05.678Z'), gone: undefined })).toBe('{"at":"2025-01-02T03:04:05.678Z"}');
  });

  it('escapes strings as JSON does', () => {
    expect(canonicalJson({ s: 'quote " backslash \\ newline \n é' })).toBe('{"s":"quote \\" backslash \\\\ newline \\n é"}');
  });
});

describe('auditEventHash', () => {
  it('matches a known vector (sha256 of the genesis hash followed by the canonical row, checked with sha256sum)', () => {
    expect(auditEventHash(event)).toBe('39cd88431cea885c514fd115dda8454fd1e6ed0dfc52c586940e874178ade54b');
  });

  it('does not depend on the order the fields or the details were built in', () => {
    const reversed = Object.fromEntries(Object.entries(event).reverse()) as unknown as ChainedAuditEvent;
    expect(auditEventHash({ ...reversed, details: { status: { after: 'closed', before: 'open' } } })).toBe(auditEventHash(event));
  });

  it('ignores what it does not cover: seq, hash and any other extra property of a stored row', () => {
    const stored = { ...event, seq: 42, hash: 'anything' } as ChainedAuditEvent;
    expect(auditEventHash(stored)).toBe(auditEventHash(event));
  });

  const changes: [keyof ChainedAuditEvent, unknown][] = [
    ['id', '00000000-0000-4000-8000-000000000002'],
    ['at', new Date('2025-01-02T03:04:05.679Z')],
    ['actorId', null],
    ['actorEmail', 'eve@example.org'],
    ['action', 'ticket.read'],
    ['ticketIds', []],
    ['queueId', null],
    ['subject', 'ticket:00000000-0000-4000-8000-0000000000c2'],
    ['details', { status: { before: 'open', after: 'pending' } }],
    ['ip', '192.0.2.8'],
    ['userAgent', null],
    ['requestId', 'req-2'],
    ['prevHash', 'f'.repeat(64)],
  ];

  it('covers every field', () => {
    expect(changes.map(([field]) => field).sort()).toEqual(Object.keys(event).sort());
  });

  it.each(changes)('changes when %s changes', (field, value) => {
    expect(auditEventHash({ ...event, [field]: value })).not.toBe(auditEventHash(event));
  });
});
