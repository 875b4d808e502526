import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { t } from '../../i18n/index';
import { QUEUES_KEY, type AdminQueue, type Items } from '../people-types';
import { NewQueueForm } from './new-queue-form';

/** Every queue, each a link to its settings and grants, and the form to add one. */
export function QueueList() {
  const queues = useQuery({ queryKey: QUEUES_KEY, queryFn: () => api<Items<AdminQueue>>('/queues') });
  return (
    <div className="admin-people">
      <h1>{t('admin.nav.queues')}</h1>
      {queues.isPending && <p className="hint">{t('loading')}</p>}
      {queues.error && <p role="alert">{t('error.generic', { message: queues.error.message })}</p>}
      {queues.data && (
        <table className="admin-table">
          <caption className="visually-hidden">{t('admin.queues.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.queues.name')}</th>
              <th scope="col">{t('admin.queues.slug')}</th>
              <th scope="col">{t('admin.queues.address')}</th>
              <th scope="col">{t('admin.queues.access')}</th>
            </tr>
          </thead>
          <tbody>
            {queues.data.items.map((queue) => (
              <tr key={queue.id}>
                <td>
                  <Link to={`/admin/queues/${queue.id}`}>{queue.name}</Link>
                </td>
                <td>
                  <code>{queue.slug}</code>
                </td>
                <td>{queue.role ? t('admin.queues.system') : queue.address}</td>
                <td>{queue.restricted ? t('admin.queues.restricted') : t('admin.queues.open')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewQueueForm />
    </div>
  );
}
