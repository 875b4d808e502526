const LF = 0x0a;
const CR = 0x0d;
const SP = 0x20;
const HT = 0x09;
const COLON = 0x3a;
/** mailparser (mailsplit) refuses a longer header block, so reading further is wasted work. */
const MAX_HEADER_BYTES = 1024 * 1024;

/** One header field of a raw entity, as byte offsets into the buffer it was read from. */
export interface RawHeaderField {
  /** Lower-case field name; '' for a line without a colon (an mbox `From ` line, noise). */
  name: string;
  /** Where the field's line starts. */
  start: number;
  /** Just after the colon. */
  valueStart: number;
  /** Just after the line break ending its last (folded) line. */
  end: number;
}

export interface RawHeaderBlock {
  fields: RawHeaderField[];
  /** Just after the blank line ending the header block (the buffer's length when there is none). */
  bodyStart: number;
}

/**
 * Splits the header block of a raw message or MIME part the way mailparser does: fields until
 * the first empty line (LF or CRLF), a line starting with a space or tab continuing the field
 * before it. Bytes are not decoded: the caller decides what they mean.
 */
export function readHeaderBlock(buf: Buffer): RawHeaderBlock {
  const fields: RawHeaderField[] = [];
  let at = 0;
  while (at < Math.min(buf.length, MAX_HEADER_BYTES)) {
    const lineEnd = nextLineStart(buf, at);
    if (buf[at] === LF || (buf[at] === CR && buf[at + 1] === LF)) return { fields, bodyStart: lineEnd };
    const last = fields[fields.length - 1];
    if ((buf[at] === SP || buf[at] === HT) && last) {
      last.end = lineEnd;
    } else {
      // Searched within the line only: a long run of colon-less lines must stay linear.
      let colon = at;
      while (colon < lineEnd && buf[colon] !== COLON) colon++;
      const named = colon < lineEnd;
      const name = named ? buf.toString('latin1', at, colon).trim().toLowerCase() : '';
      fields.push({ name, start: at, valueStart: named ? colon + 1 : at, end: lineEnd });
    }
    at = lineEnd;
  }
  // No blank line (within the limit): all header, no body.
  return { fields, bodyStart: buf.length };
}

/** Whether the header block holds any 8-bit byte: a cheap test before reading it field by field. */
export function hasEightBitHeader(buf: Buffer): boolean {
  const limit = Math.min(buf.length, MAX_HEADER_BYTES);
  let end = 0;
  while (end < limit && buf[end] !== LF && !(buf[end] === CR && buf[end + 1] === LF)) end = nextLineStart(buf, end);
  return /[\x80-\xff]/.test(buf.toString('latin1', 0, Math.min(end, limit)));
}

/** The unfolded value of a field, bytes as latin1 (only ASCII matters to the callers). */
export function rawFieldValue(buf: Buffer, field: RawHeaderField): string {
  return buf.toString('latin1', field.valueStart, field.end).replace(/\r?\n[ \t]*/g, ' ').trim();
}

function nextLineStart(buf: Buffer, from: number): number {
  const lf = buf.indexOf(LF, from);
  return lf < 0 ? buf.length : lf + 1;
}
