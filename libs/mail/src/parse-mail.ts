import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';
import type { AddressObject, Attachment, EmailAddress, ParsedMail as MailparserMail, SimpleParserOptions } from 'mailparser';
import { parseMessageIdList } from '@casework/domain';
import { normalizeEmail } from './address.js';
import { MailParseError } from './mail-parse-error.js';
import type { ParsedAddress, ParsedAttachment, ParsedMail } from './parsed-mail.js';
import { rawHeadersToUtf8 } from './raw-headers-to-utf8.js';
import { htmlToText, sanitizeEmailHtml } from './sanitize-html.js';

/** Bigger than any provider accepts (Gmail: 25 MB incl. encoding): anything larger is abuse. */
export const DEFAULT_MAX_MAIL_BYTES = 25 * 1024 * 1024;

const PARSER_OPTIONS: SimpleParserOptions = {
  // Keep `cid:` references: inline images are stored as attachments, not inlined as huge data: URLs.
  keepCidLinks: true,
  // mailparser's converter turns every image and link into "[url]" text; we derive our own.
  skipHtmlToText: true,
  skipTextLinks: true,
  // Nor do we show mailparser's HTML rendering of the text part.
  skipTextToHtml: true,
  // We hash attachments with SHA-256 ourselves; md5 would be wasted work.
  checksumAlgo: false,
};

/** RFC 5322, MIME and trace fields: a real message has at least one of them. */
const MESSAGE_HEADERS = new Set([
  'from', 'sender', 'reply-to', 'to', 'cc', 'bcc', 'subject', 'date', 'message-id', 'in-reply-to',
  'references', 'received', 'return-path', 'delivered-to', 'mime-version', 'content-type',
]);

// RFC 5322 field names are printable ASCII without ':'; anything else is a misread body line.
const FIELD_NAME = /^[!-9;-~]+$/;

/**
 * Parses a raw RFC 5322 message into a plain, library-independent object. Malformed mail is
 * parsed as well as it can be; only input we cannot treat as a mail at all throws, always a
 * `MailParseError`, so ingest can quarantine it with a reason.
 */
export async function parseMail(raw: Buffer, opts: { maxBytes?: number } = {}): Promise<ParsedMail> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_MAIL_BYTES;
  if (raw.length > maxBytes) {
    throw new MailParseError('too-large', `message is ${raw.length} bytes, limit is ${maxBytes}`);
  }
  if (isBlank(raw)) throw new MailParseError('empty', 'message is empty or whitespace only');
  // Checked up front because mailparser needs ~1 s to read a large binary blob as headers.
  if (hasBinaryHeader(raw)) throw new MailParseError('not-a-message', 'input is binary (NUL byte in the header block)');

  let source: Buffer;
  try {
    // Raw 8-bit subjects and display names in the sender's charset, not U+FFFD.
    source = rawHeadersToUtf8(normalizeLineEndings(raw));
  } catch (err) {
    throw new MailParseError('unparseable', `could not read the raw header fields: ${describe(err)}`, { cause: err });
  }
  let mail: MailparserMail;
  try {
    mail = await simpleParser(source, PARSER_OPTIONS);
  } catch (err) {
    throw new MailParseError('unparseable', `mail parser rejected the message: ${describe(err)}`, { cause: err });
  }
  let parsed: ParsedMail;
  try {
    parsed = toParsedMail(mail, source);
  } catch (err) {
    // A bug of ours on odd input must still end as a quarantined mail, not a crashed consumer.
    throw new MailParseError('unparseable', `could not convert the parsed message: ${describe(err)}`, { cause: err });
  }
  // mailparser reads any bytes as "headers": a bare winmail.dat or a stray "22\n" would
  // otherwise become a ticket from nobody about binary noise.
  if (![...parsed.headers.keys()].some((key) => MESSAGE_HEADERS.has(key))) {
    throw new MailParseError('not-a-message', 'input has none of the header fields of a mail message');
  }
  return parsed;
}

function toParsedMail(mail: MailparserMail, source: Buffer): ParsedMail {
  const headers = collectHeaders(mail);
  const subject = singleLine(mail.subject ?? '');
  if (headers.has('subject')) headers.set('subject', subject);

  const rawHtml = typeof mail.html === 'string' ? mail.html : null;
  const textPart = mail.text ?? '';
  let text = textPart.trim() ? textPart : rawHtml ? htmlToText(rawHtml) : '';
  const attachments = (mail.attachments ?? []).map((attachment) => toAttachment(attachment, rawHtml));
  // A multipart whose boundaries are missing or mistyped yields no parts at all; showing the
  // raw body beats a ticket that silently lost its content.
  if (!text.trim() && rawHtml === null && attachments.length === 0 && isMultipart(headers)) {
    text = rawBody(source);
  }

  return {
    messageId: parseMessageIdList(headers.get('message-id'))[0] ?? null,
    inReplyTo: parseMessageIdList(headers.get('in-reply-to')),
    references: parseMessageIdList(allHeaderValues(mail, 'references')),
    subject,
    from: addresses(mail.from)[0] ?? null,
    replyTo: addresses(mail.replyTo)[0] ?? null,
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    deliveredTo: [...allHeaderValues(mail, 'delivered-to'), ...allHeaderValues(mail, 'x-original-to')]
      .map(normalizeEmail)
      .filter((email): email is string => email !== null),
    date: parseDate(headers.get('date')),
    text,
    html: rawHtml === null ? null : sanitizeEmailHtml(rawHtml, { remoteImages: 'park' }),
    headers,
    attachments,
  };
}

function isMultipart(headers: Map<string, string>): boolean {
  return /^\s*multipart\//i.test(headers.get('content-type') ?? '');
}

/** Everything after the header block, as UTF-8 (invalid bytes replaced, as mailparser does). */
function rawBody(source: Buffer): string {
  const lf = source.indexOf('\n\n');
  const crlf = source.indexOf('\r\n\r\n');
  const candidates = [lf < 0 ? -1 : lf + 2, crlf < 0 ? -1 : crlf + 4].filter((at) => at >= 0);
  return candidates.length ? source.subarray(Math.min(...candidates)).toString('utf8').trim() : '';
}

/**
 * First occurrence of every header, taken from the raw lines: mailparser turns address,
 * date and content-type headers into objects and folds List-* into one `list` entry, but
 * automation detection needs the values as sent.
 */
function collectHeaders(mail: MailparserMail): Map<string, string> {
  const headers = new Map<string, string>();
  for (const { key, line } of mail.headerLines ?? []) {
    if (FIELD_NAME.test(key) && !headers.has(key)) headers.set(key, headerLineValue(line));
  }
  return headers;
}

function allHeaderValues(mail: MailparserMail, key: string): string[] {
  return (mail.headerLines ?? []).filter((header) => header.key === key).map((header) => headerLineValue(header.line));
}

/** Unfolds a raw `Name: value` line; raw lines hold bytes as latin1, so re-read them as UTF-8. */
function headerLineValue(line: string): string {
  const unfolded = line.replace(/(?:\r?\n|\r)[ \t]*/g, ' ');
  const colon = unfolded.indexOf(':');
  const value = (colon < 0 ? '' : unfolded.slice(colon + 1)).trim();
  // Only 8-bit lines need it; for pure ASCII the round trip is the identity.
  return /[^\x00-\x7f]/.test(value) ? Buffer.from(value, 'latin1').toString('utf8') : value;
}

function addresses(field: AddressObject | AddressObject[] | undefined): ParsedAddress[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const result: ParsedAddress[] = [];
  const visit = (entry: EmailAddress): void => {
    // Groups (`Team: a@x, b@y;`) are flattened: we only ever need the mailboxes.
    if (entry.group) {
      entry.group.forEach(visit);
      return;
    }
    const email = entry.address ? normalizeEmail(entry.address) : null;
    if (email) result.push({ email, name: singleLine(entry.name ?? '') || null });
  };
  objects.forEach((object) => object.value.forEach(visit));
  return result;
}

/** mailparser substitutes "now" for an unparseable Date; we would rather know it is missing. */
function parseDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value.replace(/\([^()]*\)/g, ' ').trim());
  return Number.isNaN(date.getTime()) ? null : date;
}

function toAttachment(attachment: Attachment, html: string | null): ParsedAttachment {
  const content = Buffer.isBuffer(attachment.content) ? attachment.content : Buffer.alloc(0);
  // Not normalizeMessageId: `cid:` URLs in the HTML must match it byte for byte.
  const contentId = (attachment.cid ?? attachment.contentId ?? '').trim().replace(/^<|>$/g, '') || null;
  return {
    filename: attachment.filename ? singleLine(attachment.filename) || null : null,
    contentType: attachment.contentType || 'application/octet-stream',
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    md5: createHash('md5').update(content).digest('hex'),
    content,
    contentId,
    // "Inline" means shown inside the body; Apple Mail marks every attachment inline, so the
    // disposition alone would hide PDFs from the attachment list.
    inline: Boolean(attachment.related) || Boolean(contentId && html?.includes(`cid:${contentId}`)),
  };
}

const CR = 0x0d;
const LF = 0x0a;

/**
 * mailparser splits lines on LF only, so a CR-only mail (classic Mac, some MTAs' copies)
 * would be one giant header line. When the first line break is a bare CR, every bare CR
 * becomes CRLF; CRLF and LF mail is passed through untouched (binary parts stay intact).
 */
function normalizeLineEndings(raw: Buffer): Buffer {
  const firstCr = raw.indexOf(CR);
  const firstLf = raw.indexOf(LF);
  if (firstCr < 0 || (firstLf >= 0 && firstLf < firstCr) || raw[firstCr + 1] === LF) return raw;
  let bare = 0;
  for (let i = 0; i < raw.length; i++) if (raw[i] === CR && raw[i + 1] !== LF) bare++;
  const out = Buffer.allocUnsafe(raw.length + bare);
  let o = 0;
  for (let i = 0; i < raw.length; i++) {
    out[o++] = raw[i];
    if (raw[i] === CR && raw[i + 1] !== LF) out[o++] = LF;
  }
  return out;
}

/** A NUL byte before the end of the header block (first 1 KiB): e.g. a bare winmail.dat. */
function hasBinaryHeader(raw: Buffer): boolean {
  const limit = Math.min(raw.length, 1024);
  for (let i = 0; i < limit; i++) {
    const byte = raw[i];
    if (byte === 0) return true;
    const blankLine =
      (byte === LF && (raw[i + 1] === LF || (raw[i + 1] === CR && raw[i + 2] === LF))) ||
      (byte === CR && raw[i + 1] === CR);
    if (blankLine) return false;
  }
  return false;
}

function isBlank(raw: Buffer): boolean {
  for (const byte of raw) {
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0b && byte !== 0x0c) {
      return false;
    }
  }
  return true;
}

/** Decoded header text can contain encoded line breaks; they must not reach a header we write. */
function singleLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').trim();
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
