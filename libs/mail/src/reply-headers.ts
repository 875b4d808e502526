import { randomUUID } from 'node:crypto';
import { normalizeMessageId } from '@casework/domain';

/** Long threads would grow References without bound; RFC 5322 allows trimming the middle. */
const MAX_REFERENCES = 20;

export interface ReplyHeaders {
  inReplyTo: string | null;
  references: string[];
}

/**
 * Threading headers for a reply to `original` (ids without angle brackets). The root is
 * always kept, so clients can still group the whole conversation after trimming.
 */
export function replyHeaders(original: { messageId: string | null; references: readonly string[] }): ReplyHeaders {
  const inReplyTo = normalizeMessageId(original.messageId);
  const ids = [...original.references, ...(inReplyTo ? [inReplyTo] : [])]
    .map(normalizeMessageId)
    .filter((id): id is string => id !== null);
  const unique = [...new Set(ids)];
  const references =
    unique.length > MAX_REFERENCES ? [unique[0], ...unique.slice(-(MAX_REFERENCES - 1))] : unique;
  return { inReplyTo, references };
}

/** `['a@x', 'b@y']` -> `'<a@x> <b@y>'`, the value of a References / In-Reply-To header. */
export function formatMessageIdHeader(ids: readonly string[]): string {
  return ids.map(bracket).join(' ');
}

/**
 * A new Message-ID, WITHOUT angle brackets: ids are stored normalized everywhere; use
 * `bracket` where a header value (e.g. nodemailer's `messageId`) is needed.
 */
export function generateMessageId(domain: string): string {
  const host = domain.trim().toLowerCase();
  if (!host || /[\s@<>]/.test(host)) throw new RangeError(`invalid Message-ID domain: ${JSON.stringify(domain)}`);
  return `${randomUUID()}@${host}`;
}

/** `a@x` or `<a@x>` -> `<a@x>`. Throws on ids that could not be a header token (header injection). */
export function bracket(id: string): string {
  const bare = normalizeMessageId(id);
  if (!bare || /[<>]/.test(bare)) throw new RangeError(`invalid Message-ID: ${JSON.stringify(id)}`);
  return `<${bare}>`;
}
