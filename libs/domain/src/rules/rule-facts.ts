/**
 * The parsed-mail view a rule is tested against. The router builds it from the parsed mail (with
 * ruleFactsOf), adding what it detected itself: the language and the triage categories.
 */
export interface RuleFacts {
  /** The sender's address, lower-case; null when the mail has none. */
  from: string | null;
  to: readonly string[];
  cc: readonly string[];
  subject: string;
  /** The text body; only its first BODY_SCAN_CHARS characters are ever looked at. */
  body: string;
  /** Lower-case header name → value (the first occurrence, unfolded). */
  headers: ReadonlyMap<string, string>;
  /** ISO 639-1 code of the detected language, or null. */
  language: string | null;
  /** Content types of the attachments (`image/png`; parameters are ignored). */
  attachmentTypes: readonly string[];
  /** Triage categories the mail was raised for (`threat`, `self_harm`, …). */
  triageCategories: readonly string[];
}

/**
 * What a rule scans at most, so a pathological mail (a 5 MB single-line body, 10,000
 * recipients) costs a bounded time per rule. Threats and reports sit at the top of a mail;
 * what is cut is quoted history and signatures.
 */
export const RULE_SCAN_LIMITS = {
  bodyChars: 65_536,
  /** Subject and each header value. */
  valueChars: 4096,
  /** Addresses of to and cc, attachments, categories: the first ones. */
  listValues: 1000,
} as const;

/** The shape of a parsed mail the facts are read from (libs/mail's ParsedMail has it). */
export interface MailForRules {
  from: { email: string } | null;
  to: readonly { email: string }[];
  cc: readonly { email: string }[];
  subject: string;
  text: string;
  headers: ReadonlyMap<string, string>;
  attachments: readonly { contentType: string }[];
}

/** The facts of a parsed mail, with what the router detected about it. */
export function ruleFactsOf(mail: MailForRules, detected: { language: string | null; triageCategories: readonly string[] }): RuleFacts {
  return {
    from: mail.from ? mail.from.email.toLowerCase() : null,
    to: mail.to.slice(0, RULE_SCAN_LIMITS.listValues).map((a) => a.email.toLowerCase()),
    cc: mail.cc.slice(0, RULE_SCAN_LIMITS.listValues).map((a) => a.email.toLowerCase()),
    subject: mail.subject,
    body: mail.text.slice(0, RULE_SCAN_LIMITS.bodyChars),
    headers: mail.headers,
    language: detected.language,
    attachmentTypes: mail.attachments.slice(0, RULE_SCAN_LIMITS.listValues).map((a) => a.contentType),
    triageCategories: detected.triageCategories,
  };
}
