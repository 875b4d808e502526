import { Subjects } from './subjects.js';

export interface MailboxAddress {
  email: string;
  name: string | null;
}

export interface MailReceivedV1 {
  rawMessageId: string;
  mailboxId: string;
}

export interface MailQuarantinedV1 {
  rawMessageId: string;
  reason: string;
}

/** Whether the mail that opened or continued a ticket was sent by a machine (RFC 3834). */
export interface AutomationV1 {
  automated: boolean;
  reason: string | null;
}

/** Why a ticket gets no acknowledgement beyond being automated mail: spam, a rule, the postmaster queue. */
export interface AcknowledgementV1 {
  suppressed: boolean;
  reason: string | null;
}

export interface TicketOpenedV1 {
  ticketId: string;
  ticketNumber: string;
  queueId: string;
  articleId: string;
  priority: string;
  requester: MailboxAddress;
  subject: string;
  automation: AutomationV1;
  /** Added with routing safety (issue 12); absent from earlier events: not suppressed. */
  acknowledgement?: AcknowledgementV1;
}

export interface TicketFollowupV1 {
  ticketId: string;
  ticketNumber: string;
  articleId: string;
  matchedBy: 'in-reply-to' | 'references' | 'subject-tag';
  automation: AutomationV1;
  /** `unknown_sender`: not a participant of the ticket; the article changes nothing (no reopening, no clock). Absent from earlier events. */
  flagged?: 'unknown_sender' | null;
}

export interface TicketStatusChangedV1 {
  ticketId: string;
  from: string;
  to: string;
}

export interface ReplyRequestedV1 {
  outboundId: string;
  ticketId: string;
}

export type OutboundKind = 'acknowledgement' | 'reply';

export interface ReplySentV1 {
  outboundId: string;
  ticketId: string;
  articleId: string;
  kind: OutboundKind;
  messageId: string;
}

/**
 * An outgoing mail will not be delivered: the server refused it for good (a 5xx), or every
 * attempt the retry schedule allows failed. The ticket's article shows the same state.
 */
export interface ReplyFailedV1 {
  outboundId: string;
  ticketId: string;
  articleId: string | null;
  kind: OutboundKind;
  messageId: string;
  attempts: number;
  /** The last attempt's error (an SMTP reply or a connection error), bounded; never a body. */
  error: string;
  /** True for a final refusal (5xx); false when the attempts ran out. */
  permanent: boolean;
}

export interface SlaBreachedV1 {
  clockId: string;
  ticketId: string;
  kind: string;
  dueAt: string;
  breachedAt: string;
  /** Added with the SLA engine; absent from earlier events. */
  ticketNumber?: string;
}

/** A running clock has used its policy's warning share (e.g. 80 %) of the target; sent once per clock. */
export interface SlaWarningV1 {
  clockId: string;
  ticketId: string;
  ticketNumber: string;
  kind: string;
  warnAt: string;
  dueAt: string;
  warnedAt: string;
}

/** A specialist changed a ticket's priority (API). */
export interface TicketPriorityChangedV1 {
  ticketId: string;
  from: string;
  to: string;
  queueId: string;
}

/** Someone was paged about an emergency ticket (level 0 = first on call; each escalation +1). */
export interface PageSentV1 {
  pageId: string;
  ticketId: string;
  ticketNumber: string;
  level: number;
  target: string;
  /** 'oncall': a person on call; 'fallback': nobody (more) on call, the queue's ops list (or OPS_EMAIL) instead. */
  via: 'oncall' | 'fallback';
  escalateAt: string | null;
}

/** A bounce reported on one of our outbound messages; `failed`: delivery failed for good (the row is now `failed`). */
export interface OutboundBouncedV1 {
  outboundId: string;
  ticketId: string;
  /** The system note the bounce was kept as. */
  articleId: string;
  /** RFC 3463 status code, e.g. `5.1.1`; null when the bounce gave none. */
  status: string | null;
  failed: boolean;
}

/** A received mail routing recorded but did not route (e.g. our own mail echoed back). */
export interface MailDroppedV1 {
  rawMessageId: string;
  reason: string;
}

/** A specialist moved a ticket out of the spam queue; `acknowledge`: its held-back acknowledgement is due now. */
export interface TicketNotSpamV1 {
  ticketId: string;
  ticketNumber: string;
  fromQueueId: string;
  toQueueId: string;
  acknowledge: boolean;
}

/** A specialist left an internal note (never mailed). */
export interface TicketNoteAddedV1 {
  ticketId: string;
  queueId: string;
  articleId: string;
  authorId: string;
}

/** Who holds a ticket changed: by a user (`byUserId`), or by the round-robin on open (`byUserId` null). */
export interface TicketAssignedV1 {
  ticketId: string;
  queueId: string;
  fromUserId: string | null;
  toUserId: string | null;
  byUserId: string | null;
}

export interface TicketTagsChangedV1 {
  ticketId: string;
  queueId: string;
  tags: string[];
}

/**
 * Who is looking at a ticket changed: a new viewer, a state change, or `gone` (the heartbeat
 * stopped and the presence expired). Ephemeral: published directly, not through the outbox.
 */
export interface TicketPresenceV1 {
  ticketId: string;
  queueId: string;
  userId: string;
  state: 'viewing' | 'replying' | 'gone';
  /** Since when the user is in this state (for `gone`: when it expired). */
  since: string;
}

/** A ticket merged into another: its articles and tags moved to the target, the source closed and pointing at it. */
export interface TicketMergedV1 {
  sourceTicketId: string;
  targetTicketId: string;
  /** The target's queue (the source's is the same or no narrower). */
  queueId: string;
  byUserId: string;
}

/** Articles split off a ticket into a new one in the same queue. */
export interface TicketSplitV1 {
  sourceTicketId: string;
  newTicketId: string;
  queueId: string;
  articleIds: string[];
  byUserId: string;
  /** The new ticket's (the source's) priority, for its SLA clocks; absent from earlier events: normal. */
  priority?: string;
}

/** One map from subject to payload: a subject cannot be published with the wrong payload. */
export interface EventMap {
  [Subjects.MailReceived]: MailReceivedV1;
  [Subjects.MailQuarantined]: MailQuarantinedV1;
  [Subjects.TicketOpened]: TicketOpenedV1;
  [Subjects.TicketFollowup]: TicketFollowupV1;
  [Subjects.TicketStatusChanged]: TicketStatusChangedV1;
  [Subjects.ReplyRequested]: ReplyRequestedV1;
  [Subjects.ReplySent]: ReplySentV1;
  [Subjects.ReplyFailed]: ReplyFailedV1;
  [Subjects.SlaBreached]: SlaBreachedV1;
  [Subjects.SlaWarning]: SlaWarningV1;
  [Subjects.TicketPriorityChanged]: TicketPriorityChangedV1;
  [Subjects.PageSent]: PageSentV1;
  [Subjects.OutboundBounced]: OutboundBouncedV1;
  [Subjects.MailDropped]: MailDroppedV1;
  [Subjects.TicketNotSpam]: TicketNotSpamV1;
  [Subjects.TicketNoteAdded]: TicketNoteAddedV1;
  [Subjects.TicketAssigned]: TicketAssignedV1;
  [Subjects.TicketTagsChanged]: TicketTagsChangedV1;
  [Subjects.TicketPresence]: TicketPresenceV1;
  [Subjects.TicketMerged]: TicketMergedV1;
  [Subjects.TicketSplit]: TicketSplitV1;
}

export type EventSubject = keyof EventMap;

/** What travels on the wire: the event id doubles as JetStream's `Nats-Msg-Id`. */
export interface EventEnvelope<S extends EventSubject = EventSubject> {
  id: string;
  subject: S;
  version: 1;
  occurredAt: string;
  data: EventMap[S];
}
