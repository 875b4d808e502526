import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { t } from '../../i18n/index';
import { FieldProblem, fieldProps, FormProblem, optional, problemOf } from '../people-form';
import { ROLES, USERS_KEY, type Role, type User } from '../people-types';
import { roleLabel } from './role-label';

/** Adds a user; locale and time zone may stay empty (the API then uses en and UTC). */
export function NewUserForm() {
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('specialist');
  const [locale, setLocale] = useState('');
  const [timeZone, setTimeZone] = useState('');
  const [created, setCreated] = useState<User | null>(null);
  const create = useMutation({
    mutationFn: () => api<User>('/users', 'POST', { email: email.trim(), name: name.trim(), role, locale: optional(locale), timeZone: optional(timeZone) }),
    onMutate: () => setCreated(null),
    onSuccess: async (user) => {
      setCreated(user);
      setEmail('');
      setName('');
      setLocale('');
      setTimeZone('');
      await client.invalidateQueries({ queryKey: USERS_KEY });
    },
  });
  const problem = problemOf(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <section aria-labelledby="new-user-heading" className="admin-form-section">
      <h2 id="new-user-heading">{t('admin.users.add')}</h2>
      <form className="admin-form" onSubmit={submit} noValidate>
        <label htmlFor="new-user-email">{t('admin.users.email')}</label>
        <input {...fieldProps(problem, 'email', 'new-user-email')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" required />
        <FieldProblem problem={problem} field="email" id="new-user-email" />
        <label htmlFor="new-user-name">{t('admin.users.name')}</label>
        <input {...fieldProps(problem, 'name', 'new-user-name')} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" required />
        <FieldProblem problem={problem} field="name" id="new-user-name" />
        <label htmlFor="new-user-role">{t('admin.users.role')}</label>
        <select {...fieldProps(problem, 'role', 'new-user-role')} value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((each) => (
            <option key={each} value={each}>
              {roleLabel(each)}
            </option>
          ))}
        </select>
        <FieldProblem problem={problem} field="role" id="new-user-role" />
        <label htmlFor="new-user-locale">{t('admin.users.locale')}</label>
        <input {...fieldProps(problem, 'locale', 'new-user-locale')} value={locale} onChange={(e) => setLocale(e.target.value)} placeholder="en" autoComplete="off" />
        <FieldProblem problem={problem} field="locale" id="new-user-locale" />
        <label htmlFor="new-user-zone">{t('admin.users.timeZone')}</label>
        <input {...fieldProps(problem, 'timeZone', 'new-user-zone')} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} placeholder="UTC" autoComplete="off" />
        <FieldProblem problem={problem} field="timeZone" id="new-user-zone" />
        <button type="submit" disabled={create.isPending}>
          {t('admin.users.addSubmit')}
        </button>
      </form>
      <FormProblem problem={problem} />
      {created && (
        <p role="status" className="ok">
          {t('admin.users.added', { name: created.name })} <Link to={`/admin/users/${created.id}`}>{t('admin.users.openNew')}</Link>
        </p>
      )}
    </section>
  );
}
