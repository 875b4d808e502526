/**
 * Names of a case export's entries (issue 15). Every name is built here from ids, counters and
 * a sanitised filename, so no mail-supplied name can collide with another entry or leave its
 * folder: only `A-Z a-z 0-9 . _ -` below a fixed folder, never a leading dot.
 */

/** The fixed entries of every export, beside the numbered mail and attachments. */
export const EXPORT_TICKET_JSON = 'ticket.json';
export const EXPORT_AUDIT_JSONL = 'audit.jsonl';
export const EXPORT_MANIFEST = 'MANIFEST.sha256';
export const EXPORT_SIGNATURE = 'manifest.sig';

const MAX_FILENAME = 100;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A counter padded to at least three digits (`001`); wider counts simply grow (`1000`). */
export function exportOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`an export ordinal is a positive integer, not ${n}`);
  return String(n).padStart(3, '0');
}

/** `messages/NNN-<sha256>.eml`: the n-th inbound mail of the case, named by the SHA-256 of its raw bytes. */
export function messageEntryName(n: number, sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error('a message entry is named by a lower-case hex SHA-256');
  return `messages/${exportOrdinal(n)}-${sha256}.eml`;
}

/** `outbound/NNN.eml`: the n-th mail we sent, as sent. */
export function outboundEntryName(n: number): string {
  return `outbound/${exportOrdinal(n)}.eml`;
}

/**
 * `attachments/<article NNN>-<position NN>-<filename>`: the article's place in the export (its
 * ordinal among all articles, oldest first) and the attachment's position in its mail make the
 * name unique; the filename is only there for a reader.
 */
export function attachmentEntryName(articleOrdinal: number, position: number, filename: string): string {
  if (!Number.isInteger(position) || position < 0) throw new Error(`an attachment position is a non-negative integer, not ${position}`);
  return `attachments/${exportOrdinal(articleOrdinal)}-${String(position).padStart(2, '0')}-${safeEntryFilename(filename)}`;
}

/**
 * A filename reduced to `A-Z a-z 0-9 . _ -`: other characters (separators, `..`, controls,
 * non-Latin letters) become `_`, runs of `_` collapse, no leading dot or dash, at most 100
 * characters (the extension kept), `attachment` when nothing is left.
 */
export function safeEntryFilename(filename: string): string {
  let name = filename
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/_+/g, '_')
    .replace(/^[._-]+/, '');
  if (name.length > MAX_FILENAME) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
    name = name.slice(0, MAX_FILENAME - extension.length) + extension;
  }
  return name === '' || name === '_' ? 'attachment' : name;
}

/** Whether `path` is a name an export may hold: relative, no `..` or empty segment, only the safe characters. */
export function isSafeEntryPath(path: string): boolean {
  return path.split('/').every((segment) => /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(segment) && !segment.includes('..'));
}
