import { evaluateRules, orderRules } from './evaluate-rules.js';
import type { Condition, Rule, RuleAction } from './rule.js';
import { RULE_SCAN_LIMITS, ruleFactsOf, type RuleFacts } from './rule-facts.js';

const facts = (over: Partial<RuleFacts> = {}): RuleFacts => ({
  from: 'rita@reporter.example.org',
  to: ['safety@casework.test', 'legal@casework.test'],
  cc: ['friend@example.com'],
  subject: 'URGENT: someone posted my address',
  body: 'Hello,\nThey published my home address and phone number.\nPlease help.',
  headers: new Map([
    ['x-spam-flag', 'NO'],
    ['list-id', '<news.example.org>'],
  ]),
  language: 'en',
  attachmentTypes: ['image/png; name=proof.png', 'application/pdf'],
  triageCategories: ['doxxing'],
  ...over,
});

let counter = 0;
const rule = (when: Condition, then: RuleAction[] = [{ type: 'addTags', tags: ['hit'] }], over: Partial<Rule> = {}): Rule => ({
  id: `r${String(++counter).padStart(3, '0')}`,
  name: `rule ${counter}`,
  position: counter,
  enabled: true,
  when,
  then,
  ...over,
});

const matches = (when: Condition, mail: RuleFacts = facts()) => evaluateRules([rule(when)], mail).matched.length === 1;

describe('evaluateRules: conditions', () => {
  it.each<[string, Condition, boolean]>([
    ['from equals, any case', { field: 'from', op: 'equals', value: 'Rita@Reporter.Example.org' }, true],
    ['from equals, case-sensitive', { field: 'from', op: 'equals', value: 'Rita@Reporter.Example.org', caseSensitive: true }, false],
    ['to: any recipient', { field: 'to', op: 'equals', value: 'legal@casework.test' }, true],
    ['to: none matches', { field: 'to', op: 'equals', value: 'press@casework.test' }, false],
    ['cc contains', { field: 'cc', op: 'contains', value: 'EXAMPLE.com' }, true],
    ['subject contains', { field: 'subject', op: 'contains', value: 'urgent' }, true],
    ['subject regex', { field: 'subject', op: 'regex', value: '^urgent:\\s' }, true],
    ['subject regex, case-sensitive', { field: 'subject', op: 'regex', value: '^urgent', caseSensitive: true }, false],
    ['body contains across lines', { field: 'body', op: 'regex', value: 'home\\s+address' }, true],
    ['body does not contain', { field: 'body', op: 'contains', value: 'newsletter' }, false],
    ['header by name, any case', { field: 'header:X-Spam-Flag', op: 'equals', value: 'no' }, true],
    ['missing header matches nothing', { field: 'header:X-Spam-Score', op: 'regex', value: '.*' }, false],
    ['header contains', { field: 'header:List-Id', op: 'contains', value: 'news.example' }, true],
    ['language inList', { field: 'language', op: 'inList', value: ['ES', 'en'] }, true],
    ['attachment type without parameters', { field: 'attachmentType', op: 'equals', value: 'image/png' }, true],
    ['attachment type regex', { field: 'attachmentType', op: 'regex', value: '^application/(pdf|zip)$' }, true],
    ['sender domain', { field: 'senderDomain', op: 'equals', value: 'reporter.example.org' }, true],
    ['sender domain is not a suffix test', { field: 'senderDomain', op: 'equals', value: 'example.org' }, false],
    ['sender domain suffix by regex', { field: 'senderDomain', op: 'regex', value: '(^|\\.)example\\.org$' }, true],
    ['triage category', { field: 'triageCategory', op: 'inList', value: ['threat', 'doxxing'] }, true],
    ['all', { all: [{ field: 'language', op: 'equals', value: 'en' }, { field: 'subject', op: 'contains', value: 'address' }] }, true],
    ['all with one failing', { all: [{ field: 'language', op: 'equals', value: 'en' }, { field: 'subject', op: 'contains', value: 'invoice' }] }, false],
    ['all of nothing always holds', { all: [] }, true],
    ['any', { any: [{ field: 'language', op: 'equals', value: 'fr' }, { field: 'cc', op: 'contains', value: 'friend' }] }, true],
    ['any with none', { any: [{ field: 'language', op: 'equals', value: 'fr' }, { field: 'cc', op: 'contains', value: 'foe' }] }, false],
    ['not', { not: { field: 'from', op: 'contains', value: '@casework.test' } }, true],
    ['nested', { all: [{ not: { any: [{ field: 'language', op: 'equals', value: 'de' }] } }, { field: 'to', op: 'contains', value: 'safety@' }] }, true],
  ])('%s', (_name, when, expected) => {
    expect(matches(when)).toBe(expected);
  });

  it.each<[string, Partial<RuleFacts>, Condition, boolean]>([
    ['no sender: from matches nothing', { from: null }, { field: 'from', op: 'regex', value: '.*' }, false],
    ['no sender: not of it holds', { from: null }, { not: { field: 'senderDomain', op: 'equals', value: 'example.org' } }, true],
    ['no language', { language: null }, { field: 'language', op: 'inList', value: ['en'] }, false],
    ['no attachments', { attachmentTypes: [] }, { field: 'attachmentType', op: 'contains', value: '/' }, false],
    ['Unicode case folding', { subject: 'ДРУГ в опасности' }, { field: 'subject', op: 'contains', value: 'друг' }, true],
    ['Unicode regex ignores case', { body: 'AMENAZA de muerte' }, { field: 'body', op: 'regex', value: 'amenaza\\s+de\\s+muerte' }, true],
    ['empty body equals ""', { body: '' }, { field: 'body', op: 'equals', value: '' }, true],
  ])('%s', (_name, over, when, expected) => {
    expect(matches(when, facts(over))).toBe(expected);
  });
});

describe('evaluateRules: order, actions and stop', () => {
  const spam: Condition = { field: 'header:X-Spam-Flag', op: 'equals', value: 'yes' };
  const always: Condition = { all: [] };

  it('applies matched rules in position order, later ones overriding, tags adding up', () => {
    const rules = [
      rule(always, [{ type: 'setPriority', priority: 'low' }, { type: 'addTags', tags: ['b'] }], { position: 20, id: 'late' }),
      rule(always, [{ type: 'setQueue', queueSlug: 'legal' }, { type: 'setPriority', priority: 'high' }, { type: 'addTags', tags: ['a', 'b'] }], { position: 10, id: 'early' }),
      rule(spam, [{ type: 'markSpam' }], { position: 15, id: 'spam' }),
    ];
    const { matched, outcome } = evaluateRules(rules, facts());
    expect(matched.map((m) => m.ruleId)).toEqual(['early', 'late']);
    expect(outcome).toEqual({ queue: { queueSlug: 'legal' }, priority: 'low', tags: ['a', 'b'], suppressAcknowledgement: false, spam: false });
  });

  it('stops after the rule that says stop, keeping all of that rule’s actions', () => {
    const rules = [
      rule(always, [{ type: 'stop' }, { type: 'assign', userId: 'u1' }, { type: 'suppressAcknowledgement' }], { position: 1, id: 'first' }),
      rule(always, [{ type: 'markSpam' }], { position: 2, id: 'never' }),
    ];
    const { matched, outcome } = evaluateRules(rules, facts());
    expect(matched.map((m) => m.ruleId)).toEqual(['first']);
    expect(outcome).toEqual({ tags: [], assigneeId: 'u1', suppressAcknowledgement: true, spam: false, stoppedAt: 'first' });
  });

  it('a stop in a rule that does not match stops nothing', () => {
    const rules = [rule(spam, [{ type: 'stop' }], { position: 1 }), rule(always, [{ type: 'markSpam' }, { type: 'setQueue', queueId: 'q-1' }], { position: 2 })];
    expect(evaluateRules(rules, facts()).outcome).toMatchObject({ spam: true, queue: { queueId: 'q-1' } });
    expect(evaluateRules(rules, facts()).outcome.stoppedAt).toBeUndefined();
  });

  it('skips disabled rules and orders equal positions by id', () => {
    const rules = [rule(always, undefined, { id: 'b', position: 5 }), rule(always, undefined, { id: 'a', position: 5 }), rule(always, undefined, { id: 'c', position: 1, enabled: false })];
    expect(evaluateRules(rules, facts()).matched.map((m) => m.ruleId)).toEqual(['a', 'b']);
    expect(orderRules(rules).map((r) => r.id)).toEqual(['c', 'a', 'b']);
  });

  it('skips a stored rule whose regex does not compile instead of failing the mail', () => {
    const broken = rule({ field: 'subject', op: 'regex', value: '(?<=x)y' }, undefined, { id: 'broken', position: 1 });
    const fine = rule(always, undefined, { id: 'fine', position: 2 });
    const result = evaluateRules([broken, fine], facts());
    expect(result.matched.map((m) => m.ruleId)).toEqual(['fine']);
    expect(result.skipped).toEqual([{ ruleId: 'broken', reason: expect.stringContaining('invalid regex') }]);
  });

  it('matches nothing and decides nothing without rules', () => {
    expect(evaluateRules([], facts())).toEqual({ matched: [], outcome: { tags: [], suppressAcknowledgement: false, spam: false }, skipped: [] });
  });
});

describe('evaluateRules: bounded work', () => {
  it('runs a pathological pattern over a long body in linear time', () => {
    const started = performance.now();
    const body = `${'a'.repeat(60_000)}!`;
    expect(matches({ field: 'body', op: 'regex', value: '(a+)+$' }, facts({ body }))).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('looks only at the first BODY_SCAN_CHARS of the body', () => {
    const body = `${'x'.repeat(RULE_SCAN_LIMITS.bodyChars)}needle`;
    expect(matches({ field: 'body', op: 'contains', value: 'needle' }, facts({ body }))).toBe(false);
    expect(matches({ field: 'body', op: 'contains', value: 'needle' }, facts({ body: `needle${body}` }))).toBe(true);
  });

  it('200 rules over a 5 MB body and 10,000 recipients stay fast', () => {
    const many = ruleFactsOf(
      {
        from: { email: 'A@B.example' },
        to: Array.from({ length: 10_000 }, (_, i) => ({ email: `r${i}@example.org` })),
        cc: [],
        subject: 'x',
        text: 'word '.repeat(1_000_000),
        headers: new Map(),
        attachments: [],
      },
      { language: null, triageCategories: [] },
    );
    const rules = Array.from({ length: 200 }, (_, i) =>
      rule({ any: [{ field: 'body', op: 'regex', value: `kill${i}\\s+you` }, { field: 'to', op: 'contains', value: `nobody${i}@` }] }),
    );
    const started = performance.now();
    expect(evaluateRules(rules, many).matched).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('ruleFactsOf', () => {
  it('reads a parsed mail, lower-casing addresses and bounding the body', () => {
    const built = ruleFactsOf(
      {
        from: { email: 'Rita@Example.org' },
        to: [{ email: 'Safety@Casework.test' }],
        cc: [],
        subject: 'Hi',
        text: 'y'.repeat(RULE_SCAN_LIMITS.bodyChars + 10),
        headers: new Map([['x-a', '1']]),
        attachments: [{ contentType: 'image/jpeg' }],
      },
      { language: 'en', triageCategories: ['threat'] },
    );
    expect(built).toMatchObject({ from: 'rita@example.org', to: ['safety@casework.test'], language: 'en', attachmentTypes: ['image/jpeg'], triageCategories: ['threat'] });
    expect(built.body).toHaveLength(RULE_SCAN_LIMITS.bodyChars);
  });
});
