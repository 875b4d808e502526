import { normalizeMessageId, threadingCandidates, type ThreadDecision } from '../threading.js';
import { bounceFailed, bounceStatus, type MailKind } from './mail-kind.js';
import type { AttachNote, OutboundRef, RoutingInput } from './routing-decision.js';

/**
 * A bounce or auto-reply about mail we sent, kept as a system note on its ticket: a bounce by
 * the outbound message it reports on (its original Message-ID, then its failed recipient),
 * else, like an auto-reply, by its threading ids and tag. Null when it matches none of our
 * mail (the caller sends it to the postmaster queue). Neither opens a ticket, reopens one nor
 * counts as the requester's answer.
 */
export function decideMachineReport(input: RoutingInput, kind: Extract<MailKind, { kind: 'bounce' | 'auto_reply' }>, thread: ThreadDecision): AttachNote | null {
  if (kind.kind === 'bounce') {
    const outbound = reportedOutbound(input);
    if (outbound) {
      const failed = bounceFailed(input.mail);
      const status = bounceStatus(input.mail);
      return {
        action: 'note',
        ticketId: outbound.ticketId,
        note: 'bounce',
        bounce: { outboundId: outbound.outboundId, status, failed },
        steps: [{ kind: 'bounce_attached', outboundId: outbound.outboundId, status, failed }],
      };
    }
  }
  const ticketId = reportedTicket(input, thread);
  if (ticketId === null) return null;
  if (kind.kind === 'bounce') {
    return { action: 'note', ticketId, note: 'bounce', bounce: null, steps: [{ kind: 'bounce_attached', outboundId: null, status: bounceStatus(input.mail), failed: bounceFailed(input.mail) }] };
  }
  return { action: 'note', ticketId, note: 'auto_reply', bounce: null, steps: [{ kind: 'auto_reply_noted', reason: kind.reason }] };
}

/** Every Message-ID a report names as its original: the embedded headers, then its own threading headers. */
export function reportedMessageIds(mail: RoutingInput['mail']): string[] {
  const embedded = (mail.report?.originalMessageIds ?? []).map(normalizeMessageId).filter((id): id is string => id !== null);
  return [...new Set([...embedded, ...threadingCandidates({ inReplyTo: mail.inReplyTo, references: mail.references, subject: null })])];
}

/**
 * By the original's Message-ID; only a bounce that names none (many quote no headers) is
 * matched by its failed recipient to our newest mail to them: one naming another message
 * reports on mail that is not ours.
 */
function reportedOutbound(input: RoutingInput): OutboundRef | null {
  for (const id of reportedMessageIds(input.mail)) {
    const outbound = input.outbound.byMessageId.get(id);
    if (outbound) return outbound;
  }
  if ((input.mail.report?.originalMessageIds.length ?? 0) > 0) return null;
  for (const recipient of input.mail.report?.failedRecipients ?? []) {
    const outbound = input.outbound.byRecipient.get(recipient);
    if (outbound) return outbound;
  }
  return null;
}

function reportedTicket(input: RoutingInput, thread: ThreadDecision): string | null {
  for (const id of reportedMessageIds(input.mail)) {
    const ticketId = input.known.byMessageId.get(id);
    if (ticketId) return ticketId;
  }
  return thread.kind === 'followup' ? thread.ticketId : null;
}
