import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from './api/client';
import { TICKET_LISTS } from './api/query-keys';
import type { TicketPriority, TicketSummary } from './api/types';
import { SlaBadge, TriageBadge } from './badges';
import { formatTime } from './i18n/format';
import { t } from './i18n/index';
import { isTyping } from './keyboard';
import { listBaseOf } from './list-routes';
import { TicketFilters, useTicketFilters } from './ticket-filters';

interface TicketPage {
  items: TicketSummary[];
  nextCursor: string | null;
}

/** One list's pages, keyset-paged; under the lists' key so ticket events refresh it. */
export const ticketListQuery = (query: string) =>
  infiniteQueryOptions({
    queryKey: [...TICKET_LISTS, query],
    queryFn: ({ pageParam }) => api<TicketPage>(`/tickets?${query}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    initialPageParam: '',
    getNextPageParam: (last: TicketPage) => last.nextCursor ?? undefined,
  });

/** A queue's tickets (or the caller's own), filtered and sorted as the URL says; j / k move, Enter opens. */
export function TicketList({ mine = false }: { mine?: boolean }) {
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const filters = useTicketFilters(listBaseOf(mine ? { mine: true } : { slug }));
  const query = filters.apiQuery;
  const tickets = useInfiniteQuery(ticketListQuery(query));
  const items = tickets.data?.pages.flatMap((page) => page.items) ?? [];
  const [selected, setSelected] = useState(0);
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);

  useEffect(() => setSelected(0), [query]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (isTyping(event.target) || event.altKey || event.ctrlKey || event.metaKey || items.length === 0) return;
      if (event.key === 'j' || event.key === 'k') {
        event.preventDefault();
        setSelected((current) => {
          const next = Math.min(items.length - 1, Math.max(0, current + (event.key === 'j' ? 1 : -1)));
          rows.current[next]?.focus();
          return next;
        });
      } else if (event.key === 'Enter' && items[selected]) {
        event.preventDefault();
        navigate(`/tickets/${items[selected].id}`);
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [items, selected, navigate]);

  const heading = mine ? t('list.mine') : t('list.heading', { queue: items[0]?.queue.name ?? slug });
  return (
    <section aria-labelledby="list-heading">
      <h1 id="list-heading">{heading}</h1>
      <TicketFilters chosen={filters.chosen} set={filters.set} withAssignee={!mine} />
      <p className="hint">{t('list.keys')}</p>
      {tickets.isPending && <p>{t('loading')}</p>}
      {tickets.isError && <p role="alert">{t('error.generic', { message: tickets.error.message })}</p>}
      {tickets.isSuccess && items.length === 0 && <p>{t('list.empty')}</p>}
      {items.length > 0 && (
        <table className="tickets">
          <thead>
            <tr>
              <th scope="col">{t('list.number')}</th>
              <th scope="col">{t('list.subject')}</th>
              <th scope="col">{t('list.requester')}</th>
              <th scope="col">{t('list.language')}</th>
              <th scope="col">{t('list.priority')}</th>
              <th scope="col">{t('list.triage')}</th>
              <th scope="col">{t('list.sla')}</th>
              <th scope="col">{t('list.assignee')}</th>
              <th scope="col">{t('list.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((ticket, index) => (
              <tr
                key={ticket.id}
                ref={(row) => {
                  rows.current[index] = row;
                }}
                tabIndex={index === selected ? 0 : -1}
                aria-selected={index === selected}
                className={index === selected ? 'selected' : undefined}
                onClick={() => navigate(`/tickets/${ticket.id}`)}
                onFocus={() => setSelected(index)}
              >
                <td>{ticket.number}</td>
                <td dir="auto">{ticket.subject}</td>
                <td dir="auto">{ticket.requester ? (ticket.requester.name ?? ticket.requester.email) : ''}</td>
                <td>{ticket.language ?? ''}</td>
                <td className={`priority-${ticket.priority}`}>{t(`priority.${ticket.priority as TicketPriority}`)}</td>
                <td>
                  <TriageBadge triage={ticket.triage} />
                </td>
                <td>
                  <SlaBadge clocks={ticket.sla} />
                </td>
                <td>{ticket.assignee?.name ?? t('list.unassigned')}</td>
                <td>
                  <time dateTime={ticket.updatedAt}>{formatTime(ticket.updatedAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {tickets.hasNextPage && (
        <button type="button" className="more" disabled={tickets.isFetchingNextPage} onClick={() => void tickets.fetchNextPage()}>
          {t('list.more')}
        </button>
      )}
    </section>
  );
}
