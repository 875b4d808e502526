import { normalizeMessageId } from '@casework/domain';

/**
 * Message-ID straight from the raw header block, without a full MIME parse: ingest must
 * stay cheap and must not fail on mail the parser would choke on (routing parses later).
 */
export function headerMessageId(raw: Buffer): string | null {
  const end = headerEnd(raw);
  const header = raw.subarray(0, end).toString('latin1').replace(/\r?\n[ \t]+/g, ' ');
  const match = /^message-id:[ \t]*(.+)$/im.exec(header);
  return match ? normalizeMessageId(match[1]) : null;
}

function headerEnd(raw: Buffer): number {
  for (const separator of ['\r\n\r\n', '\n\n', '\r\r']) {
    const at = raw.indexOf(separator);
    if (at >= 0) return at;
  }
  return Math.min(raw.length, 64 * 1024);
}
