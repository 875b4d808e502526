import { Subjects, type EventEnvelope, type EventMap, type EventSubject } from '@casework/contracts';

/** One ticket change as `/events` shows it. */
export interface LiveEvent {
  /** The SSE event name: the subject without `casework.`. */
  event: string;
  ticketId: string;
  /** The queues the event names itself; undefined: the ticket's queue is looked up. */
  queueIds?: string[];
  /** Also the ticket's current queue, looked up (an event naming another ticket's queue). */
  lookUp?: boolean;
  /** The ticket's own queue as the event tells it: a cached other one is stale. */
  placedIn?: string;
  /** Metadata only (ids, kinds, states): never a subject line, an address, an error text or a body. */
  data: Record<string, unknown>;
}

type Shown<S extends EventSubject> = (data: EventMap[S]) => Omit<LiveEvent, 'event'>;

/** Every subject `/events` forwards and what of its payload it shows; other subjects are not streamed. */
const SHOWN: { [S in EventSubject]?: Shown<S> } = {
  [Subjects.TicketOpened]: (d) => ({
    ticketId: d.ticketId,
    queueIds: [d.queueId],
    placedIn: d.queueId,
    data: { ticketId: d.ticketId, ticketNumber: d.ticketNumber, queueId: d.queueId, articleId: d.articleId, priority: d.priority, automated: d.automation.automated },
  }),
  [Subjects.TicketFollowup]: (d) => ({
    ticketId: d.ticketId,
    data: { ticketId: d.ticketId, ticketNumber: d.ticketNumber, articleId: d.articleId, matchedBy: d.matchedBy, flagged: d.flagged ?? null, automated: d.automation.automated },
  }),
  [Subjects.TicketStatusChanged]: (d) => ({ ticketId: d.ticketId, data: { ticketId: d.ticketId, from: d.from, to: d.to } }),
  [Subjects.TicketPriorityChanged]: (d) => ({ ticketId: d.ticketId, queueIds: [d.queueId], placedIn: d.queueId, data: { ticketId: d.ticketId, queueId: d.queueId, from: d.from, to: d.to } }),
  // Seen from either side: the queue it left (e.g. whoever watches spam) and the queue it entered.
  [Subjects.TicketNotSpam]: (d) => ({
    ticketId: d.ticketId,
    queueIds: [d.toQueueId, d.fromQueueId],
    placedIn: d.toQueueId,
    data: { ticketId: d.ticketId, ticketNumber: d.ticketNumber, queueId: d.toQueueId, fromQueueId: d.fromQueueId, toQueueId: d.toQueueId },
  }),
  [Subjects.TicketNoteAdded]: (d) => ({ ticketId: d.ticketId, queueIds: [d.queueId], placedIn: d.queueId, data: { ticketId: d.ticketId, queueId: d.queueId, articleId: d.articleId, authorId: d.authorId } }),
  [Subjects.TicketAssigned]: (d) => ({
    ticketId: d.ticketId,
    queueIds: [d.queueId],
    placedIn: d.queueId,
    data: { ticketId: d.ticketId, queueId: d.queueId, fromUserId: d.fromUserId, toUserId: d.toUserId, byUserId: d.byUserId },
  }),
  [Subjects.TicketTagsChanged]: (d) => ({ ticketId: d.ticketId, queueIds: [d.queueId], placedIn: d.queueId, data: { ticketId: d.ticketId, queueId: d.queueId, tags: d.tags } }),
  [Subjects.TicketPresence]: (d) => ({ ticketId: d.ticketId, queueIds: [d.queueId], placedIn: d.queueId, data: { ticketId: d.ticketId, queueId: d.queueId, userId: d.userId, state: d.state, since: d.since } }),
  // The source stays in its queue, closed; whoever sees it or the target's queue learns where it went.
  [Subjects.TicketMerged]: (d) => ({
    ticketId: d.sourceTicketId,
    queueIds: [d.queueId],
    lookUp: true,
    data: { ticketId: d.sourceTicketId, targetTicketId: d.targetTicketId, targetQueueId: d.queueId, byUserId: d.byUserId },
  }),
  [Subjects.TicketSplit]: (d) => ({
    ticketId: d.sourceTicketId,
    queueIds: [d.queueId],
    placedIn: d.queueId,
    data: { ticketId: d.sourceTicketId, queueId: d.queueId, newTicketId: d.newTicketId, articleIds: d.articleIds, byUserId: d.byUserId },
  }),
  [Subjects.ReplySent]: (d) => ({ ticketId: d.ticketId, data: { ticketId: d.ticketId, articleId: d.articleId, outboundId: d.outboundId, kind: d.kind } }),
  // Not the error text: an SMTP reply may quote the recipient's address.
  [Subjects.ReplyFailed]: (d) => ({
    ticketId: d.ticketId,
    data: { ticketId: d.ticketId, articleId: d.articleId, outboundId: d.outboundId, kind: d.kind, attempts: d.attempts, permanent: d.permanent },
  }),
  [Subjects.SlaWarning]: (d) => ({
    ticketId: d.ticketId,
    data: { ticketId: d.ticketId, ticketNumber: d.ticketNumber, clockId: d.clockId, kind: d.kind, warnAt: d.warnAt, dueAt: d.dueAt },
  }),
  [Subjects.SlaBreached]: (d) => ({
    ticketId: d.ticketId,
    data: { ticketId: d.ticketId, ticketNumber: d.ticketNumber ?? null, clockId: d.clockId, kind: d.kind, dueAt: d.dueAt, breachedAt: d.breachedAt },
  }),
};

const SUBJECT_PREFIX = 'casework.';

/** The envelope as `/events` shows it, or null for a subject it does not stream or an envelope it cannot read. */
export function toLiveEvent(envelope: EventEnvelope): LiveEvent | null {
  const show = SHOWN[envelope.subject] as Shown<EventSubject> | undefined;
  if (!show || typeof envelope.data !== 'object' || envelope.data === null) return null;
  try {
    const shown = show(envelope.data);
    if (typeof shown.ticketId !== 'string') return null;
    return { event: envelope.subject.slice(SUBJECT_PREFIX.length), ...shown };
  } catch {
    // A payload missing a nested field (e.g. an older shape): not worth a broken stream.
    return null;
  }
}

/** The stream message's envelope, or null when it is not one. */
export function parseEnvelope(text: string): EventEnvelope | null {
  try {
    const value = JSON.parse(text) as Partial<EventEnvelope> | null;
    if (!value || typeof value.subject !== 'string' || typeof value.id !== 'string') return null;
    return value as EventEnvelope;
  } catch {
    return null;
  }
}
