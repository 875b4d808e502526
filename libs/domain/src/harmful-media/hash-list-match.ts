import type { HashListHit, HashListMatch, OpenTicket, RoutingDecision, RoutingStep } from '../routing/routing-decision.js';
import { higherPriority, triageTags } from '../routing/triage-effects.js';
import type { TicketPriority } from '../ticket-status.js';
import { mergeTriage, type TriageResult } from '../triage/triage.js';
import { TRIAGE_LANGUAGES, type TriageLanguage } from '../triage/lexicon.js';

/**
 * What an attachment on a hash list (known child sexual abuse material, from a hotline's list)
 * does to routing. Pure: the router looks the mail's hashes up (one query per batch), and this
 * says what follows — the ticket goes to the child-safety queue at level-2 triage (an emergency,
 * which pages whoever is on call), and the matching attachments are kept blocked: stored as
 * evidence, never shown.
 */

/** The hashes of one attachment of a mail, in mail order; md5 null when it was not computed. */
export interface AttachmentHashes {
  sha256: string;
  md5: string | null;
}

/** The tag a hash-list match adds (besides `triage:child_safety`). */
export const HASH_LIST_MATCH_TAG = 'hash-list-match';

/** What the triage of a ticket records for a match: no words of the mail, only the fact. */
export const HASH_LIST_EVIDENCE = 'an attachment is on a hash list of known abuse material';

/**
 * The hits of one mail: which of its attachments have a SHA-256 or MD5 among the listed values
 * (`listed`: value → the lists holding it, as the look-up answered). Null when none.
 */
export function hashListHit(attachments: readonly AttachmentHashes[], listed: ReadonlyMap<string, readonly string[]>): HashListHit | null {
  const positions: number[] = [];
  const listIds = new Set<string>();
  for (const [position, { sha256, md5 }] of attachments.entries()) {
    const lists = [...(listed.get(sha256) ?? []), ...(md5 !== null ? (listed.get(md5) ?? []) : [])];
    if (lists.length === 0) continue;
    positions.push(position);
    for (const id of lists) listIds.add(id);
  }
  return positions.length === 0 ? null : { positions, listIds: [...listIds].sort() };
}

/** The level-2 child-safety triage a match amounts to, in the mail's language when triage knows it (else English). */
export function hashListTriage(language: string | null): TriageResult {
  const lang: TriageLanguage = TRIAGE_LANGUAGES.find((known) => known === language) ?? 'en';
  return { level: 2, categories: [{ category: 'child_safety', level: 2, language: lang, evidence: HASH_LIST_EVIDENCE }] };
}

/** The history step of a match: attachment positions and lists, never a hash of the mail beyond what the attachment rows hold. */
function matchedStep(hit: HashListHit): RoutingStep {
  return { kind: 'hash_list_matched', positions: hit.positions, listIds: hit.listIds };
}

/**
 * A routing decision once the mail's hits are known. A new ticket opens in the child-safety
 * queue (never as spam, whatever the signals; a machine report that matched nothing too), as an
 * emergency with level-2 child-safety triage and its tags. A follow-up or system note keeps its
 * target ticket and carries the hit: the writer escalates that ticket under its row lock
 * (`escalateForHashListHit`). A dropped mail (from our own address: the loop guard) stays dropped:
 * it is never shown, and its raw message is kept.
 */
export function applyHashListHit(decision: RoutingDecision, hit: HashListHit | null, childSafetyQueueId: string, language: string | null): RoutingDecision {
  if (hit === null || decision.action === 'drop') return decision;
  const match: HashListMatch = { ...hit, childSafetyQueueId, language };
  if (decision.action !== 'open') return { ...decision, hashListHit: match };
  return openedForHit(decision, match);
}

function openedForHit(decision: OpenTicket, hit: HashListMatch): OpenTicket {
  const { childSafetyQueueId } = hit;
  const triage = mergeTriage(decision.triage, hashListTriage(hit.language));
  const steps: RoutingStep[] = [...decision.steps.filter((step) => step.kind !== 'filed_as_spam'), matchedStep(hit)];
  if (decision.spam) steps.push({ kind: 'spam_overruled_by_triage', signals: decision.spam.signals });
  if (decision.queueId !== childSafetyQueueId) steps.push({ kind: 'queue_chosen', by: 'hash_list', address: null, queueId: childSafetyQueueId });
  return {
    ...decision,
    queueId: childSafetyQueueId,
    intendedQueueId: childSafetyQueueId,
    priority: 'emergency',
    triage,
    tags: [...new Set([...decision.tags, ...triageTags(triage), HASH_LIST_MATCH_TAG])],
    spam: null,
    suppressAcknowledgement: decision.suppressAcknowledgement === 'spam' ? null : decision.suppressAcknowledgement,
    steps,
    hashListHit: hit,
  };
}

/** An existing ticket as its row lock shows it. */
export interface EscalatableTicket {
  queueId: string;
  priority: TicketPriority;
  triage: TriageResult | null;
}

/** What a hit does to an existing ticket (each field null: unchanged). */
export interface HashListEscalation {
  queueId: string | null;
  priority: TicketPriority | null;
  triage: TriageResult;
  tags: string[];
  steps: RoutingStep[];
}

/**
 * A follow-up or system note with a hit escalates its ticket: into the child-safety queue (from
 * wherever it was, spam included), raised to emergency (a change that pages), level-2 triage and
 * its tags. A ticket there already is left in place.
 */
export function escalateForHashListHit(ticket: EscalatableTicket, hit: HashListMatch): HashListEscalation {
  const { childSafetyQueueId } = hit;
  const triage = mergeTriage(ticket.triage, hashListTriage(hit.language));
  const priority = higherPriority(ticket.priority, 'emergency');
  const moves = ticket.queueId !== childSafetyQueueId;
  const steps: RoutingStep[] = [matchedStep(hit)];
  if (moves) steps.push({ kind: 'queue_chosen', by: 'hash_list', address: null, queueId: childSafetyQueueId });
  return {
    queueId: moves ? childSafetyQueueId : null,
    priority: priority !== ticket.priority ? priority : null,
    triage,
    tags: [...triageTags(triage), HASH_LIST_MATCH_TAG],
    steps,
  };
}
