import fc from 'fast-check';
import { DomainError } from '../domain-error.js';
import { isHoldActive } from './legal-hold.js';
import { choosePurgeable, decideDeletion, erasedAddressOf, isPurgeable, purgeDueAt, tombstoneOf, type PurgeCandidate } from './retention.js';

const now = new Date('2026-12-04T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const candidate = (over: Partial<PurgeCandidate> = {}): PurgeCandidate => ({
  ticketId: 't1',
  status: 'closed',
  closedAt: daysAgo(31),
  purgedAt: null,
  retentionDays: 30,
  holds: [],
  ...over,
});
const hold = (over: Partial<PurgeCandidate['holds'][number]> = {}) => ({ id: 'h1', reason: 'police', ticketId: 't1', contactId: null, releasedAt: null, until: null, ...over });

describe('purgeDueAt', () => {
  it('is the closure plus the retention, null without either', () => {
    expect(purgeDueAt(daysAgo(10), 3)).toEqual(daysAgo(7));
    expect(purgeDueAt(null, 3)).toBeNull();
    expect(purgeDueAt(daysAgo(10), null)).toBeNull();
  });
});

describe('isPurgeable', () => {
  it.each<[string, Partial<PurgeCandidate>, boolean]>([
    ['closed longer than kept', {}, true],
    ['due exactly now', { closedAt: daysAgo(30) }, true],
    ['closed, not long enough', { closedAt: daysAgo(29) }, false],
    ['the queue keeps its tickets', { retentionDays: null }, false],
    ['resolved, not closed', { status: 'resolved' }, false],
    ['open', { status: 'open', closedAt: null }, false],
    ['already a tombstone', { purgedAt: daysAgo(1) }, false],
    ['held', { holds: [hold()] }, false],
    ["held through the requester", { holds: [hold({ ticketId: null, contactId: 'c1' })] }, false],
    ['hold released', { holds: [hold({ releasedAt: daysAgo(2) })] }, true],
    ['hold expired', { holds: [hold({ until: daysAgo(1) })] }, true],
    ['hold until later', { holds: [hold({ until: new Date(now.getTime() + 1000) })] }, false],
  ])('%s', (_name, over, expected) => {
    expect(isPurgeable(candidate(over), now)).toBe(expected);
  });
});

describe('choosePurgeable (property)', () => {
  const holdArb = fc.record({
    id: fc.uuid(),
    reason: fc.constant('r'),
    ticketId: fc.option(fc.constant('t'), { nil: null }),
    contactId: fc.option(fc.constant('c'), { nil: null }),
    releasedAt: fc.option(fc.integer({ min: -100, max: 100 }).map(daysAgo), { nil: null }),
    until: fc.option(fc.integer({ min: -100, max: 100 }).map(daysAgo), { nil: null }),
  });
  const candidateArb = fc.record({
    ticketId: fc.uuid(),
    status: fc.constantFrom('open', 'pending', 'resolved', 'closed'),
    closedAt: fc.option(fc.integer({ min: -5, max: 400 }).map(daysAgo), { nil: null }),
    purgedAt: fc.option(fc.constant(daysAgo(1)), { nil: null }),
    retentionDays: fc.option(fc.integer({ min: 1, max: 365 }), { nil: null }),
    holds: fc.array(holdArb, { maxLength: 3 }),
  });

  it('never chooses a held ticket, and chooses every closed, due, unheld one', () => {
    fc.assert(
      fc.property(fc.array(candidateArb, { maxLength: 30 }), (candidates) => {
        const chosen = new Set(choosePurgeable(candidates, now));
        for (const c of candidates) {
          const held = c.holds.some((h) => isHoldActive(h, now));
          const due = c.status === 'closed' && c.purgedAt === null && c.closedAt !== null && c.retentionDays !== null && c.closedAt.getTime() + c.retentionDays * 86_400_000 <= now.getTime();
          if (held) expect(chosen.has(c.ticketId)).toBe(false);
          if (due && !held) expect(chosen.has(c.ticketId)).toBe(true);
          if (!due) expect(chosen.has(c.ticketId)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('decideDeletion', () => {
  it('refuses a held ticket naming the hold, and a tombstone', () => {
    expect(() => decideDeletion({ id: 't1', purgedAt: null }, [], now)).not.toThrow();
    try {
      decideDeletion({ id: 't1', purgedAt: null }, [hold()], now);
      throw new Error('not refused');
    } catch (error) {
      expect((error as DomainError).code).toBe('LegalHoldActive');
      expect((error as DomainError).details).toEqual({ holds: [{ id: 'h1', ticketId: 't1', contactId: null, reason: 'police' }] });
    }
    expect(() => decideDeletion({ id: 't1', purgedAt: daysAgo(1) }, [], now)).toThrow(expect.objectContaining({ code: 'TicketPurged' }));
  });
});

describe('tombstoneOf', () => {
  it('counts what there was and keeps its hashes; a second removal keeps the first tombstone', () => {
    const first = tombstoneOf('retention', { articleDirections: ['inbound', 'outbound', 'inbound', 'note'], rawMessageSha256: ['a', 'b'], attachmentSha256: ['c'] });
    expect(first).toEqual({ reason: 'retention', articles: { inbound: 2, outbound: 1, notes: 1 }, attachments: 1, rawMessageSha256: ['a', 'b'], attachmentSha256: ['c'] });
    expect(tombstoneOf('erasure', { articleDirections: [], rawMessageSha256: [], attachmentSha256: [] }, first)).toBe(first);
  });
});

describe('erasedAddressOf', () => {
  it('is unique per contact and undeliverable', () => {
    expect(erasedAddressOf('AB-1')).toBe('erased-ab-1@erased.invalid');
  });
});
