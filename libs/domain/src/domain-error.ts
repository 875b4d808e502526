/**
 * Every failure a use case can report, in apps and workers alike. Each transport decides what a
 * code means for it in one exhaustive switch: the API's exception filter (an HTTP status) and
 * libs/messaging's dispositionOf (retry or dead letter).
 */
export type DomainErrorCode = 'TicketNotFound' | 'QueueNotFound' | 'InvalidStatusTransition' | 'DeadLetterNotFound' | 'DeadLetterNotRedrivable' | 'AttachmentNotFound' | 'ArticleNotFound' | 'AttachmentNotStored' | 'InvalidCursor' | 'QuarantinedMessageNotFound' | 'MessageNotQuarantined' | 'TicketNotInSpam' | MailboxErrorCode | SlaErrorCode | OncallErrorCode | AccessErrorCode | QueueErrorCode | RuleErrorCode | TemplateErrorCode | OutboundErrorCode | WorkspaceErrorCode | MergeErrorCode | EvidenceErrorCode | HarmfulMediaErrorCode | ExportErrorCode | 'AwaitingEarlierMail';
/** Failures of legal holds, exports, retention and erasure (issue 15). */
export type EvidenceErrorCode = 'LegalHoldActive' | 'HoldRefused' | 'HoldNotFound' | 'InvalidHold' | 'TicketPurged';
/** Hash lists and blocked attachments (factories in apps/api/src/hash-lists/hash-list.errors.ts). */
export type HarmfulMediaErrorCode = 'HashListNotFound' | 'InvalidHashList' | 'AttachmentBlocked';
/** Failures of case export (factories in apps/api/src/exports/export.errors.ts). */
export type ExportErrorCode = 'ExportNotFound' | 'ExportSigningKeyMissing';
/** Failures of the specialists' workspace: a collision, a refused assignment, an unknown contact or article. */
export type WorkspaceErrorCode = 'TicketChanged' | 'AssignmentRefused' | 'ContactNotFound' | 'DraftNotFound' | 'InvalidTags' | 'TriageNotDismissable';
/** Failures of merge and split (factories in apps/api/src/ticket-merge/merge.errors.ts). */
export type MergeErrorCode = 'MergeRefused' | 'InvalidSplit';
/** Failures of /rules (factories in apps/api/src/rules/rule.errors.ts); UnparsableMessage is a dry-run's mail the parser refused. */
export type RuleErrorCode = 'RuleNotFound' | 'InvalidRule' | 'RawMessageNotFound' | 'UnparsableMessage';
/** Failures of /templates (factories in apps/api/src/templates/template.errors.ts). */
export type TemplateErrorCode = 'TemplateNotFound' | 'TemplateConflict' | 'InvalidTemplate';
/** Failures of a reply before it is queued (factories in apps/api/src/tickets/reply.errors.ts). */
export type OutboundErrorCode = 'InvalidRecipient' | 'AttachmentsTooLarge';
/** Failures of /queues (factories in apps/api/src/queues/queue.errors.ts). */
export type QueueErrorCode = 'QueueConflict' | 'InvalidQueue';
/** Failures of identities and access (factories in apps/api/src/users/user.errors.ts and apps/api/src/auth). */
export type AccessErrorCode = 'Forbidden' | 'UserNotFound' | 'UserConflict' | 'LastAdmin' | 'TokenNotFound';
/** Failures of /oncall and /pages (factories in apps/api/src/oncall/oncall.errors.ts). */
export type OncallErrorCode = 'InvalidOncallShift' | 'OncallShiftNotFound' | 'PageNotFound' | 'WebhookNotFound';
/** Failures of /mailboxes (factories in apps/api/src/mailboxes/mailbox.errors.ts). */
export type MailboxErrorCode = 'MailboxNotFound' | 'MailboxConflict' | 'InvalidMailbox' | 'MailboxSecretKeyMissing';
/** Failures of /sla (factories in apps/api/src/sla/sla.errors.ts). */
export type SlaErrorCode = 'SlaPolicyNotFound' | 'SlaCalendarNotFound' | 'SlaConflict' | 'InvalidSla';

/**
 * What services throw instead of HTTP exceptions: a stable code, a safe message and, for
 * input problems, the fields at fault.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fields: Record<string, string[]> = {},
    /** More of the answer, beside code and message (e.g. a collision's new articles). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static ticketNotFound(id: string): DomainError {
    // The id is the caller's input: echo it only after bounding its length.
    return new DomainError('TicketNotFound', `ticket ${JSON.stringify(id.slice(0, 64))} not found`);
  }

  static queueNotFound(id: string): DomainError {
    return new DomainError('QueueNotFound', `queue ${JSON.stringify(id.slice(0, 64))} not found`);
  }

  /** The state machine (libs/domain decideTransition) refused the change; `reason` says why. */
  static invalidStatusTransition(reason: string): DomainError {
    return new DomainError('InvalidStatusTransition', reason, { status: [reason] });
  }

  /** The caller may see the thing but lacks `right` to do this with it. */
  static forbidden(right: string): DomainError {
    return new DomainError('Forbidden', `this needs the right ${right}`);
  }

  /** A reply or note written against an older state of the ticket: `newArticles` were added since. */
  static ticketChanged(newArticles: unknown[]): DomainError {
    return new DomainError('TicketChanged', `${newArticles.length} article(s) were added since; nothing was sent`, {}, { newArticles });
  }

  static assignmentRefused(reason: string): DomainError {
    return new DomainError('AssignmentRefused', reason);
  }

  static contactNotFound(id: string): DomainError {
    return new DomainError('ContactNotFound', `contact ${JSON.stringify(id.slice(0, 64))} not found`);
  }

  static triageNotDismissable(reason: string): DomainError {
    return new DomainError('TriageNotDismissable', reason);
  }

  static invalidTags(reason: string): DomainError {
    return new DomainError('InvalidTags', reason, { tags: [reason] });
  }

  /** not-spam on a ticket that is not in the spam queue. */
  static ticketNotInSpam(id: string): DomainError {
    return new DomainError('TicketNotInSpam', `ticket ${JSON.stringify(id.slice(0, 64))} is not in the spam queue`);
  }

  static deadLetterNotFound(id: string): DomainError {
    return new DomainError('DeadLetterNotFound', `dead letter ${JSON.stringify(id.slice(0, 64))} not found`);
  }

  static quarantinedMessageNotFound(id: string): DomainError {
    return new DomainError('QuarantinedMessageNotFound', `quarantined message ${JSON.stringify(id.slice(0, 64))} not found`);
  }

  static messageNotQuarantined(id: string, status: string): DomainError {
    return new DomainError('MessageNotQuarantined', `message ${JSON.stringify(id.slice(0, 64))} is not quarantined (status: ${status})`);
  }
}
