import type { ThreadDecision, ThreadedTicket } from '../threading.js';
import type { TicketPriority } from '../ticket-status.js';
import type { MailFacts } from './mail-facts.js';
import type { QueueChoice, QueueDirectory } from './queue-directory.js';
import type { RuleOutcome } from './rule-outcome.js';
import type { TriageResult } from '../triage/triage.js';

/** A ticket the mail's threading ids or subject tag point to, with what the follow-up rules need. */
export interface KnownTicket extends ThreadedTicket {
  priority: TicketPriority;
  triage: TriageResult;
  language: string | null;
}

/** What the router looked up for a mail's threading ids and tag (see threadingCandidates). */
export interface KnownThreads {
  /** Message-ID → ticket, over inbound and outbound articles and our queued outbound mail. */
  byMessageId: ReadonlyMap<string, string>;
  byNumber: ReadonlyMap<string, string>;
  tickets: ReadonlyMap<string, KnownTicket>;
  /** Our specialists (enabled users) among the senders. */
  specialists: ReadonlySet<string>;
}

/** An outbound message of ours a bounce may report on. */
export interface OutboundRef {
  outboundId: string;
  ticketId: string;
}

/** What the router found for a report's original Message-IDs and failed recipients. */
export interface KnownOutbound {
  byMessageId: ReadonlyMap<string, OutboundRef>;
  /** The newest outbound message to each address. */
  byRecipient: ReadonlyMap<string, OutboundRef>;
}

export interface RoutingInput {
  mail: MailFacts;
  queues: QueueDirectory;
  /** The queue of the mailbox the mail arrived in (null: none). */
  mailboxQueueId: string | null;
  known: KnownThreads;
  outbound: KnownOutbound;
  /** The rule set's outcome for this mail; NO_RULES_MATCHED until rules exist. */
  rules: RuleOutcome;
  /** Triage of the mail's text; NO_TRIAGE until triage exists. */
  triage: TriageResult;
  /** The detected language (ISO 639-1) of the mail's text; null when unknown. */
  language: string | null;
  now: Date;
}

/** One decision step worth recording in the ticket's history (never a body). */
export type RoutingStep =
  | { kind: 'queue_chosen'; by: QueueChoice['by'] | 'rule' | 'hash_list'; address: string | null; queueId: string }
  | { kind: 'hash_list_matched'; positions: number[]; listIds: string[] }
  | { kind: 'rule_applied'; ruleId: string; name: string }
  | { kind: 'triage_raised'; level: 1 | 2; categories: string[] }
  | { kind: 'filed_as_spam'; signals: string[]; intendedQueueId: string }
  | { kind: 'spam_overruled_by_triage'; signals: string[] }
  | { kind: 'unknown_sender_flagged'; sender: string | null }
  | { kind: 'reopened'; from: string }
  | { kind: 'continues_ticket'; ticketId: string; reason: LinkReason }
  | { kind: 'bounce_attached'; outboundId: string | null; status: string | null; failed: boolean }
  | { kind: 'auto_reply_noted'; reason: string }
  | { kind: 'sent_to_postmaster'; reason: string };

/** Attachments of one mail found on hash lists (libs/domain harmful-media): their positions in the mail, and the lists. */
export interface HashListHit {
  /** Positions (0-based, mail order) of the attachments to keep blocked. */
  positions: number[];
  listIds: string[];
}

/** A hit as a decision carries it: with where it sends the ticket and the mail's language (for its triage). */
export interface HashListMatch extends HashListHit {
  childSafetyQueueId: string;
  language: string | null;
}

/** Why a new ticket is linked to an earlier one. */
export type LinkReason = 'ticket_closed' | 'reopen_window_passed' | 'unknown_sender';

/** A new ticket: where it goes and what it starts with. */
export interface OpenTicket {
  action: 'open';
  queueId: string;
  /** The queue it would have had but for spam (= queueId otherwise): where not-spam moves it back. */
  intendedQueueId: string;
  priority: TicketPriority;
  tags: string[];
  language: string | null;
  triage: TriageResult;
  /**
   * The signals that filed it as spam, and whether not-spam should then acknowledge it (a
   * person's mail no rule kept unacknowledged); null when it is not spam.
   */
  spam: { signals: string[]; acknowledgeOnRelease: boolean } | null;
  /** Why no acknowledgement is sent; null: acknowledge. Automated mail is told apart by its automation verdict as before. */
  suppressAcknowledgement: 'spam' | 'rule' | 'postmaster' | null;
  /** The earlier ticket this one continues. */
  link: { ticketId: string; reason: LinkReason } | null;
  assigneeId: string | null;
  /** The mail is a report on mail we sent (bounce, auto-reply) that matched nothing. */
  systemNote: SystemNote | null;
  threading: ThreadDecision;
  steps: RoutingStep[];
  /** Attachments on a hash list: kept blocked (applyHashListHit already moved and raised the ticket). */
  hashListHit?: HashListMatch;
}

/** The mail continues a ticket. */
export interface Followup {
  action: 'followup';
  ticketId: string;
  matchedBy: Extract<ThreadDecision, { kind: 'followup' }>['matchedBy'];
  /** `unknown_sender`: not a participant; the article is shown flagged and changes nothing. */
  flagged: 'unknown_sender' | null;
  reopen: boolean;
  /** The ticket's new priority when triage raised it; null: unchanged. */
  raisePriorityTo: TicketPriority | null;
  /** The ticket's triage after this article; null: unchanged. */
  triage: TriageResult | null;
  tags: string[];
  /** The language to record when the ticket has none yet; null: unchanged. */
  language: string | null;
  steps: RoutingStep[];
  /** Attachments on a hash list: kept blocked, and the ticket escalated (escalateForHashListHit). */
  hashListHit?: HashListMatch;
}

export type SystemNote = 'bounce' | 'auto_reply';

/** A machine's report about mail we sent, kept as a system note on its ticket. */
export interface AttachNote {
  action: 'note';
  ticketId: string;
  note: SystemNote;
  /** The outbound message a bounce reports on, marked failed when `failed`. */
  bounce: { outboundId: string; status: string | null; failed: boolean } | null;
  steps: RoutingStep[];
  /** As for a follow-up. */
  hashListHit?: HashListMatch;
}

/** Mail we do not keep as a ticket or article (the raw message is kept, with the reason). */
export interface DropMail {
  action: 'drop';
  reason: string;
}

export type RoutingDecision = OpenTicket | Followup | AttachNote | DropMail;

/** The history step of a triage that found something; null when it found nothing. */
export function triageRaisedStep(triage: TriageResult): RoutingStep | null {
  return triage.level === 0 ? null : { kind: 'triage_raised', level: triage.level, categories: triage.categories.map((hit) => hit.category) };
}
