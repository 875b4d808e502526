import { decideDismissal } from './dismissal.js';
import type { TriageResult } from './triage.js';

const TRIAGE: TriageResult = { level: 2, categories: [{ category: 'threat', level: 2, language: 'es', evidence: 'voy a matar' }] };

describe('decideDismissal', () => {
  it('dismisses a category triage raised', () => {
    expect(decideDismissal(TRIAGE, 'threat', [])).toEqual({ allowed: true, hit: TRIAGE.categories[0] });
  });
  it.each([
    ['self_harm', [], 'did not raise self_harm'],
    ['threat', ['threat'], 'already dismissed'],
  ] as const)('refuses %s (dismissed %j): %s', (category, dismissed, reason) => {
    expect(decideDismissal(TRIAGE, category, dismissed)).toEqual({ allowed: false, reason: expect.stringContaining(reason) });
  });
});
