import { decideThread, type ThreadDecision } from '../threading.js';
import { INITIAL_PRIORITY } from '../ticket-placement.js';
import { decideFollowup } from './decide-followup.js';
import { decideMachineReport } from './decide-machine-report.js';
import { classifyMail } from './mail-kind.js';
import { triageRaisedStep, type LinkReason, type OpenTicket, type RoutingDecision, type RoutingInput, type RoutingStep, type SystemNote } from './routing-decision.js';
import { spamSignals } from './spam-signals.js';
import { priorityAfterTriage, triageTags } from './triage-effects.js';

/**
 * The one routing decision for a parsed mail: loop guard, bounces and auto-replies, threading
 * (participants, reopen window), then queue by address, rules, triage and spam for a new
 * ticket. Pure: the router loads what it names (queues, tickets the mail points to, the
 * outbound mail a report points to, the rule outcome, triage, language) and stores the result.
 */
export function decideRouting(input: RoutingInput): RoutingDecision {
  const { mail, queues } = input;
  if (queues.isOwnAddress(mail.from)) return { action: 'drop', reason: `sent from our own address ${mail.from} (loop guard)` };
  const kind = classifyMail(mail);
  const thread = decideThread({ inReplyTo: mail.inReplyTo, references: mail.references, subject: mail.subject }, input.known);
  // A mail triage raises is read by a person, whatever its headers claim.
  if (kind.kind === 'bounce' || (kind.kind === 'auto_reply' && input.triage.level === 0)) {
    return decideMachineReport(input, kind, thread) ?? openTicket(input, thread, { systemNote: kind.kind, postmaster: `${kind.reason}, matching none of our mail` });
  }
  if (thread.kind === 'followup') {
    const ticket = input.known.tickets.get(thread.ticketId);
    if (ticket) {
      const followup = decideFollowup(input, ticket, thread);
      if (followup.action === 'followup') return followup;
      return openTicket(input, thread, { link: { ticketId: ticket.id, reason: followup.reason }, person: kind.kind === 'person' });
    }
  }
  return openTicket(input, thread, { person: kind.kind === 'person' });
}

interface OpenOptions {
  link?: { ticketId: string; reason: LinkReason };
  /** A person wrote it (not machine mail): not-spam acknowledges it. */
  person?: boolean;
  /** Set for a machine report that matched nothing: it goes to the postmaster queue, for this reason. */
  postmaster?: string;
  systemNote?: SystemNote;
}

/**
 * A new ticket: the queue the mail is addressed to (else its mailbox's, else the default),
 * moved by a rule; priority and tags from the rules, raised by triage; spam signals (upstream
 * headers over the queue's threshold, or a rule) file it in the spam queue without an
 * acknowledgement, unless triage found something that must page (level 2).
 */
function openTicket(input: RoutingInput, threading: ThreadDecision, options: OpenOptions): OpenTicket {
  const { mail, queues, rules, triage } = input;
  const steps: RoutingStep[] = [];
  const base = { threading, language: input.language, triage, link: options.link ?? null, assigneeId: null, systemNote: options.systemNote ?? null };
  if (options.link) steps.push({ kind: 'continues_ticket', ticketId: options.link.ticketId, reason: options.link.reason });
  if (options.postmaster !== undefined) {
    const postmaster = queues.system('postmaster').id;
    steps.push({ kind: 'sent_to_postmaster', reason: options.postmaster });
    return { action: 'open', ...base, queueId: postmaster, intendedQueueId: postmaster, priority: INITIAL_PRIORITY, tags: [], spam: null, suppressAcknowledgement: 'postmaster', steps };
  }
  const choice = queues.choose(mail.recipients, input.mailboxQueueId);
  steps.push({ kind: 'queue_chosen', by: choice.by, address: choice.address, queueId: choice.queueId });
  for (const rule of rules.matched) steps.push({ kind: 'rule_applied', ruleId: rule.ruleId, name: rule.name });
  const ruleQueue = rules.queueId !== null ? queues.get(rules.queueId) : undefined;
  if (ruleQueue && ruleQueue.id !== choice.queueId) steps.push({ kind: 'queue_chosen', by: 'rule', address: null, queueId: ruleQueue.id });
  const queue = ruleQueue ?? queues.require(choice.queueId);

  const priority = priorityAfterTriage(rules.priority ?? INITIAL_PRIORITY, triage);
  const triaged = triageRaisedStep(triage);
  if (triaged) steps.push(triaged);
  const tags = [...new Set([...rules.tags, ...triageTags(triage)])];

  const signals = [...spamSignals(mail.headers, queue.settings.spamScoreThreshold), ...(rules.spam ? ['marked as spam by a rule'] : [])];
  const spam = signals.length > 0 && triage.level < 2;
  if (signals.length > 0 && !spam) steps.push({ kind: 'spam_overruled_by_triage', signals });
  if (spam) steps.push({ kind: 'filed_as_spam', signals, intendedQueueId: queue.id });
  return {
    action: 'open',
    ...base,
    assigneeId: rules.assigneeId,
    queueId: spam ? queues.system('spam').id : queue.id,
    intendedQueueId: queue.id,
    priority,
    tags,
    spam: spam ? { signals, acknowledgeOnRelease: options.person === true && !rules.suppressAcknowledgement } : null,
    suppressAcknowledgement: spam ? 'spam' : rules.suppressAcknowledgement ? 'rule' : null,
    steps,
  };
}
