import { isUtf8 } from 'node:buffer';
import { declaredCharsets } from './mime-charset-hints.js';
import { decodeRawHeader } from './raw-header-charset.js';
import { hasEightBitHeader, readHeaderBlock } from './raw-header-block.js';

/** The subject and the address fields whose display names the parser keeps or shows. */
const REDECODED_FIELDS = new Set(['subject', 'from', 'sender', 'reply-to', 'to', 'cc', 'bcc']);

/**
 * mailparser reads raw 8-bit header bytes as UTF-8, so anything else comes out as U+FFFD. This
 * rewrites those fields of the top-level header block (see `REDECODED_FIELDS`) from the charset
 * `decodeRawHeader` chooses into UTF-8 before the parse, so the subject, the display names and
 * the raw header values all agree. RFC 2047 encoded words are ASCII and pass through untouched,
 * for mailparser to decode in their own charset. The source comes back as is (the same buffer)
 * when no field needs it, which is almost always.
 */
export function rawHeadersToUtf8(source: Buffer): Buffer {
  if (!hasEightBitHeader(source)) return source;
  const { fields } = readHeaderBlock(source);
  const targets = fields.filter((field) => REDECODED_FIELDS.has(field.name) && needsDecoding(source.subarray(field.valueStart, field.end)));
  if (targets.length === 0) return source;
  const declared = declaredCharsets(source);
  const pieces: Buffer[] = [];
  let at = 0;
  for (const field of targets) {
    // The field's line breaks and folding are ASCII, which every candidate charset keeps.
    const value = decodeRawHeader(source.subarray(field.valueStart, field.end), declared);
    pieces.push(source.subarray(at, field.valueStart), Buffer.from(value, 'utf8'));
    at = field.end;
  }
  pieces.push(source.subarray(at));
  return Buffer.concat(pieces);
}

function needsDecoding(value: Buffer): boolean {
  return value.some((byte) => byte >= 0x80) && !isUtf8(value);
}
