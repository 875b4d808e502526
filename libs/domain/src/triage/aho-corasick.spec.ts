import { CodeUnitAhoCorasick } from './aho-corasick.js';

describe('CodeUnitAhoCorasick', () => {
  it('finds every occurrence, overlapping and nested, through failure links', () => {
    const automaton = new CodeUnitAhoCorasick(['he', 'she', 'his', 'hers', '']);
    const found = automaton.search('ushers').map((m) => [m.pattern, m.start, m.end]);
    expect(found).toEqual([
      [1, 1, 4],
      [0, 2, 4],
      [3, 2, 6],
    ]);
  });

  it('matches non-Latin code units (Han, Devanagari, astral) and repeated patterns', () => {
    const automaton = new CodeUnitAhoCorasick(['杀了', '了你', 'मार', '😀x', 'मार']);
    expect(automaton.search('我杀了你').map((m) => m.pattern)).toEqual([0, 1]);
    expect(automaton.search('मारूंगा').map((m) => m.pattern)).toEqual([2, 4]);
    expect(automaton.search('a😀x').map((m) => [m.start, m.end])).toEqual([[1, 4]]);
  });
});
