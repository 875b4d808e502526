/**
 * Retention, deletion and erasure, pure: which tickets a purge may take, what a removal leaves
 * behind (the tombstone), and the name an erased person is known by afterwards. Time is `now`.
 */
import { DomainError } from '../domain-error.js';
import { isHoldActive, requireNotHeld, type LegalHold } from './legal-hold.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What removed a ticket's content. */
export type RemovalReason = 'retention' | 'deletion' | 'erasure';

type HoldFacts = Pick<LegalHold, 'id' | 'reason' | 'ticketId' | 'contactId' | 'releasedAt' | 'until'>;

/** A ticket as the purge weighs it: its state, its queue's retention and the holds on it (its own and its requester's). */
export interface PurgeCandidate {
  ticketId: string;
  status: string;
  /** When it was last closed; null while it is not closed. */
  closedAt: Date | null;
  purgedAt: Date | null;
  /** The queue's setting: null keeps its tickets. */
  retentionDays: number | null;
  holds: readonly HoldFacts[];
}

/** When a ticket closed at `closedAt` falls due under `retentionDays` (null: never). */
export function purgeDueAt(closedAt: Date | null, retentionDays: number | null): Date | null {
  if (closedAt === null || retentionDays === null) return null;
  return new Date(closedAt.getTime() + retentionDays * DAY_MS);
}

/**
 * Whether retention takes this ticket now: closed, closed longer than its queue keeps tickets,
 * not purged already, and under no active hold.
 */
export function isPurgeable(candidate: PurgeCandidate, now: Date): boolean {
  if (candidate.status !== 'closed' || candidate.purgedAt !== null) return false;
  const due = purgeDueAt(candidate.closedAt, candidate.retentionDays);
  if (due === null || due.getTime() > now.getTime()) return false;
  return !candidate.holds.some((hold) => isHoldActive(hold, now));
}

/** The ids among `candidates` retention takes now, in their order. */
export function choosePurgeable(candidates: readonly PurgeCandidate[], now: Date): string[] {
  return candidates.filter((candidate) => isPurgeable(candidate, now)).map((candidate) => candidate.ticketId);
}

/**
 * Deleting one ticket now (an admin's request): refused while a hold applies (409 naming the
 * holds), and for a ticket already reduced to its tombstone.
 */
export function decideDeletion(ticket: { id: string; purgedAt: Date | null }, holds: readonly HoldFacts[], now: Date): void {
  if (ticket.purgedAt !== null) throw ticketPurged(ticket.id);
  requireNotHeld('delete', holds, now);
}

export function ticketPurged(ticketId: string): DomainError {
  return new DomainError('TicketPurged', `ticket ${ticketId} has been deleted: only its tombstone is left`);
}

/** What a removed ticket keeps of its content: how much there was, and the hashes that prove which mail it was. */
export interface Tombstone {
  reason: RemovalReason;
  articles: { inbound: number; outbound: number; notes: number };
  attachments: number;
  /** SHA-256 of each raw message received on the ticket, oldest first. */
  rawMessageSha256: string[];
  /** SHA-256 of each attachment, in article order. */
  attachmentSha256: string[];
}

export interface RemovedContent {
  articleDirections: readonly string[];
  rawMessageSha256: readonly string[];
  attachmentSha256: readonly string[];
}

/**
 * The tombstone of a removal. A ticket removed twice (a tombstone erased later) keeps the first
 * removal's counts: the second found nothing left to count.
 */
export function tombstoneOf(reason: RemovalReason, content: RemovedContent, earlier: Tombstone | null = null): Tombstone {
  if (earlier) return earlier;
  const count = (direction: string) => content.articleDirections.filter((d) => d === direction).length;
  return {
    reason,
    articles: { inbound: count('inbound'), outbound: count('outbound'), notes: count('note') },
    attachments: content.attachmentSha256.length,
    rawMessageSha256: [...content.rawMessageSha256],
    attachmentSha256: [...content.attachmentSha256],
  };
}

/** The address an erased person is known by: unique per contact, never deliverable (RFC 2606 `.invalid`). */
export function erasedAddressOf(contactId: string): string {
  return `erased-${contactId.toLowerCase()}@erased.invalid`;
}

/**
 * History kinds whose details are ids, numbers, counts, statuses and priorities only: a caller
 * who sees a ticket's metadata sees these in full, and a removal keeps them. Every other kind
 * (routing's steps name senders, rules, triage categories) is content.
 */
export const CONTENT_FREE_HISTORY_KINDS: readonly string[] = ['status_changed', 'priority_changed', 'released_from_spam', 'merged_into', 'merged_from', 'split_to', 'split_from', 'reopened'];
