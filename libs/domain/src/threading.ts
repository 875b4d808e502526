import { findTicketTag } from './ticket-number.js';
import type { TicketStatus } from './ticket-status.js';

/** What we know of an incoming mail's place in a conversation. */
export interface ThreadingInput {
  inReplyTo: readonly string[];
  references: readonly string[];
  subject: string | null;
}

export type ThreadDecision =
  | { kind: 'followup'; ticketId: string; matchedBy: 'in-reply-to' | 'references' | 'subject-tag' }
  | { kind: 'new' };

/** Message-IDs worth looking up, most specific first (In-Reply-To, then newest reference). */
export function threadingCandidates(input: ThreadingInput): string[] {
  const ordered = [...input.inReplyTo, ...[...input.references].reverse()];
  return [...new Set(ordered.map(normalizeMessageId).filter((id): id is string => id !== null))];
}

/** Tickets we could find for the candidates and for the subject's tag. */
export interface KnownTickets {
  byMessageId: ReadonlyMap<string, string>;
  byNumber: ReadonlyMap<string, string>;
}

/**
 * Decides whether a mail continues a ticket: headers first (they name the exact message
 * answered), then a valid `[#number]` tag in the subject, else a new ticket.
 */
export function decideThread(input: ThreadingInput, known: KnownTickets): ThreadDecision {
  const inReplyTo = new Set(input.inReplyTo.map(normalizeMessageId));
  for (const candidate of threadingCandidates(input)) {
    const ticketId = known.byMessageId.get(candidate);
    if (ticketId) {
      return { kind: 'followup', ticketId, matchedBy: inReplyTo.has(candidate) ? 'in-reply-to' : 'references' };
    }
  }
  const tag = findTicketTag(input.subject);
  const taggedTicket = tag ? known.byNumber.get(tag) : undefined;
  if (taggedTicket) return { kind: 'followup', ticketId: taggedTicket, matchedBy: 'subject-tag' };
  return { kind: 'new' };
}

/** `<Foo@Example.org>` and `foo@Example.org` name the same message; local part stays case-sensitive. */
export function normalizeMessageId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const trimmed = raw.trim().replace(/^<+/, '').replace(/>+$/, '').trim();
  if (!trimmed || /\s/.test(trimmed)) return null;
  const at = trimmed.lastIndexOf('@');
  return at < 0 ? trimmed : trimmed.slice(0, at) + '@' + trimmed.slice(at + 1).toLowerCase();
}

/** Splits a References / In-Reply-To header value into its `<…>` ids. */
export function parseMessageIdList(value: string | readonly string[] | null | undefined): string[] {
  if (!value) return [];
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  const bracketed = text.match(/<[^<>\s]+>/g);
  const parts = bracketed ?? text.split(/[\s,]+/);
  return parts.map(normalizeMessageId).filter((id): id is string => id !== null);
}

/** A ticket a mail threads into, as the follow-up rules need it. */
export interface ThreadedTicket {
  id: string;
  queueId: string;
  status: TicketStatus;
  /** When it was last resolved or closed; null while open or pending. */
  resolvedAt: Date | null;
  /**
   * Addresses of its participants that may matter here (the requester, the senders and Cc'd
   * addresses of its unflagged articles): the router loads only those among its mail's senders.
   */
  participants: ReadonlySet<string>;
}

/**
 * Whether `sender` may continue the ticket: its requester, someone who wrote or was copied on
 * it before (flagged articles do not count), one of our specialists or one of our queues.
 * Anyone else quoting a ticket number or a Message-ID could otherwise write into a case that
 * is not theirs.
 */
export function isParticipant(sender: string | null, ticket: ThreadedTicket, ours: { specialists: ReadonlySet<string>; isOwnAddress(address: string): boolean }): boolean {
  if (sender === null) return false;
  return ticket.participants.has(sender) || ours.specialists.has(sender) || ours.isOwnAddress(sender);
}

/** What a participant's mail does to the ticket it threads into. */
export type FollowupPlacement =
  | { kind: 'attach'; reopen: boolean }
  | { kind: 'new_linked'; reason: 'ticket_closed' | 'reopen_window_passed' };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Open and pending tickets take the mail (pending reopens); a resolved one reopens within
 * the queue's window and is continued by a new linked ticket after it. A closed ticket is
 * final (the evidence it holds must not change): its follow-ups always open a linked ticket.
 */
export function placeFollowup(ticket: Pick<ThreadedTicket, 'status' | 'resolvedAt'>, now: Date, reopenWindowDays: number): FollowupPlacement {
  switch (ticket.status) {
    case 'open':
      return { kind: 'attach', reopen: false };
    case 'pending':
      return { kind: 'attach', reopen: true };
    case 'resolved': {
      const resolvedAt = ticket.resolvedAt ?? now;
      return now.getTime() - resolvedAt.getTime() > reopenWindowDays * DAY_MS ? { kind: 'new_linked', reason: 'reopen_window_passed' } : { kind: 'attach', reopen: true };
    }
    case 'closed':
      return { kind: 'new_linked', reason: 'ticket_closed' };
  }
}
