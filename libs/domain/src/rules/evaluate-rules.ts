import type { TicketPriority } from '../ticket-status.js';
import { compileCondition, PreparedFacts, type CompiledCondition } from './compile-condition.js';
import { RegexBank } from './regex-bank.js';
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

/** A rule set ready to run: its enabled rules in order, each compiled, their regexes in one bank. */
interface CompiledRuleSet {
  readonly rules: readonly { rule: Rule; compiled: Compiled }[];
  readonly bank: RegexBank;
}

// Keyed by the rule set itself: a router that keeps the loaded set between mails (the
// repository's cache does) compiles it once, not once per mail. A set is never changed in place.
const compiledSets = new WeakMap<readonly Rule[], CompiledRuleSet>();

function compiledSetOf(rules: readonly Rule[]): CompiledRuleSet {
  let set = compiledSets.get(rules);
  if (set) return set;
  const bank = new RegexBank();
  const compiled = orderRules(rules)
    .filter((rule) => rule.enabled)
    .map((rule): { rule: Rule; compiled: Compiled } => {
      try {
        return { rule, compiled: { ok: true, test: compileCondition(rule.when, bank) } };
      } catch (error) {
        return { rule, compiled: { ok: false, reason: error instanceof Error ? error.message : String(error) } };
      }
    });
  bank.seal();
  compiledSets.set(rules, (set = { rules: compiled, bank }));
  return set;
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
  const set = compiledSetOf(rules);
  const prepared = new PreparedFacts(facts, set.bank);
  const evaluation: RuleEvaluation = { matched: [], outcome: { tags: [], suppressAcknowledgement: false, spam: false }, skipped: [] };
  for (const { rule, compiled } of set.rules) {
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
