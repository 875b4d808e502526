import type { OutboundRecord } from '@casework/database';
import type { OutgoingMail } from '@casework/mail';

/**
 * The SMTP message of an outbound row. RFC 3834: an acknowledgement says it is automatic
 * (`Auto-Submitted: auto-replied`), asks Exchange and friends not to answer it
 * (`X-Auto-Response-Suppress: All`) and points replies at the queue; a specialist's reply says
 * it is not automatic (`Auto-Submitted: no`), so the requester's own auto-responder may answer.
 */
export function outgoingMail(message: OutboundRecord, attachments: OutgoingMail['attachments'] = []): OutgoingMail {
  const automatic = message.kind === 'acknowledgement';
  return {
    from: message.fromEmail,
    to: message.to,
    cc: message.cc,
    replyTo: message.fromEmail,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    inReplyTo: message.inReplyTo,
    references: message.references,
    headers: automatic ? { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' } : { 'Auto-Submitted': 'no' },
    attachments,
  };
}
