import type { TicketPriority } from '../ticket-status.js';

/**
 * Routing rules as data: a condition over the parsed mail and the actions to take when it
 * holds. Stored as JSON (the `when` / `then` of a routing_rule row), checked by validateRule,
 * evaluated by evaluateRules. Nothing here runs I/O.
 */

/** The fields a condition can test; `header:<Name>` (any header, by name) comes on top. */
export const RULE_FIELDS = ['from', 'to', 'cc', 'subject', 'body', 'language', 'attachmentType', 'senderDomain', 'triageCategory'] as const;
export type RuleFixedField = (typeof RULE_FIELDS)[number];
export type RuleField = RuleFixedField | `header:${string}`;

export const HEADER_FIELD_PREFIX = 'header:';

export const RULE_OPERATORS = ['equals', 'contains', 'inList', 'regex'] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

/**
 * One test of one field. A field with several values (to, cc, attachment types, triage
 * categories) matches when any of them does; a field with no value (no sender, no language)
 * matches nothing, so `not` of it holds. Case is ignored unless `caseSensitive`.
 */
export type FieldCondition =
  | { field: RuleField; op: 'equals' | 'contains' | 'regex'; value: string; caseSensitive?: boolean }
  | { field: RuleField; op: 'inList'; value: string[]; caseSensitive?: boolean };

/** `all: []` always holds (a catch-all rule); `any` needs at least one condition. */
export type Condition = FieldCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const RULE_ACTION_TYPES = ['setQueue', 'setPriority', 'addTags', 'assign', 'suppressAcknowledgement', 'markSpam', 'stop'] as const;
export type RuleActionType = (typeof RULE_ACTION_TYPES)[number];

/** A queue named by its slug (readable, stable: slugs never change) or by its id. */
export type QueueReference = { queueSlug: string } | { queueId: string };

export type RuleAction =
  | ({ type: 'setQueue' } & QueueReference)
  | { type: 'setPriority'; priority: TicketPriority }
  | { type: 'addTags'; tags: string[] }
  | { type: 'assign'; userId: string }
  | { type: 'suppressAcknowledgement' }
  | { type: 'markSpam' }
  | { type: 'stop' };

/** What is stored as a rule's definition. */
export interface RuleDefinition {
  when: Condition;
  then: RuleAction[];
}

/** A rule: applied in `position` order (ties by id); a disabled rule is skipped. */
export interface Rule extends RuleDefinition {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
}

/** A rule as written by a person, before it has an id. */
export type RuleInput = Omit<Rule, 'id'>;

/** Bounds of one rule, so a stored rule cannot make evaluation slow or the row huge. */
export const RULE_LIMITS = {
  nameLength: 200,
  /** Conditions in one rule, counting all / any / not. */
  conditions: 100,
  /** Nesting of all / any / not. */
  depth: 8,
  valueLength: 1000,
  listValues: 1000,
  regexLength: 1000,
  actions: 20,
  tags: 20,
  tagLength: 64,
  idLength: 128,
  /** The JSON of when and then together. */
  definitionChars: 65_536,
} as const;
