/**
 * What routing knows of one parsed mail: lower-cased addresses, threading ids, the header
 * signals it decides by, and what a delivery report says. Built from the parsed mail by
 * libs/mail (`routingFactsOf`); nothing here is a body.
 */
export interface MailFacts {
  /** The From address, lower-cased; null when the mail has none. */
  from: string | null;
  /** The envelope sender is the null sender `<>` (Return-Path: <>): RFC 3834 says never to answer it. */
  nullSender: boolean;
  recipients: RecipientFacts;
  subject: string;
  messageId: string | null;
  inReplyTo: readonly string[];
  references: readonly string[];
  /** Lower-case header name → first occurrence's value. */
  headers: ReadonlyMap<string, string>;
  /** What a delivery (or disposition) report carries; null when the mail holds none. */
  report: DeliveryReportFacts | null;
}

/**
 * Where the mail was sent, each list lower-cased and capped at MAX_RECIPIENTS_CONSIDERED: a
 * mail with 10,000 recipients costs routing no more than one with a hundred.
 */
export interface RecipientFacts {
  /** SMTP push: the accepted RCPT TO addresses. Empty for IMAP. */
  envelope: readonly string[];
  /** Every Delivered-To header, top (last hop) first. */
  deliveredTo: readonly string[];
  to: readonly string[];
  cc: readonly string[];
}

/** The most addresses of each recipient list routing looks at. */
export const MAX_RECIPIENTS_CONSIDERED = 100;

/** The most original Message-IDs and failed recipients a report is searched for. */
export const MAX_REPORT_REFERENCES = 20;

/**
 * What a delivery status notification (RFC 3464) or a non-standard bounce says about the
 * message it reports on, read from its machine-readable part, its embedded original (or the
 * original's headers) and, for bounces without MIME structure, its text.
 */
export interface DeliveryReportFacts {
  /** `report-type` of a multipart/report (`delivery-status`, `disposition-notification`), null otherwise. */
  reportType: string | null;
  /** Message-IDs of the original message, normalized, at most MAX_REPORT_REFERENCES. */
  originalMessageIds: readonly string[];
  /** X-Failed-Recipients and Final-/Original-Recipient addresses, lower-cased. */
  failedRecipients: readonly string[];
  /** RFC 3463 status codes (`5.1.1`), in the order found. */
  statuses: readonly string[];
  /** RFC 3464 actions (`failed`, `delayed`, `delivered`, `relayed`, `expanded`), lower-cased. */
  actions: readonly string[];
}

export const NO_RECIPIENTS: RecipientFacts = { envelope: [], deliveredTo: [], to: [], cc: [] };
