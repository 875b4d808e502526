import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { t } from '../../i18n/index';
import { useSession } from '../../session';
import { FieldProblem, fieldProps, FormProblem, problemOf } from '../people-form';
import { ROLES, USERS_KEY, type Role, type User } from '../people-types';
import { roleLabel } from './role-label';
import { UserTokens } from './user-tokens';

/** /admin/users/:id: the user's profile, role and whether they may sign in, then their tokens. */
export function UserEdit() {
  const { id = '' } = useParams();
  const user = useQuery({ queryKey: [...USERS_KEY, id], queryFn: () => api<User>(`/users/${encodeURIComponent(id)}`) });
  return (
    <div className="admin-people">
      <p>
        <Link to="/admin/users">{t('admin.users.back')}</Link>
      </p>
      {user.isPending && <p className="hint">{t('loading')}</p>}
      {user.error && (
        <>
          <h1>{t('admin.nav.users')}</h1>
          <p role="alert">{t('error.generic', { message: user.error.message })}</p>
        </>
      )}
      {user.data && (
        <>
          <h1>{user.data.name}</h1>
          <p className="hint">{user.data.email}</p>
          {/* The form compares against the latest answer, so after a save nothing is left to send. */}
          <UserForm key={user.data.id} user={user.data} />
          <UserTokens userId={user.data.id} />
        </>
      )}
    </div>
  );
}

function UserForm({ user }: { user: User }) {
  const client = useQueryClient();
  const { me } = useSession();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<Role>(user.role);
  const [locale, setLocale] = useState(user.locale);
  const [timeZone, setTimeZone] = useState(user.timeZone);
  const [disabled, setDisabled] = useState(user.disabled);
  const [saved, setSaved] = useState(false);
  // Only what changed is sent: a role change alone must not also resend (and re-validate) the rest.
  const change = {
    ...(name.trim() !== user.name ? { name: name.trim() } : {}),
    ...(role !== user.role ? { role } : {}),
    ...(locale.trim() !== user.locale ? { locale: locale.trim() } : {}),
    ...(timeZone.trim() !== user.timeZone ? { timeZone: timeZone.trim() } : {}),
    ...(disabled !== user.disabled ? { disabled } : {}),
  };
  const save = useMutation({
    mutationFn: () => api<User>(`/users/${user.id}`, 'PATCH', change),
    onMutate: () => setSaved(false),
    onSuccess: async (after) => {
      client.setQueryData([...USERS_KEY, user.id], after);
      await client.invalidateQueries({ queryKey: USERS_KEY, exact: true });
      if (after.id === me?.id) await client.invalidateQueries({ queryKey: ['me'] });
      setSaved(true);
    },
  });
  const problem = problemOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <section aria-labelledby="user-profile-heading" className="admin-form-section">
      <h2 id="user-profile-heading">{t('admin.users.profile')}</h2>
      <form className="admin-form" onSubmit={submit} noValidate>
        <label htmlFor="user-name">{t('admin.users.name')}</label>
        <input {...fieldProps(problem, 'name', 'user-name')} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        <FieldProblem problem={problem} field="name" id="user-name" />
        <label htmlFor="user-role">{t('admin.users.role')}</label>
        <select {...fieldProps(problem, 'role', 'user-role')} value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((each) => (
            <option key={each} value={each}>
              {roleLabel(each)}
            </option>
          ))}
        </select>
        <FieldProblem problem={problem} field="role" id="user-role" />
        <label htmlFor="user-locale">{t('admin.users.locale')}</label>
        <input {...fieldProps(problem, 'locale', 'user-locale')} value={locale} onChange={(e) => setLocale(e.target.value)} autoComplete="off" />
        <FieldProblem problem={problem} field="locale" id="user-locale" />
        <label htmlFor="user-zone">{t('admin.users.timeZone')}</label>
        <input {...fieldProps(problem, 'timeZone', 'user-zone')} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} autoComplete="off" />
        <FieldProblem problem={problem} field="timeZone" id="user-zone" />
        <div className="admin-check">
          <input id="user-disabled" type="checkbox" checked={disabled} onChange={(e) => setDisabled(e.target.checked)} aria-describedby="user-disabled-hint" />
          <label htmlFor="user-disabled">{t('admin.users.disable')}</label>
        </div>
        <p id="user-disabled-hint" className="hint">
          {t('admin.users.disableHint')}
        </p>
        <button type="submit" disabled={save.isPending || Object.keys(change).length === 0}>
          {t('admin.save')}
        </button>
      </form>
      <FormProblem problem={problem} />
      {saved && (
        <p role="status" className="ok">
          {t('admin.saved')}
        </p>
      )}
    </section>
  );
}
