import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { t } from '../../i18n/index';
import { FieldProblem, fieldProps, FormProblem, problemOf } from '../people-form';
import { QUEUES_KEY, type AdminQueue } from '../people-types';

/** Adds a queue: slug, name and address; the rest is set on its own page. */
export function NewQueueForm() {
  const client = useQueryClient();
  const [slug, setSlug] = useState('');
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [restricted, setRestricted] = useState(false);
  const [created, setCreated] = useState<AdminQueue | null>(null);
  const create = useMutation({
    mutationFn: () => api<AdminQueue>('/queues', 'POST', { slug: slug.trim(), name: name.trim(), address: address.trim(), restricted }),
    onMutate: () => setCreated(null),
    onSuccess: async (queue) => {
      setCreated(queue);
      setSlug('');
      setName('');
      setAddress('');
      setRestricted(false);
      await client.invalidateQueries({ queryKey: QUEUES_KEY });
      // The queue list beside the inbox reads /queues too.
      await client.invalidateQueries({ queryKey: ['queues'] });
    },
  });
  const problem = problemOf(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <section aria-labelledby="new-queue-heading" className="admin-form-section">
      <h2 id="new-queue-heading">{t('admin.queues.add')}</h2>
      <form className="admin-form" onSubmit={submit} noValidate>
        <label htmlFor="new-queue-slug">{t('admin.queues.slug')}</label>
        <input {...fieldProps(problem, 'slug', 'new-queue-slug', 'new-queue-slug-hint')} value={slug} onChange={(e) => setSlug(e.target.value)} autoComplete="off" />
        <p id="new-queue-slug-hint" className="hint">
          {t('admin.queues.slugHint')}
        </p>
        <FieldProblem problem={problem} field="slug" id="new-queue-slug" />
        <label htmlFor="new-queue-name">{t('admin.queues.name')}</label>
        <input {...fieldProps(problem, 'name', 'new-queue-name')} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        <FieldProblem problem={problem} field="name" id="new-queue-name" />
        <label htmlFor="new-queue-address">{t('admin.queues.address')}</label>
        <input {...fieldProps(problem, 'address', 'new-queue-address')} type="email" value={address} onChange={(e) => setAddress(e.target.value)} autoComplete="off" />
        <FieldProblem problem={problem} field="address" id="new-queue-address" />
        <div className="admin-check">
          <input id="new-queue-restricted" type="checkbox" checked={restricted} onChange={(e) => setRestricted(e.target.checked)} />
          <label htmlFor="new-queue-restricted">{t('admin.queues.restrictedLabel')}</label>
        </div>
        <button type="submit" disabled={create.isPending}>
          {t('admin.queues.addSubmit')}
        </button>
      </form>
      <FormProblem problem={problem} />
      {created && (
        <p role="status" className="ok">
          {t('admin.queues.added', { name: created.name })} <Link to={`/admin/queues/${created.id}`}>{t('admin.queues.openNew')}</Link>
        </p>
      )}
    </section>
  );
}
