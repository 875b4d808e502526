import type { StorableAttachment } from '@casework/domain';
import type { ParsedAttachment } from './parsed-mail.js';

export type { StorableAttachment };

/**
 * Attachments are hostile input: their names, their declared types and their bytes. This file
 * turns a parsed attachment into what we store — a safe filename, the declared type next to
 * the type the bytes actually have, and no content when it is over the size cap.
 */

export const FALLBACK_ATTACHMENT_FILENAME = 'attachment.bin';
/** Bytes of UTF-8: what common file systems allow for one name. */
export const MAX_ATTACHMENT_FILENAME_BYTES = 255;


export function storableAttachment(attachment: ParsedAttachment, maxBytes: number): StorableAttachment {
  const tooLarge = attachment.size > maxBytes;
  return {
    filename: safeAttachmentFilename(attachment.filename),
    declaredContentType: headerText(attachment.contentType, 255).toLowerCase() || 'application/octet-stream',
    sniffedContentType: sniffContentType(attachment.content),
    size: attachment.size,
    sha256: attachment.sha256,
    md5: attachment.md5,
    contentId: attachment.contentId === null ? null : headerText(attachment.contentId, 998) || null,
    inline: attachment.inline,
    content: tooLarge ? null : attachment.content,
    omittedReason: tooLarge ? `over the ${describeBytes(maxBytes)} attachment limit` : null,
  };
}

/** 26214400 → "25 MB" (binary megabytes, as mail providers state their limits); otherwise bytes. */
function describeBytes(bytes: number): string {
  const mib = 1024 * 1024;
  return bytes >= mib && bytes % mib === 0 ? `${bytes / mib} MB` : `${bytes}-byte`;
}

// C0 and C1 controls and DEL; NUL in particular, which Postgres text cannot hold.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// Invisible characters and bidirectional overrides: "invoice\u202Efdp.exe" displays as "invoiceexe.pdf".
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Characters Windows refuses in names, and the quote that would end a quoted header parameter.
const RESERVED = /[<>:"|?*]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

/**
 * A filename safe to store, show and offer for download: no path (separators become '_'), no
 * control, invisible or bidi-override characters, no leading dots (hidden files, "..") or
 * trailing dots and spaces (dropped by Windows), no Windows device names, at most 255 UTF-8
 * bytes with the extension kept; `attachment.bin` when nothing usable is left.
 */
export function safeAttachmentFilename(name: string | null | undefined): string {
  if (!name) return FALLBACK_ATTACHMENT_FILENAME;
  let safe = name
    .replace(LONE_SURROGATE, '\ufffd')
    .normalize('NFC')
    .replace(/[/\\]/g, '_')
    .replace(CONTROL, '')
    .replace(INVISIBLE, '')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ');
  safe = trimName(safe);
  if (WINDOWS_DEVICE.test(safe)) safe = `_${safe}`;
  safe = trimName(truncateKeepingExtension(safe, MAX_ATTACHMENT_FILENAME_BYTES));
  return safe || FALLBACK_ATTACHMENT_FILENAME;
}

function trimName(name: string): string {
  return name.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
}

function truncateKeepingExtension(name: string, maxBytes: number): string {
  if (Buffer.byteLength(name) <= maxBytes) return name;
  const extension = /\.[^.\s]{1,16}$/.exec(name)?.[0] ?? '';
  const stem = name.slice(0, name.length - extension.length);
  return truncateUtf8(stem, maxBytes - Buffer.byteLength(extension)) + extension;
}

/** The longest prefix of whole code points that fits in `maxBytes` of UTF-8. */
function truncateUtf8(value: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const char of value) {
    bytes += Buffer.byteLength(char);
    if (bytes > maxBytes) break;
    out += char;
  }
  return out;
}

function headerText(value: string, maxLength: number): string {
  return value.replace(LONE_SURROGATE, '\ufffd').replace(CONTROL, '').trim().slice(0, maxLength).trim();
}

// ---------------------------------------------------------------------------------------------
// Content sniffing

type Signature = { offset?: number; bytes: number[]; type: string };

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** Fixed magic numbers at a fixed offset; the first match wins. */
const SIGNATURES: Signature[] = [
  { bytes: ascii('%PDF-'), type: 'application/pdf' },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], type: 'image/png' },
  { bytes: [0xff, 0xd8, 0xff], type: 'image/jpeg' },
  { bytes: ascii('GIF87a'), type: 'image/gif' },
  { bytes: ascii('GIF89a'), type: 'image/gif' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], type: 'image/tiff' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], type: 'image/tiff' },
  { bytes: [0x1f, 0x8b], type: 'application/gzip' },
  { bytes: ascii('Rar!\x1a\x07'), type: 'application/vnd.rar' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], type: 'application/x-7z-compressed' },
  // TNEF (winmail.dat): Outlook's wrapper, which itself carries attachments.
  { bytes: [0x78, 0x9f, 0x3e, 0x22], type: 'application/vnd.ms-tnef' },
  { bytes: ascii('{\\rtf'), type: 'application/rtf' },
  { bytes: ascii('%!PS'), type: 'application/postscript' },
  // Executables: a Windows PE (.exe, .dll, .scr, also a DOS MZ), ELF, Mach-O, a Windows shortcut.
  { bytes: ascii('MZ'), type: 'application/x-msdownload' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], type: 'application/x-executable' },
  { bytes: [0xfe, 0xed, 0xfa, 0xce], type: 'application/x-mach-binary' },
  { bytes: [0xfe, 0xed, 0xfa, 0xcf], type: 'application/x-mach-binary' },
  { bytes: [0xce, 0xfa, 0xed, 0xfe], type: 'application/x-mach-binary' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], type: 'application/x-mach-binary' },
  { bytes: [0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00], type: 'application/x-ms-shortcut' },
];

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Entry names (stored uncompressed in the zip directory) that tell zip-based formats apart. */
const ZIP_MARKERS: [string, string][] = [
  ['word/document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xl/workbook', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['ppt/presentation', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  ['AndroidManifest.xml', 'application/vnd.android.package-archive'],
  ['META-INF/MANIFEST.MF', 'application/java-archive'],
];

/** Stream names (UTF-16LE in the compound file's directory) of the legacy Office formats. */
const CFB_MARKERS: [Buffer, string][] = [
  // The CLSID of an MSI installer's root storage: an executable in Office clothing.
  [Buffer.from('84100c0000000000c000000000000046', 'hex'), 'application/x-msi'],
  [Buffer.from('__substg1.0_', 'utf16le'), 'application/vnd.ms-outlook'],
  [Buffer.from('WordDocument', 'utf16le'), 'application/msword'],
  [Buffer.from('Workbook', 'utf16le'), 'application/vnd.ms-excel'],
  [Buffer.from('PowerPoint Document', 'utf16le'), 'application/vnd.ms-powerpoint'],
];

// The WHATWG MIME sniffing standard's "HTML" patterns: a tag name followed by space or '>'.
const HTML_START = /^<(!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|!--)[\s>]/i;
const SAMPLE_BYTES = 4096;

/**
 * What the bytes are, from their magic numbers (and, for text, their first 4 KiB): the MIME
 * type, or null when they match nothing we know. Never trusts the declared type or the name.
 */
export function sniffContentType(content: Buffer): string | null {
  if (content.length === 0) return 'application/x-empty';
  for (const signature of SIGNATURES) if (startsWith(content, signature.bytes, signature.offset)) return signature.type;
  if (startsWith(content, ZIP) || startsWith(content, ZIP_EMPTY)) return zipType(content);
  if (startsWith(content, CFB)) return CFB_MARKERS.find(([marker]) => content.includes(marker))?.[1] ?? 'application/x-ole-storage';
  const riff = startsWith(content, ascii('RIFF')) ? content.toString('latin1', 8, 12) : null;
  if (riff === 'WEBP') return 'image/webp';
  if (riff === 'WAVE') return 'audio/wav';
  if (riff === 'AVI ') return 'video/x-msvideo';
  if (startsWith(content, ascii('ftyp'), 4)) return isoMediaType(content.toString('latin1', 8, 12));
  return textType(content.subarray(0, SAMPLE_BYTES));
}

function zipType(content: Buffer): string {
  // OpenDocument and EPUB: a first, uncompressed entry "mimetype" holding the type.
  if (content.length > 30 && content.toString('latin1', 30, 38) === 'mimetype') {
    const start = 30 + content.readUInt16LE(26) + content.readUInt16LE(28);
    const declared = content.toString('latin1', start, start + Math.min(content.readUInt32LE(18), 100));
    if (/^application\/(vnd\.oasis\.opendocument\.[a-z.-]+|epub\+zip)$/.test(declared)) return declared;
  }
  for (const [marker, type] of ZIP_MARKERS) if (content.includes(marker, 0, 'latin1')) return type;
  return 'application/zip';
}

function isoMediaType(brand: string): string {
  if (['heic', 'heix', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'image/heic';
  if (brand === 'avif') return 'image/avif';
  if (brand === 'qt  ') return 'video/quicktime';
  return 'video/mp4';
}

function textType(sample: Buffer): string | null {
  if (startsWith(sample, [0xfe, 0xff]) || startsWith(sample, [0xff, 0xfe])) return 'text/plain';
  const body = startsWith(sample, [0xef, 0xbb, 0xbf]) ? sample.subarray(3) : sample;
  // Binary data bytes per WHATWG: controls other than TAB, LF, FF, CR and ESC.
  for (const byte of body) {
    if (byte <= 0x08 || byte === 0x0b || (byte >= 0x0e && byte <= 0x1a) || (byte >= 0x1c && byte <= 0x1f) || byte === 0x7f) return null;
  }
  const text = body.toString('latin1').trimStart();
  if (HTML_START.test(text)) return 'text/html';
  if (/^<svg[\s>]/i.test(text) || (/^<\?xml[\s?]/i.test(text) && /<svg[\s>]/i.test(text))) return 'image/svg+xml';
  if (/^<\?xml[\s?]/i.test(text)) return 'application/xml';
  if (text.startsWith('#!')) return 'text/x-shellscript';
  return 'text/plain';
}

function startsWith(content: Buffer, bytes: number[], offset = 0): boolean {
  if (content.length < offset + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (content[offset + i] !== bytes[i]) return false;
  return true;
}

// Text the sniffer calls text/plain can be any textual format; the declared one is then more precise.
const TEXTUAL = /^(text\/(?!html$)[\w.+-]+|message\/[\w.+-]+|application\/([\w.+-]+\+)?(json|xml)|application\/pgp-[\w.+-]+)$/;

/**
 * The type we show: the sniffed one, unless the bytes matched nothing (then the declared one)
 * or are plain text declared as a more specific textual format. Shown only: downloads are
 * always application/octet-stream.
 */
export function effectiveContentType(declared: string, sniffed: string | null): string {
  if (sniffed === null) return declared;
  if (sniffed === 'text/plain' && TEXTUAL.test(declared.split(/[;\s]/)[0])) return declared;
  return sniffed;
}
