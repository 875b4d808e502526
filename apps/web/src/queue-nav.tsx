import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { NavLink } from 'react-router';
import { api } from './api/client';
import { TICKET_LISTS } from './api/query-keys';
import type { Queue } from './api/types';
import { t } from './i18n/index';

/** How long after the page opens the queue counts are asked for. */
const COUNTS_DELAY_MS = 1500;

export function QueueNav() {
  const queues = useQuery({ queryKey: ['queues'], queryFn: () => api<{ items: Queue[] }>('/queues') });
  // Secondary, and a count over every open ticket: asked once the page's own data has had its turn.
  const [countsWanted, setCountsWanted] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setCountsWanted(true), COUNTS_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  // Under the lists' key: every ticket event that refreshes the lists refreshes the counts too.
  const counts = useQuery({ queryKey: [...TICKET_LISTS, 'queue-counts'], queryFn: () => api<{ items: QueueCount[] }>('/queues/counts'), enabled: countsWanted });
  const countOf = new Map(counts.data?.items.map((row) => [row.queueId, row]));
  return (
    <nav aria-label={t('nav.queues')} className="queues">
      <ul>
        <li>
          <NavLink to="/mine">{t('nav.mine')}</NavLink>
        </li>
        <li>
          <NavLink to="/ops">{t('nav.ops')}</NavLink>
        </li>
        {queues.data?.items.map((queue) => (
          <li key={queue.id}>
            <NavLink to={`/queues/${encodeURIComponent(queue.slug)}`}>
              {queue.name}
              {queue.restricted && <span className="badge restricted">{t('nav.restricted')}</span>}
              <QueueCounts count={countOf.get(queue.id)} />
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

interface QueueCount {
  queueId: string;
  open: number;
  breached: number;
}

/** Open and breached tickets; nothing for a queue whose tickets the caller does not see. */
function QueueCounts({ count }: { count: QueueCount | undefined }) {
  if (!count) return null;
  return (
    <span className="queue-counts">
      <span className="count">
        {t('nav.openCount', { count: count.open })}
      </span>
      {count.breached > 0 && <span className="count breached">{t('nav.breachedCount', { count: count.breached })}</span>}
    </span>
  );
}
