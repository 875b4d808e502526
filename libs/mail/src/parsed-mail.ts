/**
 * The plain shape `parseMail` returns. It deliberately mirrors none of mailparser's types so
 * callers (ingest, storage, tests) never depend on the parser library we happen to use.
 */
export interface ParsedAddress {
  /** Lower-cased, see `normalizeEmail`. */
  email: string;
  name: string | null;
}

export interface ParsedAttachment {
  filename: string | null;
  contentType: string;
  size: number;
  /** Hex SHA-256 of `content`: lets storage deduplicate and lets us prove what we received. */
  sha256: string;
  /** Hex MD5 of `content`: what many hotlines' hash lists still give (with SHA-256). */
  md5: string;
  content: Buffer;
  /** Without angle brackets, to match `cid:` URLs in the HTML. */
  contentId: string | null;
  inline: boolean;
}

export interface ParsedMail {
  /** Normalized with `normalizeMessageId` (no angle brackets). */
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  /** Decoded; '' when missing. */
  subject: string;
  from: ParsedAddress | null;
  replyTo: ParsedAddress | null;
  to: ParsedAddress[];
  cc: ParsedAddress[];
  /** Every Delivered-To, then X-Original-To header, lower-cased: the addresses mail servers delivered it to. */
  deliveredTo: string[];
  /** null when missing or unparseable (never "now"). */
  date: Date | null;
  /** The text part, or text derived from the HTML when there is none; '' if neither. */
  text: string;
  /** Sanitised HTML (see `sanitizeEmailHtml`), null when the mail has no HTML. */
  html: string | null;
  /** Lower-case header name -> first occurrence's unfolded value. */
  headers: Map<string, string>;
  attachments: ParsedAttachment[];
}
