import { compileLinearRegex } from './linear-regex.js';
import type { RegexBank, RegexSlot } from './regex-bank.js';
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
  /** Whether a regex of the rule set matches: its bank answers for every regex of a field at once. */
  readonly regexMatches: (slot: RegexSlot) => boolean;

  constructor(
    private readonly facts: RuleFacts,
    bank: RegexBank,
  ) {
    this.regexMatches = bank.matcher((field) => this.byteValues(field));
  }

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

/**
 * A condition as a predicate, its lists built once and its regexes put in the rule set's bank;
 * throws when a regex does not compile (before anything is added to the bank).
 */
export function compileCondition(condition: Condition, bank: RegexBank): CompiledCondition {
  const regexes: CollectedRegex[] = [];
  collectRegexes(condition, regexes);
  const slots = new Map(regexes.map(({ condition: at, source, regex }) => [at, bank.add(at.field, at.caseSensitive === true, source, regex)]));
  return build(condition, slots);
}

interface CollectedRegex {
  condition: FieldCondition;
  source: string;
  regex: { test(value: Buffer): boolean };
}

function collectRegexes(condition: Condition, into: CollectedRegex[]): void {
  if ('all' in condition) condition.all.forEach((part) => collectRegexes(part, into));
  else if ('any' in condition) condition.any.forEach((part) => collectRegexes(part, into));
  else if ('not' in condition) collectRegexes(condition.not, into);
  else if (condition.op === 'regex') {
    const compiled = compileLinearRegex(condition.value, condition.caseSensitive === true);
    if (!compiled.ok) throw new Error(compiled.reason);
    into.push({ condition, source: condition.value, regex: compiled.regex });
  }
}

// The predicates loop rather than call every/some with a callback: they run for every rule of
// every mail, and a callback closing over the facts is an allocation each time.
function build(condition: Condition, slots: ReadonlyMap<FieldCondition, RegexSlot>): CompiledCondition {
  if ('all' in condition) {
    const parts = condition.all.map((part) => build(part, slots));
    return (facts) => {
      for (const part of parts) if (!part(facts)) return false;
      return true;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map((part) => build(part, slots));
    return (facts) => {
      for (const part of parts) if (part(facts)) return true;
      return false;
    };
  }
  if ('not' in condition) {
    const inner = build(condition.not, slots);
    return (facts) => !inner(facts);
  }
  return compileFieldCondition(condition, slots);
}

function compileFieldCondition(condition: FieldCondition, slots: ReadonlyMap<FieldCondition, RegexSlot>): CompiledCondition {
  const { field } = condition;
  const sensitive = condition.caseSensitive === true;
  const read = (facts: PreparedFacts) => (sensitive ? facts.values(field) : facts.lowerValues(field));
  switch (condition.op) {
    case 'equals': {
      const wanted = sensitive ? condition.value : condition.value.toLowerCase();
      return (facts) => {
        for (const value of read(facts)) if (value === wanted) return true;
        return false;
      };
    }
    case 'contains': {
      const wanted = sensitive ? condition.value : condition.value.toLowerCase();
      return (facts) => {
        for (const value of read(facts)) if (value.includes(wanted)) return true;
        return false;
      };
    }
    case 'inList': {
      const wanted = new Set(sensitive ? condition.value : condition.value.map((v) => v.toLowerCase()));
      return (facts) => {
        for (const value of read(facts)) if (wanted.has(value)) return true;
        return false;
      };
    }
    case 'regex': {
      const slot = slots.get(condition)!;
      return (facts) => facts.regexMatches(slot);
    }
  }
}
