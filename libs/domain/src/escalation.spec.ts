import { escalationDueAt, nextToPage, type ShiftOnCall } from './escalation.js';

const at = (iso: string) => new Date(iso);
const shift = (id: string, email: string, startsAt: string, createdAt = '2026-01-01T00:00:00Z'): ShiftOnCall => ({ id, email, startsAt: at(startsAt), createdAt: at(createdAt) });

describe('escalation order', () => {
  const early = shift('b', 'early@example.org', '2026-12-01T08:00:00Z');
  const late = shift('a', 'late@example.org', '2026-12-01T09:00:00Z');
  const lateEnteredFirst = shift('c', 'entered-first@example.org', '2026-12-01T09:00:00Z', '2025-06-01T00:00:00Z');

  it.each<[ShiftOnCall[], string[], string | null]>([
    [[late, early], [], 'early@example.org'],
    [[late, early], ['EARLY@example.org'], 'late@example.org'],
    [[late, lateEnteredFirst], [], 'entered-first@example.org'],
    [[late, early], ['early@example.org', 'late@example.org'], null],
    [[], [], null],
  ])('on call %#, already paged %j → %s', (onCall, paged, expected) => {
    expect(nextToPage(onCall, paged)?.email ?? null).toBe(expected);
  });

  it('escalates a page to a person after the set minutes, never one to the ops list', () => {
    expect(escalationDueAt(at('2026-12-01T10:00:00Z'), true, 10)).toEqual(at('2026-12-01T10:10:00Z'));
    expect(escalationDueAt(at('2026-12-01T10:00:00Z'), false, 10)).toBeNull();
  });
});
