import { RULE_LIMITS } from './rule.js';
import { validateRule, validateRuleDefinition } from './validate-rule.js';

const valid = {
  name: 'Legal threats to legal',
  position: 10,
  enabled: true,
  when: { all: [{ field: 'subject', op: 'regex', value: '\\b(lawyer|subpoena)\\b' }, { not: { field: 'senderDomain', op: 'inList', value: ['casework.test'] } }] },
  then: [{ type: 'setQueue', queueSlug: 'legal' }, { type: 'addTags', tags: ['legal', 'legal'] }, { type: 'stop' }],
};

const errorsOf = (input: unknown) => {
  const result = validateRule(input);
  return result.ok ? [] : result.errors;
};

describe('validateRule', () => {
  it('accepts a well-formed rule, keeping each tag once and defaulting enabled', () => {
    const { enabled: _omitted, ...rest } = valid;
    const result = validateRule(rest);
    expect(result).toEqual({ ok: true, rule: { ...valid, then: [valid.then[0], { type: 'addTags', tags: ['legal'] }, valid.then[2]] } });
  });

  it.each<[string, unknown, string, RegExp]>([
    ['an unknown field', { field: 'sender', op: 'equals', value: 'x' }, 'when.field', /unknown field "sender"/],
    ['a header without a name', { field: 'header:', op: 'equals', value: 'x' }, 'when.field', /unknown field/],
    ['a header name with a space', { field: 'header:X Bad', op: 'equals', value: 'x' }, 'when.field', /unknown field/],
    ['an unknown operator', { field: 'subject', op: 'startsWith', value: 'x' }, 'when.op', /unknown operator "startsWith"/],
    ['an invalid regex', { field: 'subject', op: 'regex', value: '(unclosed' }, 'when.value', /invalid regex/],
    ['a backreference (no linear-time match)', { field: 'body', op: 'regex', value: '(a)\\1' }, 'when.value', /invalid regex/],
    ['a lookahead', { field: 'body', op: 'regex', value: 'a(?=b)' }, 'when.value', /invalid regex/],
    ['an empty regex', { field: 'body', op: 'regex', value: '' }, 'when.value', /regex is a pattern/],
    ['a regex too long', { field: 'body', op: 'regex', value: 'a'.repeat(RULE_LIMITS.regexLength + 1) }, 'when.value', /regex is a pattern/],
    ['inList without a list', { field: 'to', op: 'inList', value: 'a@b' }, 'when.value', /inList takes/],
    ['an empty contains', { field: 'to', op: 'contains', value: '' }, 'when.value', /non-empty string/],
    ['a number as value', { field: 'to', op: 'equals', value: 3 }, 'when.value', /equals takes/],
    ['a non-boolean caseSensitive', { field: 'to', op: 'equals', value: 'x', caseSensitive: 'yes' }, 'when.caseSensitive', /boolean/],
    ['an unknown key', { field: 'to', op: 'equals', value: 'x', negate: true }, 'when', /unknown key "negate"/],
    ['an empty any', { any: [] }, 'when.any', /non-empty/],
    ['all not a list', { all: { field: 'to' } }, 'when.all', /array/],
    ['two combinators', { all: [], any: [] }, 'when', /exactly one key/],
    ['a string condition', 'subject contains x', 'when', /must be an object/],
  ])('names %s', (_name, when, path, message) => {
    const errors = errorsOf({ ...valid, when });
    expect(errors).toEqual([{ path, message: expect.stringMatching(message) }]);
  });

  it('names the nested path', () => {
    const errors = errorsOf({ ...valid, when: { any: [{ field: 'subject', op: 'contains', value: 'x' }, { not: { field: 'bcc', op: 'equals', value: 'y' } }] } });
    expect(errors.map((e) => e.path)).toEqual(['when.any.1.not.field']);
  });

  it.each<[string, unknown, string, RegExp]>([
    ['an unknown action', { type: 'forward', to: 'x@y' }, 'then.0.type', /unknown action "forward"/],
    ['setQueue naming no queue', { type: 'setQueue' }, 'then.0.queueSlug', /exactly one of/],
    ['setQueue naming two', { type: 'setQueue', queueSlug: 'a', queueId: 'b' }, 'then.0.queueSlug', /exactly one of/],
    ['a bad priority', { type: 'setPriority', priority: 'urgent' }, 'then.0.priority', /one of low, normal, high, emergency/],
    ['a bad tag', { type: 'addTags', tags: ['has space'] }, 'then.0.tags', /tags must be/],
    ['no tags', { type: 'addTags', tags: [] }, 'then.0.tags', /tags must be/],
    ['assign without a user', { type: 'assign' }, 'then.0.userId', /userId/],
    ['an extra key', { type: 'markSpam', score: 12 }, 'then.0', /markSpam takes nothing but its type/],
    ['an action that is not an object', 'stop', 'then.0', /object/],
  ])('names %s', (_name, action, path, message) => {
    expect(errorsOf({ ...valid, then: [action] })).toEqual([{ path, message: expect.stringMatching(message) }]);
  });

  it('names every bad top-level field at once', () => {
    const errors = errorsOf({ name: '', position: -1, enabled: 'no', when: null, then: [] });
    expect(errors.map((e) => e.path)).toEqual(['name', 'position', 'enabled', 'when', 'then']);
  });

  it('bounds the size and depth of a rule', () => {
    const wide = { all: Array.from({ length: RULE_LIMITS.conditions }, () => ({ field: 'to', op: 'equals', value: 'x' })) };
    expect(errorsOf({ ...valid, when: wide })).toEqual([{ path: `when.all.${RULE_LIMITS.conditions - 1}`, message: expect.stringMatching(/at most 100 conditions/) }]);
    let deep: unknown = { field: 'to', op: 'equals', value: 'x' };
    for (let i = 0; i < RULE_LIMITS.depth; i++) deep = { not: deep };
    expect(errorsOf({ ...valid, when: deep })[0].message).toMatch(/nest at most/);
    expect(errorsOf({ ...valid, then: Array.from({ length: RULE_LIMITS.actions + 1 }, () => ({ type: 'stop' })) })[0].path).toBe('then');
    const long = Array.from({ length: 100 }, (_, i) => `${i}`.padEnd(900, 'x'));
    expect(errorsOf({ ...valid, when: { field: 'to', op: 'inList', value: long } })).toEqual([{ path: 'when', message: expect.stringMatching(/at most 65536 characters/) }]);
  });

  it('refuses what is not a rule', () => {
    expect(errorsOf(null)).toEqual([{ path: 'body', message: 'a rule must be an object' }]);
    expect(errorsOf([valid])).toEqual([{ path: 'body', message: 'a rule must be an object' }]);
  });
});

describe('validateRuleDefinition', () => {
  it('checks when and then alone', () => {
    expect(validateRuleDefinition({ when: valid.when, then: [{ type: 'markSpam' }] })).toMatchObject({ ok: true });
    expect(validateRuleDefinition({ when: {}, then: [{ type: 'markSpam' }] })).toMatchObject({ ok: false, errors: [{ path: 'when.field' }, { path: 'when.op' }] });
  });
});
