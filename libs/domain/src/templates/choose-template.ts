import { chooseReplyLocale, DEFAULT_REPLY_LOCALE } from '../reply-locale.js';
import type { StoredTemplate } from './stored-template.js';

/** What the reply language is chosen from: the writer's (detected by routing), then the queue's default. */
export interface LocaleCandidates {
  ticketLanguage?: string | null;
  queueLocale?: string | null;
  /** Asked for explicitly (a specialist's `locale`): wins when a template exists in it. */
  requested?: string | null;
}

/**
 * The template a mail to a ticket of `queueId` uses, and its locale: the locale is the requested
 * one, else the ticket's language, else the queue's default, else English, among the locales the
 * key exists in (for this queue or globally); the queue's override of that locale wins over the
 * global one. A key that exists in none of those falls back to any locale it has. Null: no such key.
 */
export function chooseTemplate(templates: readonly StoredTemplate[], key: string, queueId: string | null, candidates: LocaleCandidates): { template: StoredTemplate; locale: string } | null {
  const usable = templates.filter((t) => t.key === key && (t.queueId === null || t.queueId === queueId));
  if (usable.length === 0) return null;
  const available = new Set(usable.map((t) => t.locale));
  const wanted = candidates.requested && available.has(candidates.requested) ? candidates.requested : chooseReplyLocale(candidates, available);
  const locale = available.has(wanted) ? wanted : available.has(DEFAULT_REPLY_LOCALE) ? DEFAULT_REPLY_LOCALE : [...available].sort()[0]!;
  const inLocale = usable.filter((t) => t.locale === locale);
  const template = inLocale.find((t) => t.queueId !== null) ?? inLocale[0]!;
  return { template, locale };
}

/** The partials of a queue in a locale: its own override, else the global one; absent ones are left out. */
export function choosePartials(templates: readonly StoredTemplate[], names: readonly string[], queueId: string | null, locale: string): Record<string, StoredTemplate> {
  const partials: Record<string, StoredTemplate> = {};
  for (const name of names) {
    const candidates = templates.filter((t) => t.kind === 'partial' && t.key === name && t.locale === locale && (t.queueId === null || t.queueId === queueId));
    const chosen = candidates.find((t) => t.queueId !== null) ?? candidates[0];
    if (chosen) partials[name] = chosen;
  }
  return partials;
}
