import { SLA_KINDS, selectPolicy, targetMinutesFor, validateSlaTargets, type SlaTargets } from './sla-policy.js';

describe('selectPolicy', () => {
  const policies = [
    { name: 'default', queueId: null, priority: null },
    { name: 'billing', queueId: 'billing', priority: null },
    { name: 'any high', queueId: null, priority: 'high' },
    { name: 'billing high', queueId: 'billing', priority: 'high' },
    { name: 'support low', queueId: 'support', priority: 'low' },
  ];

  it.each([
    { scenario: 'queue and priority match', queueId: 'billing', priority: 'high', expected: 'billing high' },
    { scenario: 'queue beats priority', queueId: 'billing', priority: 'low', expected: 'billing' },
    { scenario: 'priority beats the default', queueId: 'support', priority: 'high', expected: 'any high' },
    { scenario: 'queue and priority on another queue', queueId: 'support', priority: 'low', expected: 'support low' },
    { scenario: 'nothing specific: the default', queueId: 'support', priority: 'normal', expected: 'default' },
    { scenario: 'ticket without a queue', queueId: null, priority: 'high', expected: 'any high' },
  ])('$scenario → $expected', ({ queueId, priority, expected }) => {
    expect(selectPolicy(policies, queueId, priority)?.name).toBe(expected);
    expect(selectPolicy([...policies].reverse(), queueId, priority)?.name).toBe(expected);
  });

  // What the SQL selector it replaced ranked too: specificity, never another queue's or priority's policy.
  it.each([
    { scenario: 'queue only beats priority only', names: ['default', 'billing', 'any high'], queueId: 'billing', priority: 'high', expected: 'billing' },
    { scenario: "another queue's policy never applies", names: ['billing high', 'support low'], queueId: 'support', priority: 'high', expected: undefined },
    { scenario: 'another priority never applies', names: ['any high', 'support low'], queueId: 'support', priority: 'normal', expected: undefined },
    { scenario: 'only the default', names: ['default'], queueId: 'billing', priority: 'high', expected: 'default' },
  ])('among $names: $scenario', ({ names, queueId, priority, expected }) => {
    const some = policies.filter((policy) => names.includes(policy.name));
    expect(selectPolicy(some, queueId, priority)?.name).toBe(expected);
    expect(selectPolicy([...some].reverse(), queueId, priority)?.name).toBe(expected);
  });

  it('is null without a matching policy', () => {
    expect(selectPolicy(policies.slice(1), 'support', 'normal')).toBeNull();
  });
});

describe('SLA targets', () => {
  const targets: SlaTargets = { firstResponseMinutes: 60, nextResponseMinutes: 240, resolutionMinutes: null, warnAtPercent: 80 };

  it('has a target per kind', () => {
    expect(SLA_KINDS.map((kind) => targetMinutesFor(targets, kind))).toEqual([60, 240, null]);
  });

  it('validates targets, defaulting the warning to 80 %', () => {
    expect(validateSlaTargets({ firstResponseMinutes: 60, nextResponseMinutes: 240 })).toEqual({ ok: true, targets: { ...targets } });
  });

  it.each([
    { scenario: 'negative minutes', input: { firstResponseMinutes: -5 }, paths: ['firstResponseMinutes'] },
    { scenario: 'minutes as text', input: { resolutionMinutes: '60' }, paths: ['resolutionMinutes'] },
    { scenario: 'warning above 100 %', input: { warnAtPercent: 120 }, paths: ['warnAtPercent'] },
    { scenario: 'not an object', input: [], paths: [''] },
  ])('rejects $scenario', ({ input, paths }) => {
    const result = validateSlaTargets(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual(paths);
  });
});
