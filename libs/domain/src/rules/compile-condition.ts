import { compileLinearRegex } from './linear-regex.js';
import { HEADER_FIELD_PREFIX, type Condition, type FieldCondition, type RuleField } from './rule.js';
import { RULE_SCAN_LIMITS, type RuleFacts } from './rule-facts.js';

/**
 * The values of each field of one mail, read once per evaluation however many rules ask: the
 * lower-cased copies for case-insensitive tests and the UTF-8 bytes regexes run on (RE2 would
 * otherwise convert the string again for every pattern).
 */
export class PreparedFacts {
  private readonly raw = new Map<RuleField, readonly string[]>();
  private readonly lowered = new Map<RuleField, readonly string[]>();
  private readonly bytes = new Map<RuleField, readonly Buffer[]>();

  constructor(private readonly facts: RuleFacts) {}

  values(field: RuleField): readonly string[] {
    let values = this.raw.get(field);
    if (!values) this.raw.set(field, (values = valuesOf(this.facts, field)));
    return values;
  }

  lowerValues(field: RuleField): readonly string[] {
    let values = this.lowered.get(field);
    if (!values) this.lowered.set(field, (values = this.values(field).map((v) => v.toLowerCase())));
    return values;
  }

  byteValues(field: RuleField): readonly Buffer[] {
    let values = this.bytes.get(field);
    if (!values) this.bytes.set(field, (values = this.values(field).map((v) => Buffer.from(v, 'utf8'))));
    return values;
  }
}

function valuesOf(facts: RuleFacts, field: RuleField): readonly string[] {
  const bounded = (list: readonly string[]) => list.slice(0, RULE_SCAN_LIMITS.listValues).map((v) => v.slice(0, RULE_SCAN_LIMITS.valueChars));
  const single = (value: string | null | undefined) => (value === null || value === undefined ? [] : [value.slice(0, RULE_SCAN_LIMITS.valueChars)]);
  if (field.startsWith(HEADER_FIELD_PREFIX)) return single(facts.headers.get(field.slice(HEADER_FIELD_PREFIX.length).toLowerCase()));
  switch (field) {
    case 'from':
      return single(facts.from);
    case 'to':
      return bounded(facts.to);
    case 'cc':
      return bounded(facts.cc);
    case 'subject':
      return single(facts.subject);
    case 'body':
      return [facts.body.slice(0, RULE_SCAN_LIMITS.bodyChars)];
    case 'language':
      return single(facts.language);
    case 'attachmentType':
      // `image/png; name=x.png` tests as `image/png`.
      return bounded(facts.attachmentTypes).map((type) => type.split(';')[0].trim());
    case 'senderDomain': {
      const at = facts.from?.lastIndexOf('@') ?? -1;
      return at < 0 ? [] : single(facts.from!.slice(at + 1));
    }
    case 'triageCategory':
      return bounded(facts.triageCategories);
    default:
      return [];
  }
}

export type CompiledCondition = (facts: PreparedFacts) => boolean;

/** A condition as a predicate, its regexes and lists built once; throws when a regex does not compile. */
export function compileCondition(condition: Condition): CompiledCondition {
  if ('all' in condition) {
    const parts = condition.all.map(compileCondition);
    return (facts) => parts.every((part) => part(facts));
  }
  if ('any' in condition) {
    const parts = condition.any.map(compileCondition);
    return (facts) => parts.some((part) => part(facts));
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return (facts) => !inner(facts);
  }
  return compileFieldCondition(condition);
}

function compileFieldCondition(condition: FieldCondition): CompiledCondition {
  const { field } = condition;
  const sensitive = condition.caseSensitive === true;
  const read = (facts: PreparedFacts) => (sensitive ? facts.values(field) : facts.lowerValues(field));
  switch (condition.op) {
    case 'equals': {
      const wanted = sensitive ? condition.value : condition.value.toLowerCase();
      return (facts) => read(facts).some((value) => value === wanted);
    }
    case 'contains': {
      const wanted = sensitive ? condition.value : condition.value.toLowerCase();
      return (facts) => read(facts).some((value) => value.includes(wanted));
    }
    case 'inList': {
      const wanted = new Set(sensitive ? condition.value : condition.value.map((v) => v.toLowerCase()));
      return (facts) => read(facts).some((value) => wanted.has(value));
    }
    case 'regex': {
      const compiled = compileLinearRegex(condition.value, sensitive);
      if (!compiled.ok) throw new Error(compiled.reason);
      const { regex } = compiled;
      return (facts) => facts.byteValues(field).some((value) => regex.test(value));
    }
  }
}
