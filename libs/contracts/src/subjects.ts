/**
 * JetStream subjects. Published names are never renamed: a breaking payload change gets a
 * new version in its envelope and, if consumers cannot cope, a new subject.
 */
export const STREAM_NAME = 'CASEWORK';
export const STREAM_SUBJECTS = ['casework.>'];

export const Subjects = {
  MailReceived: 'casework.mail.received',
  MailQuarantined: 'casework.mail.quarantined',
  TicketOpened: 'casework.ticket.opened',
  TicketFollowup: 'casework.ticket.followup',
  TicketStatusChanged: 'casework.ticket.status_changed',
  ReplyRequested: 'casework.reply.requested',
  ReplySent: 'casework.reply.sent',
  ReplyFailed: 'casework.reply.failed',
  SlaBreached: 'casework.sla.breached',
  SlaWarning: 'casework.sla.warning',
  TicketPriorityChanged: 'casework.ticket.priority_changed',
  PageSent: 'casework.page.sent',
  OutboundBounced: 'casework.outbound.bounced',
  MailDropped: 'casework.mail.dropped',
  TicketNotSpam: 'casework.ticket.not_spam',
  TicketNoteAdded: 'casework.ticket.note_added',
  TicketAssigned: 'casework.ticket.assigned',
  TicketTagsChanged: 'casework.ticket.tags_changed',
  TicketPresence: 'casework.ticket.presence',
  TicketMerged: 'casework.ticket.merged',
  TicketSplit: 'casework.ticket.split',
} as const;

export type Subject = (typeof Subjects)[keyof typeof Subjects];
