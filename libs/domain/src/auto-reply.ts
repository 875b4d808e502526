/**
 * RFC 3834 and de-facto signals that a mail was sent by a machine. We never acknowledge
 * such mail: answering an auto-reply or a bounce is how mail loops start.
 */
export interface AutomationSignals {
  /** Header names in lower case; values as received (first occurrence). */
  headers: ReadonlyMap<string, string>;
  fromAddress: string | null;
  /** Addresses we send from: mail from them is our own, echoed back. */
  ownAddresses: readonly string[];
}

export type AutomationVerdict = { automated: false } | { automated: true; reason: string };

/** Local parts of senders that are machines: no one reads an answer sent to them. */
export const NO_REPLY_LOCAL_PARTS = /^(mailer-daemon|postmaster|no[-_.]?reply|do[-_.]?not[-_.]?reply|bounces?|auto[-_.]?reply)(\+.*)?$/i;

export function detectAutomatedMail(signals: AutomationSignals): AutomationVerdict {
  const header = (name: string) => signals.headers.get(name)?.trim().toLowerCase();

  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted && autoSubmitted.split(';')[0].trim() !== 'no') {
    return { automated: true, reason: `Auto-Submitted: ${autoSubmitted}` };
  }
  const precedence = header('precedence');
  if (precedence && ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) {
    return { automated: true, reason: `Precedence: ${precedence}` };
  }
  if (signals.headers.has('list-id') || signals.headers.has('list-unsubscribe')) {
    return { automated: true, reason: 'mailing list (List-Id / List-Unsubscribe)' };
  }
  const suppress = header('x-auto-response-suppress');
  if (suppress && /\b(all|autoreply|oof)\b/.test(suppress)) {
    return { automated: true, reason: `X-Auto-Response-Suppress: ${suppress}` };
  }
  if (header('x-autoreply') || header('x-autorespond')) {
    return { automated: true, reason: 'X-Autoreply / X-Autorespond' };
  }
  const contentType = header('content-type');
  if (contentType && /multipart\/report/.test(contentType)) {
    return { automated: true, reason: 'delivery or disposition report (multipart/report)' };
  }
  const from = signals.fromAddress?.trim().toLowerCase() ?? '';
  if (!from) return { automated: true, reason: 'no sender address (null return path)' };
  const localPart = from.split('@')[0];
  if (NO_REPLY_LOCAL_PARTS.test(localPart)) {
    return { automated: true, reason: `machine sender ${localPart}@…` };
  }
  if (signals.ownAddresses.some((own) => own.trim().toLowerCase() === from)) {
    return { automated: true, reason: 'sent from one of our own addresses' };
  }
  return { automated: false };
}
