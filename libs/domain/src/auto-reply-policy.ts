import { NO_REPLY_LOCAL_PARTS } from './auto-reply.js';

/**
 * RFC 3834 for the mail Casework sends by itself (acknowledgements): besides never answering
 * automated mail (detectAutomatedMail), never answer a machine's or our own address, and at
 * most once per sender and queue in a window, so a person writing ten times in an hour, or two
 * systems bouncing mail at each other, get one acknowledgement.
 */
export const DEFAULT_AUTO_REPLY_WINDOW_MINUTES = 24 * 60;

/** Why an automatic answer must not go to `address`, or null when it may. */
export function autoReplyRecipientProblem(address: string | null | undefined, ownAddresses: readonly string[]): string | null {
  const email = address?.trim().toLowerCase() ?? '';
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return 'no usable sender address (null return path)';
  const localPart = email.slice(0, at);
  if (NO_REPLY_LOCAL_PARTS.test(localPart) || /^(list|owner|[^@]*-(request|owner|bounces?))$/.test(localPart)) return `machine or list sender ${localPart}@…`;
  if (ownAddresses.some((own) => own.trim().toLowerCase() === email)) return 'one of our own addresses';
  return null;
}

/** The first item per (queue, sender) pair, in order: what one batch may acknowledge before the window rule is asked. */
export function firstPerSender<T>(items: readonly T[], keyOf: (item: T) => { queueId: string; sender: string }): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const { queueId, sender } = keyOf(item);
    const key = `${queueId}\u0000${sender.trim().toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
