import { MAX_RECIPIENTS_CONSIDERED, type MailFacts } from '@casework/domain';
import { normalizeEmail } from './address.js';
import { deliveryReportOf } from './delivery-report.js';
import type { ParsedMail } from './parsed-mail.js';

/**
 * What the routing decision knows of a parsed mail. `envelopeTo` is the SMTP push's accepted
 * RCPT TO list (null for IMAP). Recipient lists are capped: a mail with 10,000 recipients is
 * decided on its first hundred of each kind.
 */
export function routingFactsOf(mail: ParsedMail, envelopeTo: readonly string[] | null): MailFacts {
  const capped = (emails: readonly string[]) => emails.slice(0, MAX_RECIPIENTS_CONSIDERED);
  return {
    from: mail.from?.email ?? null,
    // Return-Path: <> is the envelope's null sender, whatever the From header claims.
    nullSender: mail.headers.get('return-path')?.replace(/\s+/g, '') === '<>',
    recipients: {
      envelope: capped(envelopeTo ?? []).map(normalizeEmail).filter((email): email is string => email !== null),
      deliveredTo: capped(mail.deliveredTo),
      to: capped(mail.to.map((address) => address.email)),
      cc: capped(mail.cc.map((address) => address.email)),
    },
    subject: mail.subject,
    messageId: mail.messageId,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    headers: mail.headers,
    report: deliveryReportOf(mail),
  };
}
