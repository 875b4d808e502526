import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from './api/client';
import { TICKET_PRIORITIES, TICKET_STATUSES } from './api/types';
import { t, type MessageKey } from './i18n/index';

const SORTS = ['updated', 'created', 'due'] as const;
const ASSIGNEES = ['me', 'none'] as const;
/** The list's filters as the URL keeps them (a filtered list survives a reload and can be shared). */
const FILTER_PARAMS = ['status', 'priority', 'assignee', 'tag', 'breached', 'sort'] as const;

/**
 * The list's filters and sort, read from and written to the page's URL; `apiQuery` is what the
 * list asks `GET /tickets` for (the API's own parameter names, so the URL reads as the API does).
 */
export function useTicketFilters(base: Record<string, string>) {
  const [params, setParams] = useSearchParams();
  const chosen = chosenFilters(params);
  const apiQuery = listApiQuery(base, params);
  const set = (name: (typeof FILTER_PARAMS)[number], value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  return { chosen, apiQuery, set };
}

function chosenFilters(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(FILTER_PARAMS.flatMap((name) => (params.get(name) ? [[name, params.get(name)!]] : [])));
}

/** The `GET /tickets` query of a list: its base (queue or assignee) and the URL's filters. */
export function listApiQuery(base: Record<string, string>, params: URLSearchParams): string {
  return new URLSearchParams({ sort: 'updated', ...chosenFilters(params), ...base }).toString();
}

interface TicketFiltersProps {
  chosen: Record<string, string>;
  set(name: (typeof FILTER_PARAMS)[number], value: string): void;
  /** "Mine" is already filtered by assignee. */
  withAssignee: boolean;
}

export function TicketFilters({ chosen, set, withAssignee }: TicketFiltersProps) {
  // Counting every tag is a scan of the tickets: asked only once someone reaches for the tag field.
  const [wantsTags, setWantsTags] = useState(false);
  const tags = useQuery({ queryKey: ['tags'], queryFn: () => api<{ items: { tag: string; count: number }[] }>('/tags'), staleTime: 60_000, enabled: wantsTags });
  const select = (name: 'status' | 'priority' | 'assignee' | 'sort', label: MessageKey, options: readonly { value: string; label: string }[], any: boolean) => (
    <span className="filter">
      <label htmlFor={`filter-${name}`}>{t(label)}</label>
      <select id={`filter-${name}`} value={chosen[name] ?? (any ? '' : options[0].value)} onChange={(event) => set(name, event.target.value)}>
        {any && <option value="">{t('filters.any')}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </span>
  );
  return (
    <form className="filters" aria-label={t('filters.heading')} onSubmit={(event) => event.preventDefault()}>
      {select('status', 'filters.status', TICKET_STATUSES.map((value) => ({ value, label: t(`status.${value}`) })), true)}
      {select('priority', 'filters.priority', TICKET_PRIORITIES.map((value) => ({ value, label: t(`priority.${value}`) })), true)}
      {withAssignee && select('assignee', 'filters.assignee', ASSIGNEES.map((value) => ({ value, label: t(`filters.assignee.${value}`) })), true)}
      <span className="filter">
        <label htmlFor="filter-tag">{t('filters.tag')}</label>
        <input id="filter-tag" list="filter-tags" onFocus={() => setWantsTags(true)} value={chosen.tag ?? ''} onChange={(event) => set('tag', event.target.value.trim().toLowerCase())} />
        <datalist id="filter-tags">
          {tags.data?.items.map((item) => <option key={item.tag} value={item.tag} />)}
        </datalist>
      </span>
      <span className="filter">
        <input id="filter-breached" type="checkbox" checked={chosen.breached === 'true'} onChange={(event) => set('breached', event.target.checked ? 'true' : '')} />
        <label htmlFor="filter-breached">{t('filters.breached')}</label>
      </span>
      {select('sort', 'filters.sort', SORTS.map((value) => ({ value, label: t(`filters.sort.${value}`) })), false)}
    </form>
  );
}
