import type { TicketPriority } from '../ticket-status.js';
import { compileCondition, PreparedFacts, type CompiledCondition } from './compile-condition.js';
import type { QueueReference, Rule, RuleAction } from './rule.js';
import type { RuleFacts } from './rule-facts.js';

export interface MatchedRule {
  ruleId: string;
  name: string;
  actions: RuleAction[];
}

/** What the matched rules decide together. Later rules override a queue, priority or assignee; tags add up. */
export interface RuleEvaluationOutcome {
  queue?: QueueReference;
  priority?: TicketPriority;
  tags: string[];
  assigneeId?: string;
  suppressAcknowledgement: boolean;
  spam: boolean;
  /** The rule whose `stop` ended the evaluation. */
  stoppedAt?: string;
}

export interface RuleEvaluation {
  matched: MatchedRule[];
  outcome: RuleEvaluationOutcome;
  /** Rules that could not be evaluated (a stored regex this RE2 refuses): skipped, never fatal. */
  skipped: { ruleId: string; reason: string }[];
}

type Compiled = { ok: true; test: CompiledCondition } | { ok: false; reason: string };

// Keyed by the rule's `when` object: a router that keeps the loaded rule set between mails
// (the repository's cache does) compiles each regex once, not once per mail.
const compiledConditions = new WeakMap<object, Compiled>();

function compiledOf(rule: Rule): Compiled {
  let compiled = compiledConditions.get(rule.when);
  if (!compiled) {
    try {
      compiled = { ok: true, test: compileCondition(rule.when) };
    } catch (error) {
      compiled = { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
    compiledConditions.set(rule.when, compiled);
  }
  return compiled;
}

/** Rules in evaluation order: by position, then id, so equal positions still order the same everywhere. */
export function orderRules<T extends Pick<Rule, 'position' | 'id'>>(rules: readonly T[]): T[] {
  return [...rules].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Which enabled rules match the mail, in order, and what they decide. A matched rule's actions
 * apply in the order written; `stop` ends the evaluation after its rule.
 */
export function evaluateRules(rules: readonly Rule[], facts: RuleFacts): RuleEvaluation {
  const prepared = new PreparedFacts(facts);
  const evaluation: RuleEvaluation = { matched: [], outcome: { tags: [], suppressAcknowledgement: false, spam: false }, skipped: [] };
  for (const rule of orderRules(rules)) {
    if (!rule.enabled) continue;
    const compiled = compiledOf(rule);
    if (!compiled.ok) {
      evaluation.skipped.push({ ruleId: rule.id, reason: compiled.reason });
      continue;
    }
    if (!compiled.test(prepared)) continue;
    evaluation.matched.push({ ruleId: rule.id, name: rule.name, actions: rule.then });
    if (applyActions(evaluation.outcome, rule)) break;
  }
  return evaluation;
}

/** Applies one rule's actions; true when it says stop. */
function applyActions(outcome: RuleEvaluationOutcome, rule: Rule): boolean {
  let stop = false;
  for (const action of rule.then) {
    switch (action.type) {
      case 'setQueue':
        outcome.queue = 'queueSlug' in action ? { queueSlug: action.queueSlug } : { queueId: action.queueId };
        break;
      case 'setPriority':
        outcome.priority = action.priority;
        break;
      case 'addTags':
        for (const tag of action.tags) if (!outcome.tags.includes(tag)) outcome.tags.push(tag);
        break;
      case 'assign':
        outcome.assigneeId = action.userId;
        break;
      case 'suppressAcknowledgement':
        outcome.suppressAcknowledgement = true;
        break;
      case 'markSpam':
        outcome.spam = true;
        break;
      case 'stop':
        stop = true;
        break;
    }
  }
  if (stop) outcome.stoppedAt = rule.id;
  return stop;
}
