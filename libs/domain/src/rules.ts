/**
 * Routing rules as data, pure. The pieces live in ./rules/:
 * - rule.ts: rule, condition and action types, their bounds
 * - rule-facts.ts: RuleFacts, the parsed-mail view rules test, and ruleFactsOf
 * - validate-rule.ts: validateRule / validateRuleDefinition (errors name the path at fault)
 * - compile-condition.ts, linear-regex.ts: conditions as predicates; regexes on RE2 (linear time)
 * - evaluate-rules.ts: evaluateRules, in position order, `stop` ends it
 */
export {
  HEADER_FIELD_PREFIX,
  RULE_ACTION_TYPES,
  RULE_FIELDS,
  RULE_LIMITS,
  RULE_OPERATORS,
  type Condition,
  type FieldCondition,
  type QueueReference,
  type Rule,
  type RuleAction,
  type RuleActionType,
  type RuleDefinition,
  type RuleField,
  type RuleInput,
  type RuleOperator,
} from './rules/rule.js';
export { RULE_SCAN_LIMITS, ruleFactsOf, type MailForRules, type RuleFacts } from './rules/rule-facts.js';
export { validateRule, validateRuleDefinition, type RuleDefinitionValidation, type RuleValidation } from './rules/validate-rule.js';
export { evaluateRules, orderRules, type MatchedRule, type RuleEvaluation, type RuleEvaluationOutcome } from './rules/evaluate-rules.js';
