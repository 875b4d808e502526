import type { RuleEvaluation } from '../rules/evaluate-rules.js';
import type { QueueReference } from '../rules/rule.js';
import type { TicketPriority } from '../ticket-status.js';

/**
 * What the rule set decided for a mail (the rule engine's evaluateRules, adapted by the
 * router): the rules that matched, in order, and the actions they add up to. The routing
 * decision applies it after the queue chosen by address; each matched rule is recorded in
 * the ticket's history.
 */
export interface RuleOutcome {
  matched: readonly { ruleId: string; name: string }[];
  /** A queue a rule moved the mail to; null: the queue chosen by address stays. */
  queueId: string | null;
  priority: TicketPriority | null;
  tags: readonly string[];
  assigneeId: string | null;
  suppressAcknowledgement: boolean;
  /** A rule marked the mail as spam. */
  spam: boolean;
}

/** What the router passes until the rule engine is plugged in. */
export const NO_RULES_MATCHED: RuleOutcome = {
  matched: [],
  queueId: null,
  priority: null,
  tags: [],
  assigneeId: null,
  suppressAcknowledgement: false,
  spam: false,
};

/**
 * The rule engine's evaluation as the routing decision takes it. A queue named by slug is
 * resolved by `queueIdOf`; a queue that no longer exists moves nothing (the address's stays).
 */
export function ruleOutcomeOf(evaluation: RuleEvaluation, queueIdOf: (queue: QueueReference) => string | null): RuleOutcome {
  const { matched, outcome } = evaluation;
  if (matched.length === 0) return NO_RULES_MATCHED;
  return {
    matched: matched.map((rule) => ({ ruleId: rule.ruleId, name: rule.name })),
    queueId: outcome.queue ? queueIdOf(outcome.queue) : null,
    priority: outcome.priority ?? null,
    tags: outcome.tags,
    assigneeId: outcome.assigneeId ?? null,
    suppressAcknowledgement: outcome.suppressAcknowledgement,
    spam: outcome.spam,
  };
}
