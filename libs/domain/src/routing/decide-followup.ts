import { isParticipant, placeFollowup, type ThreadDecision } from '../threading.js';
import { triageRaisedStep, type Followup, type KnownTicket, type LinkReason, type RoutingInput, type RoutingStep } from './routing-decision.js';
import { mergeTriage } from '../triage/triage.js';
import { priorityAfterTriage, triageTags } from './triage-effects.js';

/**
 * A mail threading into `ticket`: a participant's continues it (reopening it within the
 * queue's window); a stranger's is attached flagged, changing nothing, or opens a linked
 * ticket, as the queue says; a closed ticket or one resolved too long ago is continued by a
 * new linked ticket.
 */
export function decideFollowup(
  input: RoutingInput,
  ticket: KnownTicket,
  thread: Extract<ThreadDecision, { kind: 'followup' }>,
): Followup | { action: 'new_linked'; reason: LinkReason } {
  const settings = input.queues.require(ticket.queueId).settings;
  const placement = placeFollowup(ticket, input.now, settings.reopenWindowDays);
  if (placement.kind === 'new_linked') return { action: 'new_linked', reason: placement.reason };
  const sender = input.mail.from;
  const stranger = !isParticipant(sender, ticket, { specialists: input.known.specialists, isOwnAddress: (address) => input.queues.isOwnAddress(address) });
  if (stranger && settings.unknownSenderFollowup === 'new_ticket') return { action: 'new_linked', reason: 'unknown_sender' };
  // What the mail says raises the ticket whoever wrote it: a threat written into a victim's case matters most.
  const { triage } = input;
  const raised = priorityAfterTriage(ticket.priority, triage);
  const steps: RoutingStep[] = [];
  if (stranger) steps.push({ kind: 'unknown_sender_flagged', sender });
  else if (placement.reopen) steps.push({ kind: 'reopened', from: ticket.status });
  const triaged = triageRaisedStep(triage);
  if (triaged) steps.push(triaged);
  return {
    action: 'followup',
    ticketId: ticket.id,
    matchedBy: thread.matchedBy,
    // A stranger's mail is never the requester's: it neither reopens the ticket nor says its language.
    flagged: stranger ? 'unknown_sender' : null,
    reopen: !stranger && placement.reopen,
    raisePriorityTo: raised !== ticket.priority ? raised : null,
    triage: triage.level > 0 ? mergeTriage(ticket.triage, triage) : null,
    tags: triageTags(triage),
    language: !stranger && ticket.language === null ? input.language : null,
    steps,
  };
}
