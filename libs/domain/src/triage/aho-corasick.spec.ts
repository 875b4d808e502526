import fc from 'fast-check';
import { CodeUnitAhoCorasick } from './aho-corasick.js';

/** Every match as [pattern, start, end], in order of its end. */
function search(automaton: CodeUnitAhoCorasick, text: string): { pattern: number; start: number; end: number }[] {
  const matches: { pattern: number; start: number; end: number }[] = [];
  automaton.forEachMatch(text, (pattern, start, end) => matches.push({ pattern, start, end }));
  return matches;
}

describe('CodeUnitAhoCorasick', () => {
  it('finds every occurrence, overlapping and nested, through failure links', () => {
    const automaton = new CodeUnitAhoCorasick(['he', 'she', 'his', 'hers', '']);
    const found = search(automaton, 'ushers').map((m) => [m.pattern, m.start, m.end]);
    expect(found).toEqual([
      [1, 1, 4],
      [0, 2, 4],
      [3, 2, 6],
    ]);
  });

  it('matches non-Latin code units (Han, Devanagari, astral) and repeated patterns', () => {
    const automaton = new CodeUnitAhoCorasick(['杀了', '了你', 'मार', '😀x', 'मार']);
    expect(search(automaton, '我杀了你').map((m) => m.pattern)).toEqual([0, 1]);
    expect(search(automaton, 'मारूंगा').map((m) => m.pattern)).toEqual([2, 4]);
    expect(search(automaton, 'a😀x').map((m) => [m.start, m.end])).toEqual([[1, 4]]);
  });
});

describe('CodeUnitAhoCorasick against a brute-force search', () => {
  // A small alphabet of ASCII and non-ASCII units makes overlaps, shared prefixes and failure
  // chains that cross from one to the other likely.
  const unit = fc.constantFrom('a', 'b', ' ', 'z', '1', 'ж', '杀', '\ue001', '\ud83d', '\ude00');
  const word = (max: number) => fc.array(unit, { minLength: 0, maxLength: max }).map((units) => units.join(''));

  it('finds exactly the occurrences indexOf finds, in order of their end', () => {
    fc.assert(
      fc.property(fc.array(word(4), { maxLength: 12 }), word(40), (patterns, text) => {
        const expected: [number, number, number][] = [];
        for (let end = 1; end <= text.length; end++) {
          patterns.forEach((pattern, index) => {
            if (pattern !== '' && end >= pattern.length && text.startsWith(pattern, end - pattern.length)) expected.push([index, end - pattern.length, end]);
          });
        }
        const found = search(new CodeUnitAhoCorasick(patterns), text).map((m): [number, number, number] => [m.pattern, m.start, m.end]);
        const byEndThenPattern = (a: [number, number, number], b: [number, number, number]) => a[2] - b[2] || a[0] - b[0];
        expect(found.sort(byEndThenPattern)).toEqual(expected.sort(byEndThenPattern));
      }),
      { numRuns: 3000 },
    );
  });
});
