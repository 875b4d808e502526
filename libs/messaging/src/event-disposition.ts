import type { EventEnvelope } from '@casework/contracts';
import { DomainError, type DomainErrorCode } from '@casework/domain';

/** What the transport does with a delivered event whose handling did not succeed. */
export type EventDisposition = { kind: 'retry'; delayMs: number } | { kind: 'deadLetter'; reason: string };

/** Why an event was not handled. */
export type EventFailure = { kind: 'unreadable'; reason: string } | { kind: 'handlerFailed'; error: unknown };

const MAX_RETRY_DELAY_MS = 60_000;

/**
 * An envelope nobody can read never will be: straight to the dead letters. A handler failure
 * is retried with a growing delay (the cause may pass: a database restart, a full disk) until
 * the event has been delivered `maxDeliver` times; then it is a dead letter, so it stops
 * costing CPU and the events behind it keep flowing.
 */
export function dispositionOf(failure: EventFailure, deliveryCount: number, maxDeliver: number): EventDisposition {
  switch (failure.kind) {
    case 'unreadable':
      return { kind: 'deadLetter', reason: failure.reason };
    case 'handlerFailed':
      if (failure.error instanceof DomainError && !retryable(failure.error.code)) {
        return { kind: 'deadLetter', reason: `handler refused it: ${failure.error.code}: ${failure.error.message}`.slice(0, 500) };
      }
      if (deliveryCount >= maxDeliver) return { kind: 'deadLetter', reason: `handler failed on all ${deliveryCount} deliveries: ${describe(failure.error)}` };
      return { kind: 'retry', delayMs: Math.min(MAX_RETRY_DELAY_MS, 500 * 2 ** Math.min(deliveryCount, 7)) };
  }
}

/**
 * Whether a handler's domain failure can pass on redelivery. Something not there yet may arrive
 * (events of different subjects are not ordered) and a conflict may clear; input the domain
 * refuses will be refused again. One case per code: a new code fails to compile here.
 */
export function retryable(code: DomainErrorCode): boolean {
  switch (code) {
    case 'TicketNotFound':
    case 'QueueNotFound':
    case 'ContactNotFound':
    case 'DraftNotFound':
    case 'QuarantinedMessageNotFound':
    case 'DeadLetterNotFound':
    case 'AttachmentNotFound':
    case 'ArticleNotFound':
    case 'MailboxNotFound':
    case 'SlaPolicyNotFound':
    case 'SlaCalendarNotFound':
    case 'OncallShiftNotFound':
    case 'PageNotFound':
    case 'WebhookNotFound':
    case 'MailboxConflict':
    case 'SlaConflict':
    case 'MessageNotQuarantined':
    case 'MailboxSecretKeyMissing':
    case 'ExportSigningKeyMissing':
    case 'ExportNotFound':
    case 'UserNotFound':
    case 'TokenNotFound':
    case 'UserConflict':
    case 'QueueConflict':
    case 'RuleNotFound':
    case 'RawMessageNotFound':
    case 'TemplateNotFound':
    case 'TemplateConflict':
    case 'HoldNotFound':
    // The original of a reply is being routed elsewhere: in a moment it will have its ticket.
    case 'AwaitingEarlierMail':
    case 'HashListNotFound':
      return true;
    case 'InvalidStatusTransition':
    case 'TicketNotInSpam':
    case 'MergeRefused':
    case 'InvalidSplit':
    case 'DeadLetterNotRedrivable':
    case 'AttachmentNotStored':
    case 'InvalidCursor':
    case 'InvalidMailbox':
    case 'InvalidSla':
    case 'InvalidOncallShift':
    case 'Forbidden':
    case 'TicketChanged':
    case 'AssignmentRefused':
    case 'InvalidTags':
    case 'TriageNotDismissable':
    case 'LastAdmin':
    case 'InvalidQueue':
    case 'InvalidRule':
    case 'UnparsableMessage':
    case 'InvalidTemplate':
    case 'InvalidRecipient':
    case 'AttachmentsTooLarge':
    // A hold stays until a person releases it: redelivery would meet it again.
    case 'LegalHoldActive':
    case 'HoldRefused':
    case 'InvalidHold':
    case 'InvalidHashList':
    case 'AttachmentBlocked':
    // Only the tombstone is left: nothing a retry could change.
    case 'TicketPurged':
      return false;
  }
}

const SUPPORTED_VERSIONS: ReadonlySet<number> = new Set([1]);

/** A delivered message that is not a readable envelope: why, and what of it can be kept. */
export interface UnreadableEnvelope {
  reason: string;
  /** The parsed JSON when it is an object (kept in the dead letter), else null. */
  object: object | null;
  /** Its `id` when it has a usable one. */
  eventId: string | null;
}

/**
 * The envelope in a delivered message, checked before any handler sees it: an object with an
 * id, the subject it was delivered on, a version this code knows and data. Else what is wrong.
 */
export function readEnvelope(payload: string, deliveredSubject: string): { envelope: EventEnvelope } | UnreadableEnvelope {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return { reason: 'not JSON', object: null, eventId: null };
  }
  if (typeof parsed !== 'object' || parsed === null) return { reason: 'not an envelope object', object: null, eventId: null };
  const candidate = parsed as Record<string, unknown>;
  const eventId = typeof candidate.id === 'string' && candidate.id !== '' ? candidate.id : null;
  const refuse = (reason: string): UnreadableEnvelope => ({ reason, object: parsed as object, eventId });
  if (eventId === null) return refuse('envelope without an id');
  if (candidate.subject !== deliveredSubject) return refuse(`envelope subject ${JSON.stringify(candidate.subject)} is not ${deliveredSubject}`);
  if (typeof candidate.version !== 'number' || !SUPPORTED_VERSIONS.has(candidate.version)) {
    return refuse(`unknown envelope version ${JSON.stringify(candidate.version)}`);
  }
  if (typeof candidate.occurredAt !== 'string' || typeof candidate.data !== 'object' || candidate.data === null) {
    return refuse('envelope without occurredAt or data');
  }
  return { envelope: parsed as EventEnvelope };
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 500);
}
