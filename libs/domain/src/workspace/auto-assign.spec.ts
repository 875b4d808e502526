import { chooseAutoAssignee, type AutoAssignCandidate } from './auto-assign.js';

const candidate = (userId: string, overrides: Partial<AutoAssignCandidate> = {}): AutoAssignCandidate => ({
  userId,
  role: 'specialist',
  queueRestricted: false,
  grant: null,
  openCount: 0,
  lastAssignedAt: null,
  ...overrides,
});

describe('chooseAutoAssignee', () => {
  it('gives the ticket to the least loaded', () => {
    expect(chooseAutoAssignee([candidate('a', { openCount: 3 }), candidate('b', { openCount: 1 })], 10)?.userId).toBe('b');
  });
  it('on equal load, to whoever waited longest (never assigned first)', () => {
    const recently = new Date('2026-12-04T10:00:00Z');
    const earlier = new Date('2026-12-04T09:00:00Z');
    expect(chooseAutoAssignee([candidate('a', { lastAssignedAt: recently }), candidate('b', { lastAssignedAt: earlier })], 10)?.userId).toBe('b');
    expect(chooseAutoAssignee([candidate('a', { lastAssignedAt: earlier }), candidate('c')], 10)?.userId).toBe('c');
  });
  it('skips whoever is at the cap, and leaves the ticket unassigned when everyone is', () => {
    expect(chooseAutoAssignee([candidate('a', { openCount: 2 }), candidate('b', { openCount: 5 })], 3)?.userId).toBe('a');
    expect(chooseAutoAssignee([candidate('a', { openCount: 3 })], 3)).toBeNull();
    expect(chooseAutoAssignee([], 3)).toBeNull();
  });
  it('never picks someone who may not write the queue: ops, or anyone without a write grant on a restricted queue', () => {
    expect(chooseAutoAssignee([candidate('ops', { role: 'ops' })], 10)).toBeNull();
    expect(chooseAutoAssignee([candidate('r', { queueRestricted: true, grant: 'read' }), candidate('w', { queueRestricted: true, grant: 'write', openCount: 4 })], 10)?.userId).toBe('w');
  });
});
