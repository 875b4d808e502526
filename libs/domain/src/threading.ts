import { findTicketTag } from './ticket-number.js';

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
