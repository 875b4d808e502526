import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from './api/client';
import { TICKET_LISTS, ticketKey } from './api/query-keys';
import type { TicketDetail, TicketSummary, UserRef } from './api/types';
import { formatTime } from './i18n/format';
import { t } from './i18n/index';

interface HistoryItem {
  id: string;
  kind: string;
  actor: UserRef | null;
  at: string;
}

/** The requester and their other tickets (newest first), from the list filtered by their address. */
export function RequesterPanel({ ticket }: { ticket: TicketDetail }) {
  const email = ticket.requester?.email;
  const others = useQuery({
    queryKey: [...TICKET_LISTS, 'requester', email],
    queryFn: () => api<{ items: TicketSummary[] }>(`/tickets?requester=${encodeURIComponent(email!)}&limit=20`),
    enabled: email !== undefined,
  });
  if (!ticket.requester) return null;
  const earlier = (others.data?.items ?? []).filter((item) => item.id !== ticket.id);
  return (
    <section className="requester" aria-label={t('requester.heading')}>
      <h2>{t('requester.heading')}</h2>
      <p dir="auto">
        {ticket.requester.name ? `${ticket.requester.name} <${ticket.requester.email}>` : ticket.requester.email}
      </p>
      {earlier.length === 0 ? (
        <p className="hint">{t('requester.none')}</p>
      ) : (
        <ul>
          {earlier.map((item) => (
            <li key={item.id}>
              <Link to={`/tickets/${item.id}`}>
                #{item.number} <span dir="auto">{item.subject}</span>
              </Link>{' '}
              <span className="badge quiet">{t(`status.${item.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Every state change of the ticket with its actor and time, oldest first (GET /tickets/:id/history). */
export function TicketHistory({ ticketId }: { ticketId: string }) {
  const history = useQuery({ queryKey: [...ticketKey(ticketId), 'history'], queryFn: () => api<{ items: HistoryItem[] }>(`/tickets/${ticketId}/history`) });
  return (
    <section className="history" aria-label={t('history.heading')}>
      <h2>{t('history.heading')}</h2>
      <ol>
        {(history.data?.items ?? []).map((item) => (
          <li key={item.id}>
            <time dateTime={item.at}>{formatTime(item.at)}</time> {item.kind.replace(/_/g, ' ')} — {item.actor?.name ?? t('history.routing')}
          </li>
        ))}
      </ol>
    </section>
  );
}
