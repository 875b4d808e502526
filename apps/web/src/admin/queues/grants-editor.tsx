import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { t, type MessageKey } from '../../i18n/index';
import { FormProblem, problemOf } from '../people-form';
import { GRANT_LEVELS, grantsKey, USERS_KEY, type GrantLevel, type Items, type QueueGrant, type User } from '../people-types';

const LEVEL_LABELS: Record<GrantLevel, MessageKey> = { read: 'admin.grants.read', write: 'admin.grants.write' };

/** Who may read or work the queue: edited as a draft here, and saving replaces the whole list (PUT). */
export function GrantsEditor({ queueId, restricted }: { queueId: string; restricted: boolean }) {
  const grants = useQuery({ queryKey: grantsKey(queueId), queryFn: () => api<{ grants: QueueGrant[] }>(`/queues/${queueId}/access`) });
  const users = useQuery({ queryKey: USERS_KEY, queryFn: () => api<Items<User>>('/users') });
  return (
    <section aria-labelledby="grants-heading" className="admin-form-section">
      <h2 id="grants-heading">{t('admin.grants.heading')}</h2>
      <p className="hint">{restricted ? t('admin.grants.restrictedHint') : t('admin.grants.openHint')}</p>
      {(grants.error ?? users.error) && <p role="alert">{t('error.generic', { message: (grants.error ?? users.error)!.message })}</p>}
      {grants.data && users.data && <GrantsDraft key={queueId} queueId={queueId} saved={grants.data.grants} users={users.data.items} />}
    </section>
  );
}

function GrantsDraft({ queueId, saved, users }: { queueId: string; saved: QueueGrant[]; users: User[] }) {
  const client = useQueryClient();
  const [draft, setDraft] = useState<QueueGrant[]>(saved);
  const [newUser, setNewUser] = useState('');
  const [newLevel, setNewLevel] = useState<GrantLevel>('read');
  const [done, setDone] = useState(false);
  const byId = new Map(users.map((user) => [user.id, user]));
  const granted = new Set(draft.map((grant) => grant.userId));
  const candidates = users.filter((user) => !granted.has(user.id));
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const edit = (next: QueueGrant[]) => {
    setDraft(next);
    setDone(false);
  };
  const save = useMutation({
    mutationFn: () => api<{ grants: QueueGrant[] }>(`/queues/${queueId}/access`, 'PUT', { grants: draft }),
    onSuccess: (answer) => {
      client.setQueryData(grantsKey(queueId), answer);
      setDraft(answer.grants);
      setDone(true);
    },
  });
  const add = () => {
    const userId = newUser || candidates[0]?.id;
    if (!userId) return;
    edit([...draft, { userId, level: newLevel }]);
    setNewUser('');
  };
  const nameOf = (userId: string) => {
    const user = byId.get(userId);
    return user ? `${user.name} <${user.email}>` : userId;
  };

  return (
    <>
      {draft.length === 0 ? (
        <p className="hint">{t('admin.grants.none')}</p>
      ) : (
        <table className="admin-table">
          <caption className="visually-hidden">{t('admin.grants.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.grants.user')}</th>
              <th scope="col">{t('admin.grants.level')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {draft.map((grant, index) => (
              <tr key={grant.userId}>
                <td>{nameOf(grant.userId)}</td>
                <td>
                  <select
                    aria-label={t('admin.grants.levelOf', { name: nameOf(grant.userId) })}
                    value={grant.level}
                    onChange={(e) => edit(draft.map((each, at) => (at === index ? { ...each, level: e.target.value as GrantLevel } : each)))}
                  >
                    {GRANT_LEVELS.map((level) => (
                      <option key={level} value={level}>
                        {t(LEVEL_LABELS[level])}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button type="button" onClick={() => edit(draft.filter((_, at) => at !== index))} aria-label={t('admin.grants.removeNamed', { name: nameOf(grant.userId) })}>
                    {t('admin.grants.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {candidates.length > 0 && (
        <fieldset className="admin-inline">
          <legend>{t('admin.grants.add')}</legend>
          <label htmlFor="grant-user">{t('admin.grants.user')}</label>
          <select id="grant-user" value={newUser || candidates[0].id} onChange={(e) => setNewUser(e.target.value)}>
            {candidates.map((user) => (
              <option key={user.id} value={user.id}>
                {`${user.name} <${user.email}>`}
              </option>
            ))}
          </select>
          <label htmlFor="grant-level">{t('admin.grants.level')}</label>
          <select id="grant-level" value={newLevel} onChange={(e) => setNewLevel(e.target.value as GrantLevel)}>
            {GRANT_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(LEVEL_LABELS[level])}
              </option>
            ))}
          </select>
          <button type="button" onClick={add}>
            {t('admin.grants.addSubmit')}
          </button>
        </fieldset>
      )}
      <div className="admin-buttons">
        <button type="button" onClick={() => save.mutate()} disabled={save.isPending || !dirty}>
          {t('admin.grants.save')}
        </button>
        {dirty && <span className="hint">{t('admin.grants.unsaved')}</span>}
      </div>
      <FormProblem problem={problemOf(save.error)} />
      {done && (
        <p role="status" className="ok">
          {t('admin.grants.saved')}
        </p>
      )}
    </>
  );
}
