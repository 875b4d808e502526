export { formatAddress, normalizeEmail } from './address.js';
export { automationOf } from './automation.js';
export { MailParseError, type MailParseReason } from './mail-parse-error.js';
export { DEFAULT_MAX_MAIL_BYTES, parseMail } from './parse-mail.js';
export type { ParsedAddress, ParsedAttachment, ParsedMail } from './parsed-mail.js';
export { bracket, formatMessageIdHeader, generateMessageId, replyHeaders, type ReplyHeaders } from './reply-headers.js';
export { htmlToText, sanitizeEmailHtml } from './sanitize-html.js';
export * from './render-template.js';
export * from './smtp-mailer.js';
