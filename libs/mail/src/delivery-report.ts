import { MAX_REPORT_REFERENCES, normalizeMessageId, type DeliveryReportFacts } from '@casework/domain';
import { normalizeEmail } from './address.js';
import type { ParsedMail } from './parsed-mail.js';

/** How much of each part a report is searched in: the fields sit at the top, a bounce can quote megabytes. */
const SCAN_BYTES = 64 * 1024;

/** Parts of a report that carry its fields or the original's headers (mailparser keeps them as attachments). */
const REPORT_PARTS = /^(message\/(delivery-status|global-delivery-status|rfc822|global|rfc822-headers|global-headers|disposition-notification)|text\/rfc822-headers)$/i;

// RFC 3464 fields, one per line (mailparser inlines message/delivery-status into the text).
const STATUS_FIELD = /^[ \t]*Status:[ \t]*([245]\.\d{1,3}\.\d{1,3})/gim;
const ACTION_FIELD = /^[ \t]*Action:[ \t]*(failed|delayed|delivered|relayed|expanded)\b/gim;
const RECIPIENT_FIELD = /^[ \t]*(?:Final|Original)-Recipient:[ \t]*(?:rfc822;)?[ \t]*<?([^\s<>;]+@[^\s<>;]+)>?/gim;
// An SMTP reply with an enhanced status ("550 5.1.1 …", "550-5.1.1"), or qmail's "(#5.1.1)".
const SMTP_STATUS = /\b[45]\d\d[ -]([45]\.\d{1,3}\.\d{1,3})\b|#([45]\.\d{1,3}\.\d{1,3})\b/g;
// The original's Message-ID as a header line, possibly quoted ("> Message-ID: <…>").
const MESSAGE_ID_LINE = /^[ \t>]*Message-ID:[ \t]*(?:\r?\n[ \t]+)?<?([^\s<>"]+@[^\s<>"]+?)>?[ \t]*$/gim;

/**
 * What a delivery report (RFC 3464 DSN, RFC 8098 MDN) or a bounce without MIME structure says
 * about the message it reports on: status codes, actions, failed recipients (X-Failed-Recipients,
 * Final-/Original-Recipient) and the original's Message-IDs (from the embedded message or its
 * headers, else from header lines quoted in the text). Null when the mail carries none of it.
 * Only the first 64 KB of the text and of each report part are read.
 */
export function deliveryReportOf(mail: ParsedMail): DeliveryReportFacts | null {
  const reportType = reportTypeOf(mail.headers.get('content-type'));
  const parts = mail.attachments.filter((attachment) => REPORT_PARTS.test(attachment.contentType)).map((attachment) => attachment.content.subarray(0, SCAN_BYTES).toString('utf8'));
  const texts = [mail.text.slice(0, SCAN_BYTES), ...parts];
  const statuses = new Set<string>();
  const actions = new Set<string>();
  const recipients = new Set<string>();
  const messageIds = new Set<string>();
  for (const text of texts) {
    for (const [, status] of text.matchAll(STATUS_FIELD)) statuses.add(status);
    for (const [, action] of text.matchAll(ACTION_FIELD)) actions.add(action.toLowerCase());
    for (const [, recipient] of text.matchAll(RECIPIENT_FIELD)) addEmail(recipients, recipient);
    for (const [, id] of text.matchAll(MESSAGE_ID_LINE)) {
      const normalized = normalizeMessageId(id);
      // Not the report's own id when a part quotes the whole report.
      if (normalized && normalized !== mail.messageId) messageIds.add(normalized);
    }
  }
  if (statuses.size === 0) for (const [, reply, qmail] of mail.text.slice(0, SCAN_BYTES).matchAll(SMTP_STATUS)) statuses.add(reply ?? qmail);
  for (const recipient of (mail.headers.get('x-failed-recipients') ?? '').split(/[,\s]+/)) addEmail(recipients, recipient);
  if (reportType === null && statuses.size === 0 && actions.size === 0 && recipients.size === 0 && messageIds.size === 0) return null;
  return {
    reportType,
    originalMessageIds: [...messageIds].slice(0, MAX_REPORT_REFERENCES),
    failedRecipients: [...recipients].slice(0, MAX_REPORT_REFERENCES),
    statuses: [...statuses].slice(0, MAX_REPORT_REFERENCES),
    actions: [...actions],
  };
}

function reportTypeOf(contentType: string | undefined): string | null {
  if (!contentType || !/^\s*multipart\/report\b/i.test(contentType)) return null;
  return contentType.match(/report-type\s*=\s*"?([\w-]+)"?/i)?.[1]?.toLowerCase() ?? null;
}

function addEmail(into: Set<string>, raw: string): void {
  const email = raw ? normalizeEmail(raw) : null;
  if (email) into.add(email);
}
