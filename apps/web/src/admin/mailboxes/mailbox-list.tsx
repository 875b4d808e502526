import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { t } from '../../i18n/index';
import { MAILBOXES_KEY, type Items, type Mailbox } from '../people-types';
import { MailboxForm } from './mailbox-form';
import { MailboxStateText } from './mailbox-state';

/** Every mailbox ingest watches with its connection state, and the form to add one. */
export function MailboxList() {
  const mailboxes = useQuery({ queryKey: MAILBOXES_KEY, queryFn: () => api<Items<Mailbox>>('/mailboxes') });
  return (
    <div className="admin-people">
      <h1>{t('admin.nav.mailboxes')}</h1>
      {mailboxes.isPending && <p className="hint">{t('loading')}</p>}
      {mailboxes.error && <p role="alert">{t('error.generic', { message: mailboxes.error.message })}</p>}
      {mailboxes.data && mailboxes.data.items.length === 0 && <p className="hint">{t('admin.mailboxes.none')}</p>}
      {mailboxes.data && mailboxes.data.items.length > 0 && (
        <table className="admin-table">
          <caption className="visually-hidden">{t('admin.mailboxes.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.mailboxes.address')}</th>
              <th scope="col">{t('admin.mailboxes.server')}</th>
              <th scope="col">{t('admin.mailboxes.folder')}</th>
              <th scope="col">{t('admin.mailboxes.queue')}</th>
              <th scope="col">{t('admin.mailboxes.state')}</th>
            </tr>
          </thead>
          <tbody>
            {mailboxes.data.items.map((mailbox) => (
              <tr key={mailbox.id}>
                <td>
                  <Link to={`/admin/mailboxes/${mailbox.id}`}>{mailbox.address}</Link>
                </td>
                <td>
                  {mailbox.imapUser} @ {mailbox.imapHost}:{mailbox.imapPort}
                </td>
                <td>{mailbox.folder}</td>
                <td>{mailbox.queue ? <code>{mailbox.queue.slug}</code> : '—'}</td>
                <td>{mailbox.enabled ? <MailboxStateText id={mailbox.id} /> : t('admin.mailboxes.state.disabled')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="new-mailbox-heading" className="admin-form-section">
        <h2 id="new-mailbox-heading">{t('admin.mailboxes.add')}</h2>
        <MailboxForm />
      </section>
    </div>
  );
}
