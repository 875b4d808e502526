import { dueAt, isOverdue } from './sla.js';

describe('SLA due time (24/7)', () => {
  const start = new Date('2026-03-29T00:30:00Z');

  it.each([
    [60, '2026-03-29T01:30:00.000Z'],
    [0, '2026-03-29T00:30:00.000Z'],
    [0.05, '2026-03-29T00:30:03.000Z'],
    [1440, '2026-03-30T00:30:00.000Z'],
  ])('%d minutes after the start', (minutes, expected) => {
    expect(dueAt(start, minutes).toISOString()).toBe(expected);
  });

  it('rejects negative targets', () => {
    expect(() => dueAt(start, -1)).toThrow(RangeError);
  });

  it('is overdue from the due instant on', () => {
    const due = dueAt(start, 1);
    expect(isOverdue(due, new Date(due.getTime() - 1))).toBe(false);
    expect(isOverdue(due, due)).toBe(true);
  });
});
