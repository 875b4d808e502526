import { DomainError } from '../domain-error.js';
import { decideHoldPlacement, isHoldActive, requireNotHeld, type LegalHold } from './legal-hold.js';

const now = new Date('2026-12-04T12:00:00Z');
const hold = (id: string, over: Partial<LegalHold> = {}): LegalHold => ({
  id,
  ticketId: 't1',
  contactId: null,
  reason: 'police request',
  until: null,
  createdById: 'u1',
  createdAt: new Date('2026-12-01T00:00:00Z'),
  releasedAt: null,
  releasedById: null,
  ...over,
});

function thrown(work: () => void): DomainError | null {
  try {
    work();
    return null;
  } catch (error) {
    return error as DomainError;
  }
}

describe('isHoldActive', () => {
  it.each<[string, Partial<LegalHold>, boolean]>([
    ['open-ended', {}, true],
    ['until later', { until: new Date('2026-12-05T00:00:00Z') }, true],
    ['until exactly now', { until: now }, false],
    ['past until', { until: new Date('2026-12-03T00:00:00Z') }, false],
    ['released', { releasedAt: new Date('2026-12-02T00:00:00Z'), releasedById: 'u2' }, false],
  ])('%s → %s', (_, over, active) => {
    expect(isHoldActive(hold('h', over), now)).toBe(active);
  });
});

describe('requireNotHeld', () => {
  it('passes without active holds', () => {
    expect(thrown(() => requireNotHeld('purge', [hold('h1', { releasedAt: now, releasedById: 'u2' })], now))).toBeNull();
    expect(thrown(() => requireNotHeld('purge', [], now))).toBeNull();
  });

  it('names every active hold and the refused action, and lists them in the details', () => {
    const error = thrown(() => requireNotHeld('erase', [hold('h1'), hold('h2', { until: new Date('2020-01-01T00:00:00Z') }), hold('h3', { ticketId: null, contactId: 'c1' })], now))!;
    expect(error.code).toBe('LegalHoldActive');
    expect(error.message).toBe('under legal hold h1, h3: cannot be erased while it applies');
    expect(error.details).toEqual({ holds: [{ id: 'h1', ticketId: 't1', contactId: null, reason: 'police request' }, { id: 'h3', ticketId: null, contactId: 'c1', reason: 'police request' }] });
  });
});

describe('decideHoldPlacement', () => {
  it.each<[string, Parameters<typeof decideHoldPlacement>[0], string | null]>([
    ['a live ticket', { ticket: { mergedIntoId: null, purgedAt: null }, until: null, now }, null],
    ['a person, until later', { until: new Date('2027-01-01T00:00:00Z'), now }, null],
    ['until in the past', { until: new Date('2026-01-01T00:00:00Z'), now }, 'InvalidHold'],
    ['a purged ticket', { ticket: { mergedIntoId: null, purgedAt: now }, until: null, now }, 'HoldRefused'],
    ['a merged-away ticket', { ticket: { mergedIntoId: 't9', purgedAt: null }, until: null, now }, 'HoldRefused'],
  ])('%s → %s', (_, input, code) => {
    expect(thrown(() => decideHoldPlacement(input))?.code ?? null).toBe(code);
  });
});
