import { rawFieldValue, readHeaderBlock } from './raw-header-block.js';

/** Deep enough for mixed > related > alternative > text, with room for one more wrapper. */
const MAX_DEPTH = 5;
/** Parts looked at per multipart: the text part we want is among the first few. */
const MAX_PARTS = 32;
/** How much of an HTML body is searched for its `<meta charset>` (it belongs in the `<head>`). */
const META_SCAN_BYTES = 4096;

// `<meta charset="x">` and `<meta http-equiv="Content-Type" content="text/html; charset=x">`.
const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;

interface Entity {
  type: string;
  charset: string | null;
  boundary: string | null;
  transferEncoding: string;
  body: Buffer;
}

/**
 * The charsets a raw message declares for its text, in the order raw 8-bit header bytes are
 * tried in (see `decodeRawHeader`): the top-level part's, the first text part's (a multipart's
 * body), then the `<meta charset>` of its first HTML body. Read from the raw bytes with a
 * deliberately small MIME walk: only labels come out of it, never content.
 */
export function declaredCharsets(source: Buffer): string[] {
  const root = readEntity(source);
  const hints: (string | null)[] = [root.charset];
  const firstText = findPart(root, (entity) => entity.type.startsWith('text/'));
  if (firstText && firstText !== root) hints.push(firstText.charset);
  const html = findPart(root, (entity) => entity.type === 'text/html');
  if (html) hints.push(metaCharset(html));
  return [...new Set(hints.filter((hint): hint is string => Boolean(hint)))];
}

function readEntity(buf: Buffer): Entity {
  const block = readHeaderBlock(buf);
  const value = (name: string): string => {
    const field = block.fields.find((candidate) => candidate.name === name);
    return field ? rawFieldValue(buf, field) : '';
  };
  const contentType = value('content-type');
  return {
    // RFC 2045: no (or an unreadable) Content-Type means text/plain.
    type: /^\s*([\w.+-]+\/[\w.+-]+)/.exec(contentType)?.[1].toLowerCase() ?? 'text/plain',
    charset: parameter(contentType, 'charset'),
    boundary: parameter(contentType, 'boundary'),
    transferEncoding: value('content-transfer-encoding').toLowerCase(),
    body: buf.subarray(block.bodyStart),
  };
}

/** Depth-first, in document order: the first entity (the root included) that matches. */
function findPart(entity: Entity, matches: (entity: Entity) => boolean, depth = 0): Entity | null {
  if (matches(entity)) return entity;
  if (!entity.type.startsWith('multipart/') || !entity.boundary || depth >= MAX_DEPTH) return null;
  for (const part of childParts(entity.body, entity.boundary)) {
    const found = findPart(readEntity(part), matches, depth + 1);
    if (found) return found;
  }
  return null;
}

function childParts(body: Buffer, boundary: string): Buffer[] {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const parts: Buffer[] = [];
  let at = findDelimiter(body, delimiter, 0);
  while (at >= 0 && parts.length < MAX_PARTS) {
    const after = at + delimiter.length;
    if (body[after] === 0x2d && body[after + 1] === 0x2d) break; // the closing delimiter
    const lineEnd = body.indexOf(0x0a, after);
    if (lineEnd < 0) break;
    const next = findDelimiter(body, delimiter, lineEnd + 1);
    parts.push(body.subarray(lineEnd + 1, next < 0 ? body.length : next));
    at = next;
  }
  return parts;
}

/**
 * A delimiter line: `--boundary` at the start of a line, followed by `--` (the closing one),
 * white space or the line's end, so boundary `b` does not match a nested `b-inner`.
 */
function findDelimiter(body: Buffer, delimiter: Buffer, from: number): number {
  for (let at = body.indexOf(delimiter, from); at >= 0; at = body.indexOf(delimiter, at + 1)) {
    const after = at + delimiter.length;
    const startsLine = at === 0 || body[at - 1] === 0x0a;
    const closing = body[after] === 0x2d && body[after + 1] === 0x2d;
    if (startsLine && (closing || after === body.length || [0x0d, 0x0a, 0x20, 0x09].includes(body[after]))) return at;
  }
  return -1;
}

function metaCharset(html: Entity): string | null {
  // Room for base64's 4:3 growth and quoted-printable escapes before the cut.
  const head = transferDecoded(html.body.subarray(0, META_SCAN_BYTES * 2), html.transferEncoding);
  return META_CHARSET.exec(head.toString('latin1', 0, Math.min(head.length, META_SCAN_BYTES)))?.[1] ?? null;
}

function transferDecoded(bytes: Buffer, encoding: string): Buffer {
  if (encoding === 'base64') return Buffer.from(bytes.toString('latin1').replace(/[^A-Za-z0-9+/]/g, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const text = bytes.toString('latin1').replace(/=\r?\n/g, '');
    return Buffer.from(text.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  }
  return bytes;
}

/** A MIME parameter's value, quoted or not; null when absent or empty. */
function parameter(headerValue: string, name: string): string | null {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^\\s;]+))`, 'i').exec(headerValue);
  return (match?.[1] ?? match?.[2] ?? '').trim() || null;
}
