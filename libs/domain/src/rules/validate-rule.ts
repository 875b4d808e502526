import type { ValidationError } from '../sla/calendar.js';
import { TICKET_PRIORITIES, type TicketPriority } from '../ticket-status.js';
import { compileLinearRegex } from './linear-regex.js';
import {
  HEADER_FIELD_PREFIX,
  RULE_ACTION_TYPES,
  RULE_FIELDS,
  RULE_LIMITS,
  RULE_OPERATORS,
  type Condition,
  type RuleAction,
  type RuleDefinition,
  type RuleField,
  type RuleInput,
} from './rule.js';

export type RuleDefinitionValidation = { ok: true; definition: RuleDefinition } | { ok: false; errors: ValidationError[] };
export type RuleValidation = { ok: true; rule: RuleInput } | { ok: false; errors: ValidationError[] };

// RFC 5322 field names: printable ASCII without ':' (and no space).
const HEADER_NAME = /^[!-9;-~]{1,76}$/;
const TAG = /^[a-z0-9][a-z0-9:_.\-]*$/i;

/**
 * Checks a rule as a person wrote it (JSON from the API): name, position, enabled, when, then.
 * Errors name the path at fault (`when.all.1.field`, `then.0.type`) and what is wrong: an
 * unknown field, operator or action, an invalid regex, a bad value.
 */
export function validateRule(input: unknown): RuleValidation {
  if (!isObject(input)) return { ok: false, errors: [{ path: 'body', message: 'a rule must be an object' }] };
  const errors: ValidationError[] = [];
  const { name, position, enabled = true } = input;
  if (typeof name !== 'string' || name.trim() === '' || name.length > RULE_LIMITS.nameLength) {
    errors.push({ path: 'name', message: `name must be 1 to ${RULE_LIMITS.nameLength} characters` });
  }
  if (typeof position !== 'number' || !Number.isInteger(position) || position < 0 || position > 1_000_000) {
    errors.push({ path: 'position', message: 'position must be an integer from 0 to 1000000' });
  }
  if (typeof enabled !== 'boolean') errors.push({ path: 'enabled', message: 'enabled must be a boolean' });
  const definition = validateRuleDefinition({ when: input.when, then: input.then });
  if (!definition.ok) errors.push(...definition.errors);
  if (errors.length > 0 || !definition.ok) return { ok: false, errors };
  return { ok: true, rule: { name: name as string, position: position as number, enabled: enabled as boolean, ...definition.definition } };
}

/** Checks `{ when, then }` alone (what a routing_rule row stores as its definition). */
export function validateRuleDefinition(input: { when: unknown; then: unknown }): RuleDefinitionValidation {
  const errors: ValidationError[] = [];
  const budget = { conditions: 0 };
  const when = checkCondition(input.when, 'when', 1, budget, errors);
  const then = checkActions(input.then, errors);
  if (errors.length > 0 || !when || !then) return { ok: false, errors };
  if (JSON.stringify({ when, then }).length > RULE_LIMITS.definitionChars) {
    return { ok: false, errors: [{ path: 'when', message: `when and then together take at most ${RULE_LIMITS.definitionChars} characters of JSON` }] };
  }
  return { ok: true, definition: { when, then } };
}

function checkCondition(input: unknown, path: string, depth: number, budget: { conditions: number }, errors: ValidationError[]): Condition | null {
  if (++budget.conditions > RULE_LIMITS.conditions) {
    if (budget.conditions === RULE_LIMITS.conditions + 1) errors.push({ path, message: `a rule has at most ${RULE_LIMITS.conditions} conditions` });
    return null;
  }
  if (!isObject(input)) {
    errors.push({ path, message: 'a condition must be an object: { field, op, value }, { all: [...] }, { any: [...] } or { not: {...} }' });
    return null;
  }
  const combinators = ['all', 'any', 'not'].filter((key) => key in input);
  if (combinators.length > 0) {
    const extra = Object.keys(input).filter((key) => key !== combinators[0]);
    if (combinators.length > 1 || extra.length > 0) {
      const keys = Object.keys(input).slice(0, 5).map((key) => JSON.stringify(key.slice(0, 64)));
      errors.push({ path, message: `a combinator condition has exactly one key (all, any or not), not ${keys.join(', ')}` });
      return null;
    }
    if (depth >= RULE_LIMITS.depth) {
      errors.push({ path, message: `conditions nest at most ${RULE_LIMITS.depth} deep` });
      return null;
    }
    const key = combinators[0] as 'all' | 'any' | 'not';
    const inner = input[key];
    if (key === 'not') {
      const negated = checkCondition(inner, `${path}.not`, depth + 1, budget, errors);
      return negated && { not: negated };
    }
    if (!Array.isArray(inner) || (key === 'any' && inner.length === 0)) {
      errors.push({ path: `${path}.${key}`, message: key === 'any' ? 'any must be a non-empty array of conditions' : 'all must be an array of conditions' });
      return null;
    }
    const parts = inner.map((part, index) => checkCondition(part, `${path}.${key}.${index}`, depth + 1, budget, errors));
    if (parts.some((part) => part === null)) return null;
    return key === 'all' ? { all: parts as Condition[] } : { any: parts as Condition[] };
  }
  return checkFieldCondition(input, path, errors);
}

function checkFieldCondition(input: Record<string, unknown>, path: string, errors: ValidationError[]): Condition | null {
  const before = errors.length;
  const unknownKeys = Object.keys(input).filter((key) => !['field', 'op', 'value', 'caseSensitive'].includes(key));
  if (unknownKeys.length > 0) errors.push({ path, message: `unknown key ${JSON.stringify(unknownKeys[0].slice(0, 64))} (a condition has field, op, value, caseSensitive)` });
  const { field, op, value, caseSensitive = false } = input;
  if (!isRuleField(field)) {
    const shown = typeof field === 'string' ? JSON.stringify(field.slice(0, 64)) : String(field);
    errors.push({ path: `${path}.field`, message: `unknown field ${shown} (one of ${RULE_FIELDS.join(', ')}, header:<Name>)` });
  }
  if (typeof caseSensitive !== 'boolean') errors.push({ path: `${path}.caseSensitive`, message: 'caseSensitive must be a boolean' });
  if (typeof op !== 'string' || !(RULE_OPERATORS as readonly string[]).includes(op)) {
    errors.push({ path: `${path}.op`, message: `unknown operator ${JSON.stringify(String(op).slice(0, 64))} (one of ${RULE_OPERATORS.join(', ')})` });
  } else if (op === 'inList') {
    const ok = Array.isArray(value) && value.length > 0 && value.length <= RULE_LIMITS.listValues && value.every((v) => typeof v === 'string' && v.length <= RULE_LIMITS.valueLength);
    if (!ok) errors.push({ path: `${path}.value`, message: `inList takes 1 to ${RULE_LIMITS.listValues} strings of at most ${RULE_LIMITS.valueLength} characters` });
  } else if (op === 'regex') {
    if (typeof value !== 'string' || value === '' || value.length > RULE_LIMITS.regexLength) {
      errors.push({ path: `${path}.value`, message: `a regex is a pattern of 1 to ${RULE_LIMITS.regexLength} characters` });
    } else {
      const compiled = compileLinearRegex(value, caseSensitive === true);
      if (!compiled.ok) errors.push({ path: `${path}.value`, message: compiled.reason });
    }
  } else if (typeof value !== 'string' || value.length > RULE_LIMITS.valueLength || (op === 'contains' && value === '')) {
    errors.push({ path: `${path}.value`, message: `${op} takes a ${op === 'contains' ? 'non-empty ' : ''}string of at most ${RULE_LIMITS.valueLength} characters` });
  }
  if (errors.length > before) return null;
  return { field, op, value, ...(caseSensitive ? { caseSensitive: true } : {}) } as Condition;
}

function isRuleField(field: unknown): field is RuleField {
  if (typeof field !== 'string') return false;
  if (field.startsWith(HEADER_FIELD_PREFIX)) return HEADER_NAME.test(field.slice(HEADER_FIELD_PREFIX.length));
  return (RULE_FIELDS as readonly string[]).includes(field);
}

function checkActions(input: unknown, errors: ValidationError[]): RuleAction[] | null {
  if (!Array.isArray(input) || input.length === 0 || input.length > RULE_LIMITS.actions) {
    errors.push({ path: 'then', message: `then must be a list of 1 to ${RULE_LIMITS.actions} actions` });
    return null;
  }
  const before = errors.length;
  const actions = input.map((action, index) => checkAction(action, `then.${index}`, errors));
  return errors.length > before ? null : (actions as RuleAction[]);
}

/** The keys each action takes besides `type`. */
const ACTION_KEYS: Record<RuleAction['type'], readonly string[]> = {
  setQueue: ['queueSlug', 'queueId'],
  setPriority: ['priority'],
  addTags: ['tags'],
  assign: ['userId'],
  suppressAcknowledgement: [],
  markSpam: [],
  stop: [],
};

function checkAction(input: unknown, path: string, errors: ValidationError[]): RuleAction | null {
  if (!isObject(input)) {
    errors.push({ path, message: 'an action must be an object with a type' });
    return null;
  }
  const { type } = input;
  if (typeof type !== 'string' || !(RULE_ACTION_TYPES as readonly string[]).includes(type)) {
    errors.push({ path: `${path}.type`, message: `unknown action ${JSON.stringify(String(type).slice(0, 64))} (one of ${RULE_ACTION_TYPES.join(', ')})` });
    return null;
  }
  const kind = type as RuleAction['type'];
  const extra = Object.keys(input).filter((key) => key !== 'type' && !ACTION_KEYS[kind].includes(key));
  if (extra.length > 0) {
    errors.push({ path, message: `${kind} takes ${ACTION_KEYS[kind].join(' or ') || 'nothing but its type'}, not ${JSON.stringify(extra[0].slice(0, 64))}` });
    return null;
  }
  const fail = (key: string, message: string): null => {
    errors.push({ path: `${path}.${key}`, message });
    return null;
  };
  switch (kind) {
    case 'setQueue': {
      const { queueSlug, queueId } = input;
      if ((queueSlug === undefined) === (queueId === undefined)) return fail('queueSlug', 'setQueue names its queue by exactly one of queueSlug or queueId');
      if (queueSlug !== undefined) return isId(queueSlug) ? { type: kind, queueSlug } : fail('queueSlug', 'queueSlug must be a queue slug');
      return isId(queueId) ? { type: kind, queueId } : fail('queueId', 'queueId must be a queue id');
    }
    case 'setPriority':
      return (TICKET_PRIORITIES as readonly unknown[]).includes(input.priority)
        ? { type: kind, priority: input.priority as TicketPriority }
        : fail('priority', `priority must be one of ${TICKET_PRIORITIES.join(', ')}`);
    case 'addTags': {
      const { tags } = input;
      const ok = Array.isArray(tags) && tags.length > 0 && tags.length <= RULE_LIMITS.tags && tags.every((t) => typeof t === 'string' && t.length <= RULE_LIMITS.tagLength && TAG.test(t));
      return ok
        ? { type: kind, tags: [...new Set(tags as string[])] }
        : fail('tags', `tags must be 1 to ${RULE_LIMITS.tags} tags of letters, digits and : _ . - (at most ${RULE_LIMITS.tagLength} characters each)`);
    }
    case 'assign':
      return isId(input.userId) ? { type: kind, userId: input.userId } : fail('userId', 'userId must be a user id');
    default:
      return { type: kind };
  }
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= RULE_LIMITS.idLength;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
