import fc from 'fast-check';
import { compileLinearRegex } from './linear-regex.js';
import { RegexBank } from './regex-bank.js';
import type { RuleField } from './rule.js';

describe('RegexBank', () => {
  // Patterns and values over one small alphabet, so matches, misses, anchors and case all occur.
  const PIECES = ['a', 'B', 'ab', '^a', 'b$', 'a+b', '[ab]{2}', '\\d{2,}', '(?:ab|ba)', 'é', '\\bab\\b', '.b', 'x?'];
  const pattern = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(''));
  const value = fc.array(fc.constantFrom('a', 'b', 'A', 'B', ' ', '1', '2', 'é', 'É', 'x'), { maxLength: 12 }).map((units) => units.join(''));
  const FIELDS: RuleField[] = ['subject', 'body', 'to'];

  it('answers for every regex exactly as the regex alone would, by field and case', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ pattern, caseSensitive: fc.boolean(), field: fc.constantFrom(...FIELDS) }), { minLength: 1, maxLength: 12 }),
        fc.record({ subject: fc.array(value, { maxLength: 1 }), body: fc.array(value, { maxLength: 1 }), to: fc.array(value, { maxLength: 3 }) }),
        (conditions, values) => {
          const bank = new RegexBank();
          const compiled = conditions.map((condition) => {
            const regex = compileLinearRegex(condition.pattern, condition.caseSensitive);
            if (!regex.ok) throw new Error(regex.reason);
            return { ...condition, regex: regex.regex, slot: bank.add(condition.field, condition.caseSensitive, condition.pattern, regex.regex) };
          });
          bank.seal();
          const bytes = (field: RuleField) => values[field as keyof typeof values].map((v) => Buffer.from(v, 'utf8'));
          const matches = bank.matcher(bytes);
          for (const condition of compiled) {
            const alone = bytes(condition.field).some((v) => condition.regex.test(v));
            expect(matches(condition.slot)).toBe(alone);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('refuses regexes once its sets are built', () => {
    const bank = new RegexBank();
    bank.seal();
    const regex = compileLinearRegex('a', false);
    if (!regex.ok) throw new Error(regex.reason);
    expect(() => bank.add('subject', false, 'a', regex.regex)).toThrow(/sealed/);
  });
});
