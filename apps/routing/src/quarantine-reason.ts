import type { MailParseError } from '@casework/mail';

/** Longest reason stored: a crash message can quote arbitrary text. */
const MAX_REASON_LENGTH = 500;

/**
 * The reason an agent reads in the quarantine list, e.g. "message is 30 MB, over the 25 MB
 * limit" or "parser timed out after 10000 ms".
 */
export function quarantineReason(error: MailParseError, size: number, maxBytes: number): string {
  return bounded(describe(error, size, maxBytes));
}

function describe(error: MailParseError, size: number, maxBytes: number): string {
  switch (error.reason) {
    case 'too-large':
      return `message is ${sizesApart(size, maxBytes)} limit`;
    case 'empty':
      return 'message is empty (no bytes, or whitespace only)';
    case 'not-a-message':
      return /binary/i.test(error.message)
        ? 'not an email message (binary data where the header lines should be)'
        : 'not an email message (no header lines such as From, To, Subject or Date)';
    // The pool's and parseMail's own messages already read well: "parser timed out after 10000 ms",
    // "parser crashed: worker exited with code 1", "mail parser rejected the message: …".
    case 'timeout':
    case 'parser-crashed':
    case 'unparseable':
      return error.message;
    default: {
      const unhandled: never = error.reason;
      return `${String(unhandled)}: ${error.message}`;
    }
  }
}

/** "30 MB, over the 25 MB"; exact byte counts when rounding would make both look the same. */
function sizesApart(size: number, limit: number): string {
  const [a, b] = [humanBytes(size), humanBytes(limit)];
  return a === b ? `${size} bytes, over the ${limit}-byte` : `${a}, over the ${b}`;
}

const KB = 1024;
const MB = 1024 * KB;

export function humanBytes(bytes: number): string {
  if (bytes < KB) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  if (bytes < MB) return `${oneDecimal(bytes / KB)} KB`;
  return `${oneDecimal(bytes / MB)} MB`;
}

function oneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function bounded(reason: string): string {
  const single = reason.replace(/\s+/g, ' ').trim();
  return single.length <= MAX_REASON_LENGTH ? single : `${single.slice(0, MAX_REASON_LENGTH - 1)}…`;
}
