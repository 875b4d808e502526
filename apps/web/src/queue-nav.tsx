import { useQuery } from '@tanstack/react-query';
import { NavLink } from 'react-router';
import { api } from './api/client';
import type { Queue } from './api/types';
import { t } from './i18n/index';

export function QueueNav() {
  const queues = useQuery({ queryKey: ['queues'], queryFn: () => api<{ items: Queue[] }>('/queues') });
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
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
