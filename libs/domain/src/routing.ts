/**
 * The routing decision, pure. The pieces live in ./routing/:
 * - mail-facts.ts: what routing knows of a mail (addresses, threading ids, header signals, a delivery report)
 * - mail-kind.ts: bounce, auto-reply, other machine mail or a person
 * - queue-directory.ts: queues, their settings, the queue a mail is addressed to
 * - rule-outcome.ts, triage-effects.ts: the rule engine's result as input; what triage's does to priority and tags
 * - spam-signals.ts: upstream filters' spam verdicts
 * - decide-routing.ts (with decide-followup.ts, decide-machine-report.ts): decideRouting
 */
export { MAX_RECIPIENTS_CONSIDERED, MAX_REPORT_REFERENCES, NO_RECIPIENTS } from './routing/mail-facts.js';
export type { DeliveryReportFacts, MailFacts, RecipientFacts } from './routing/mail-facts.js';
export { bounceFailed, bounceStatus, classifyMail, type MailKind } from './routing/mail-kind.js';
export {
  DEFAULT_REOPEN_WINDOW_DAYS,
  DEFAULT_SPAM_SCORE_THRESHOLD,
  QueueDirectory,
  SYSTEM_QUEUE_ROLES,
  UNKNOWN_SENDER_FOLLOWUPS,
  type QueueChoice,
  type QueueRouting,
  type QueueRoutingSettings,
  type SystemQueueRole,
  type UnknownSenderFollowup,
} from './routing/queue-directory.js';
export { NO_RULES_MATCHED, ruleOutcomeOf, type RuleOutcome } from './routing/rule-outcome.js';
export { higherPriority, priorityAfterTriage, triageTags } from './routing/triage-effects.js';
export { spamSignals } from './routing/spam-signals.js';
export { decideRouting } from './routing/decide-routing.js';
export { reportedMessageIds } from './routing/decide-machine-report.js';
export type {
  AttachNote,
  DropMail,
  HashListHit,
  HashListMatch,
  Followup,
  KnownOutbound,
  KnownThreads,
  KnownTicket,
  LinkReason,
  OpenTicket,
  OutboundRef,
  RoutingDecision,
  RoutingInput,
  RoutingStep,
  SystemNote,
} from './routing/routing-decision.js';
