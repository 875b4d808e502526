import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { formatTime } from '../../i18n/format';
import { t } from '../../i18n/index';
import { FormProblem, problemOf } from '../people-form';
import { MAILBOXES_KEY, type Mailbox } from '../people-types';
import { MailboxForm } from './mailbox-form';
import { stateLabel, useMailboxStatus } from './mailbox-state';

/** /admin/mailboxes/:id: how ingest is doing with it, its settings, and stopping it. */
export function MailboxEdit() {
  const { id = '' } = useParams();
  const mailbox = useQuery({ queryKey: [...MAILBOXES_KEY, id], queryFn: () => api<Mailbox>(`/mailboxes/${encodeURIComponent(id)}`) });
  return (
    <div className="admin-people">
      <p>
        <Link to="/admin/mailboxes">{t('admin.mailboxes.back')}</Link>
      </p>
      {mailbox.isPending && <p className="hint">{t('loading')}</p>}
      {mailbox.error && (
        <>
          <h1>{t('admin.nav.mailboxes')}</h1>
          <p role="alert">{t('error.generic', { message: mailbox.error.message })}</p>
        </>
      )}
      {mailbox.data && (
        <>
          <h1>{mailbox.data.address}</h1>
          <MailboxStatusPanel id={mailbox.data.id} />
          <section aria-labelledby="mailbox-settings-heading" className="admin-form-section">
            <h2 id="mailbox-settings-heading">{t('admin.mailboxes.settings')}</h2>
            <MailboxForm key={mailbox.data.id} mailbox={mailbox.data} />
          </section>
          <DeleteMailbox mailbox={mailbox.data} />
        </>
      )}
    </div>
  );
}

function MailboxStatusPanel({ id }: { id: string }) {
  const status = useMailboxStatus(id);
  const when = (iso: string | null) => (iso ? <time dateTime={iso}>{formatTime(iso)}</time> : t('admin.never'));
  return (
    <section aria-labelledby="mailbox-status-heading" className="admin-form-section">
      <h2 id="mailbox-status-heading">{t('admin.mailboxes.status')}</h2>
      {status.error && <p role="alert">{t('error.generic', { message: status.error.message })}</p>}
      {status.data && (
        <dl className="admin-facts">
          <dt>{t('admin.mailboxes.state')}</dt>
          <dd className={`mailbox-state state-${status.data.state}`}>{stateLabel(status.data.state)}</dd>
          <dt>{t('admin.mailboxes.lastSeen')}</dt>
          <dd>{when(status.data.leaseRenewedAt)}</dd>
          <dt>{t('admin.mailboxes.holder')}</dt>
          <dd>{status.data.holder ?? '—'}</dd>
          <dt>{t('admin.mailboxes.lag')}</dt>
          <dd>{status.data.lagMessages ?? '—'}</dd>
          <dt>{t('admin.mailboxes.lastUid')}</dt>
          <dd>{status.data.lastUid ?? '—'}</dd>
          <dt>{t('admin.mailboxes.lastError')}</dt>
          <dd>{status.data.lastError ? `${status.data.lastError} (${status.data.lastErrorAt ? formatTime(status.data.lastErrorAt) : '—'})` : '—'}</dd>
        </dl>
      )}
    </section>
  );
}

/** Two steps: the first button asks, the second deletes (the stored mail stays). */
function DeleteMailbox({ mailbox }: { mailbox: Mailbox }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const remove = useMutation({
    mutationFn: () => api(`/mailboxes/${mailbox.id}`, 'DELETE'),
    onSuccess: async () => {
      client.removeQueries({ queryKey: [...MAILBOXES_KEY, mailbox.id] });
      await client.invalidateQueries({ queryKey: MAILBOXES_KEY, exact: true });
      void navigate('/admin/mailboxes');
    },
  });
  return (
    <section aria-labelledby="mailbox-delete-heading" className="admin-form-section">
      <h2 id="mailbox-delete-heading">{t('admin.mailboxes.delete')}</h2>
      <p className="hint">{t('admin.mailboxes.deleteHint')}</p>
      {!asking ? (
        <button type="button" onClick={() => setAsking(true)}>
          {t('admin.mailboxes.delete')}
        </button>
      ) : (
        <div className="admin-buttons">
          <button type="button" className="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
            {t('admin.mailboxes.deleteConfirm', { address: mailbox.address })}
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            {t('admin.cancel')}
          </button>
        </div>
      )}
      <FormProblem problem={problemOf(remove.error)} />
    </section>
  );
}
