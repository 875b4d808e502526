import { decideMerge, mergedTags, type MergeQueueFacts, type MergeRefusal } from './decide-merge.js';
import { decideSplit } from './decide-split.js';
import { followMerges } from './follow-merges.js';

const open = (id: string): MergeQueueFacts => ({ id, restricted: false, grantHolders: new Set() });
const restricted = (id: string, ...holders: string[]): MergeQueueFacts => ({ id, restricted: true, grantHolders: new Set(holders) });

describe('decideMerge', () => {
  const ticket = (id: string, queueId: string, mergedIntoId: string | null = null) => ({ id, queueId, mergedIntoId });

  it.each<[string, MergeQueueFacts, MergeQueueFacts, MergeRefusal | null]>([
    ['open → same open queue', open('q1'), open('q1'), null],
    ['open → another open queue', open('q1'), open('q2'), null],
    ['open → restricted queue', open('q1'), restricted('cp', 'ana'), null],
    ['restricted → same queue', restricted('cp', 'ana'), restricted('cp', 'ana'), null],
    ['restricted → open queue', restricted('cp', 'ana'), open('q1'), 'wider_queue'],
    ['restricted → restricted, same holders', restricted('cp', 'ana', 'bo'), restricted('cp2', 'ana', 'bo'), null],
    ['restricted → restricted, fewer holders', restricted('cp', 'ana', 'bo'), restricted('cp2', 'ana'), null],
    ['restricted → restricted, nobody granted', restricted('cp', 'ana'), restricted('cp2'), null],
    ['restricted → restricted, one more holder', restricted('cp', 'ana'), restricted('cp2', 'ana', 'eve'), 'wider_queue'],
    ['restricted → restricted, other holders', restricted('cp', 'ana'), restricted('cp2', 'eve'), 'wider_queue'],
  ])('%s', (_, sourceQueue, targetQueue, refusal) => {
    const decision = decideMerge({ source: ticket('a', sourceQueue.id), target: ticket('b', targetQueue.id), sourceQueue, targetQueue });
    expect(decision.allowed ? null : decision.refusal).toBe(refusal);
  });

  it.each<[string, Parameters<typeof decideMerge>[0], MergeRefusal]>([
    ['into itself', { source: ticket('a', 'q1'), target: ticket('a', 'q1'), sourceQueue: open('q1'), targetQueue: open('q1') }, 'same_ticket'],
    ['an already merged ticket', { source: ticket('a', 'q1', 'c'), target: ticket('b', 'q1'), sourceQueue: open('q1'), targetQueue: open('q1') }, 'source_merged'],
    ['into a merged ticket', { source: ticket('a', 'q1'), target: ticket('b', 'q1', 'c'), sourceQueue: open('q1'), targetQueue: open('q1') }, 'target_merged'],
  ])('refuses to merge %s', (_, input, refusal) => {
    const decision = decideMerge(input);
    expect(decision).toMatchObject({ allowed: false, refusal, reason: expect.any(String) });
  });
});

describe('mergedTags', () => {
  it.each<[string[], string[], number, string[], string[]]>([
    [['a'], ['b'], 20, ['a', 'b'], []],
    [['a', 'b'], ['b', 'c'], 20, ['a', 'b', 'c'], []],
    [[], [], 20, [], []],
    [['a', 'b'], ['c', 'd', 'c'], 3, ['a', 'b', 'c'], ['d']],
  ])('%j ∪ %j (max %i) → %j, dropping %j', (target, source, max, tags, dropped) => {
    expect(mergedTags(target, source, max)).toEqual({ tags, dropped });
  });
});

describe('decideSplit', () => {
  const own = ['a1', 'a2', 'a3'];
  it.each<[string[], boolean, string[]]>([
    [['a2'], true, []],
    [['a1', 'a3', 'a1'], true, []],
    [[], false, []],
    [['a1', 'a2', 'a3'], false, []],
    [['a1', 'x9'], false, ['x9']],
  ])('%j', (requested, allowed, unknownIds) => {
    const decision = decideSplit(own, requested);
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) expect(decision.unknownIds).toEqual(unknownIds);
    else expect(decision.articleIds).toEqual([...new Set(requested)]);
  });
});

describe('followMerges', () => {
  it.each<[string, [string, string][], string]>([
    ['a', [], 'a'],
    ['a', [['a', 'b']], 'b'],
    ['a', [['a', 'b'], ['b', 'c']], 'c'],
    ['b', [['a', 'b']], 'b'],
    // A hand-made cycle stops instead of hanging.
    ['a', [['a', 'b'], ['b', 'a']], 'b'],
  ])('%s via %j → %s', (start, edges, end) => {
    expect(followMerges(start, new Map(edges))).toBe(end);
  });
});
