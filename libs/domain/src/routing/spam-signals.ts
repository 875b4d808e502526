/**
 * The spam verdicts upstream filters (SpamAssassin, rspamd, Exchange) left in the headers,
 * in words a specialist reads in the ticket's history: `X-Spam-Flag: YES`, `X-Spam-Status:
 * Yes`, `X-Spam-Score 14.2 over 5`. The threshold is the queue's; null ignores the score.
 */
export function spamSignals(headers: ReadonlyMap<string, string>, scoreThreshold: number | null): string[] {
  const signals: string[] = [];
  const flag = headers.get('x-spam-flag')?.trim();
  if (flag && /^yes\b/i.test(flag)) signals.push('X-Spam-Flag: YES');
  const status = headers.get('x-spam-status')?.trim();
  if (status && /^yes\b/i.test(status)) signals.push('X-Spam-Status: Yes');
  const score = spamScore(headers.get('x-spam-score'));
  if (scoreThreshold !== null && score !== null && score > scoreThreshold) signals.push(`X-Spam-Score ${score} over ${scoreThreshold}`);
  return signals;
}

/** `7.2`, `7.2 / 5.0` or `+7.2`; null when it is not a number. */
function spamScore(value: string | undefined): number | null {
  const match = value?.trim().match(/^[+]?(-?\d+(?:\.\d+)?)/);
  if (!match) return null;
  const score = Number(match[1]);
  return Number.isFinite(score) ? score : null;
}
