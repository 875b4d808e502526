import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { formatTime } from '../../i18n/format';
import { t } from '../../i18n/index';
import { USERS_KEY, type Items, type User } from '../people-types';
import { NewUserForm } from './new-user-form';
import { roleLabel } from './role-label';

/** Every user, each a link to its edit view, and the form to add one. */
export function UserList() {
  const users = useQuery({ queryKey: USERS_KEY, queryFn: () => api<Items<User>>('/users') });
  return (
    <div className="admin-people">
      <h1>{t('admin.nav.users')}</h1>
      {users.isPending && <p className="hint">{t('loading')}</p>}
      {users.error && <p role="alert">{t('error.generic', { message: users.error.message })}</p>}
      {users.data && (
        <table className="admin-table">
          <caption className="visually-hidden">{t('admin.users.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.users.name')}</th>
              <th scope="col">{t('admin.users.email')}</th>
              <th scope="col">{t('admin.users.role')}</th>
              <th scope="col">{t('admin.users.state')}</th>
              <th scope="col">{t('admin.users.lastSeen')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((user) => (
              <tr key={user.id}>
                <td>
                  <Link to={`/admin/users/${user.id}`}>{user.name}</Link>
                </td>
                <td>{user.email}</td>
                <td>{roleLabel(user.role)}</td>
                <td>{user.disabled ? t('admin.users.disabled') : t('admin.users.enabled')}</td>
                <td>{user.lastSeenAt ? <time dateTime={user.lastSeenAt}>{formatTime(user.lastSeenAt)}</time> : t('admin.never')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewUserForm />
    </div>
  );
}
