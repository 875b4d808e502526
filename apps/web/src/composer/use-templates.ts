import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { QueueLocale, TemplateSelection, TemplateSummary } from './composer-types';
import { chooseTemplate, localesOf, templateKeys, templatesForQueue } from './template-choice';

export interface TemplateChoice {
  /** The keys on offer for this ticket. */
  keys: { key: string; kind: TemplateSummary['kind'] }[];
  /** The locales the selected key exists in. */
  locales: string[];
  /** The version the API would send for the selection (null: none selected, or not loaded yet). */
  chosen: TemplateSummary | null;
  isPending: boolean;
  error: Error | null;
}

/**
 * The template library as it applies to one ticket: the global templates and its queue's
 * overrides (the queue's id and default language from `GET /queues`, which the queue list reads
 * too), and the version of the selected key the API would render for the ticket.
 */
export function useTemplateChoice(ticket: { language: string | null; queueSlug: string }, selection: TemplateSelection | null): TemplateChoice {
  const templates = useQuery({ queryKey: ['templates'], queryFn: () => api<{ items: TemplateSummary[] }>('/templates'), staleTime: 60_000 });
  const queues = useQuery({ queryKey: ['queues'], queryFn: () => api<{ items: QueueLocale[] }>('/queues') });
  const queue = queues.data?.items.find((item) => item.slug === ticket.queueSlug) ?? null;
  const usable = templatesForQueue(templates.data?.items ?? [], queue?.id ?? null);
  const chosen = selection ? chooseTemplate(usable, selection.key, { requested: selection.locale || null, ticketLanguage: ticket.language, queueLocale: queue?.defaultLocale ?? null }) : null;
  return {
    keys: templateKeys(usable),
    locales: selection ? localesOf(usable, selection.key) : [],
    chosen,
    isPending: templates.isPending || queues.isPending,
    error: templates.error ?? queues.error,
  };
}
