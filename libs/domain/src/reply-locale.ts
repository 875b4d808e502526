/** The language replies fall back to when neither the ticket nor its queue names one. */
export const DEFAULT_REPLY_LOCALE = 'en';

/**
 * The language a reply to a ticket is written in: the writer's (the ticket's detected language),
 * else the queue's default, else English. Only a locale the caller can serve counts (`available`,
 * e.g. the languages a template exists in); a regional one falls back to its base language
 * (pt-BR → pt) before the next candidate.
 */
export function chooseReplyLocale(candidates: { ticketLanguage?: string | null; queueLocale?: string | null }, available?: ReadonlySet<string>): string {
  for (const wanted of [candidates.ticketLanguage, candidates.queueLocale]) {
    const found = servable(wanted, available);
    if (found) return found;
  }
  return DEFAULT_REPLY_LOCALE;
}

function servable(locale: string | null | undefined, available: ReadonlySet<string> | undefined): string | null {
  if (!locale) return null;
  const normalised = locale.trim().replace('_', '-');
  if (normalised === '') return null;
  const base = normalised.split('-')[0]!.toLowerCase();
  if (!available) return normalised;
  if (available.has(normalised)) return normalised;
  return available.has(base) ? base : null;
}
