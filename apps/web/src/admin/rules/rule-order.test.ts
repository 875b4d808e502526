import { describe, expect, it } from 'vitest';
import type { Rule } from '../config-types';
import { MAX_POSITION, planMove } from './rule-order';

const rule = (id: string, position: number): Rule => ({ id, name: id, position, enabled: true, when: { all: [] }, then: [], createdAt: '', updatedAt: '', createdBy: null });
const rules = (positions: Record<string, number>) => Object.entries(positions).map(([id, position]) => rule(id, position));
const plan = (list: Rule[], from: number, to: number) => planMove(list, from, to).map(({ rule: written, position }) => [written.id, position]);

/** The order the API lists rules in after the writes: ascending position, ties by id. */
function orderAfter(list: Rule[], from: number, to: number): string[] {
  const written = new Map(planMove(list, from, to).map(({ rule: each, position }) => [each.id, position]));
  return list
    .map((each) => ({ id: each.id, position: written.get(each.id) ?? each.position }))
    .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1))
    .map((each) => each.id);
}

describe('moving a rule', () => {
  it('writes only the moved rule when there is room between its new neighbours', () => {
    const spaced = rules({ a: 0, b: 10, c: 20 });
    expect(plan(spaced, 2, 1)).toEqual([['c', 5]]);
    expect(plan(spaced, 0, 1)).toEqual([['a', 15]]);
    expect(plan(spaced, 1, 2)).toEqual([['b', 30]]);
    expect(plan(rules({ a: 5, b: 10 }), 1, 0)).toEqual([['b', 0]]);
  });

  it('spreads the rules out again when there is no room, writing only those whose position changes', () => {
    // The first rule at 0: nothing fits below it.
    expect(plan(rules({ a: 0, b: 10, c: 20 }), 1, 0)).toEqual([
      ['b', 0],
      ['a', 10],
    ]);
    expect(plan(rules({ a: 0, b: 1, c: 2 }), 2, 1)).toEqual([
      ['c', 10],
      ['b', 20],
    ]);
    // At the API's highest position: nothing fits above the last.
    expect(plan(rules({ a: MAX_POSITION - 5, b: MAX_POSITION }), 0, 1)).toEqual([
      ['b', 0],
      ['a', 10],
    ]);
  });

  it('never leaves the order to the id tie-break: tied neighbours are spread out', () => {
    // b and c share 10 (ordered by id): d cannot go between them on a position of its own.
    const tied = rules({ a: 0, b: 10, c: 10, d: 20 });
    expect(orderAfter(tied, 3, 2)).toEqual(['a', 'b', 'd', 'c']);
    expect(plan(tied, 3, 2)).toEqual([['c', 30]]);
  });

  it('gives the intended order for every move of lists with gaps, adjacent and tied positions', () => {
    const shapes = [rules({ a: 0, b: 10, c: 20, d: 30, e: 40 }), rules({ a: 3, b: 4, c: 5, d: 6, e: 100 }), rules({ a: 0, b: 0, c: 0, d: 7, e: 7 }), rules({ a: 0, b: 1, c: 3, d: 6, e: MAX_POSITION })];
    for (const list of shapes) {
      for (let from = 0; from < list.length; from += 1) {
        for (const to of [from - 1, from + 1].filter((at) => at >= 0 && at < list.length)) {
          const intended = list.map((each) => each.id);
          intended.splice(to, 0, ...intended.splice(from, 1));
          expect(orderAfter(list, from, to)).toEqual(intended);
          for (const { position } of planMove(list, from, to)) expect(position >= 0 && position <= MAX_POSITION && Number.isInteger(position)).toBe(true);
        }
      }
    }
  });

  it('writes nothing for a move past either end or onto itself', () => {
    const spaced = rules({ a: 0, b: 10 });
    expect(planMove(spaced, 0, -1)).toEqual([]);
    expect(planMove(spaced, 1, 2)).toEqual([]);
    expect(planMove(spaced, 1, 1)).toEqual([]);
  });
});
