import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { t } from '../../i18n/index';
import { TEMPLATE_KINDS, TEMPLATE_LOCALES, type Template, type TemplateKind } from '../config-types';
import { FieldProblems } from './field-problems';
import { TEMPLATES_KEY, useQueues } from './template-queries';

const GLOBAL = '';

/** A new template: key × locale, global or one queue's override; its first version's text is checked like any save. */
export function NewTemplateForm() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const queues = useQueues();
  const [key, setKey] = useState('');
  const [locale, setLocale] = useState<string>('en');
  const [kind, setKind] = useState<TemplateKind>('message');
  const [queueId, setQueueId] = useState(GLOBAL);
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const create = useMutation({
    mutationFn: () => api<Template>('/templates', 'POST', { key: key.trim(), locale, kind, queueId: queueId || null, subject, text }),
    onSuccess: async (template) => {
      await client.invalidateQueries({ queryKey: TEMPLATES_KEY });
      void navigate(`/admin/templates/${template.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <section aria-labelledby="new-template-heading" className="config-form">
      <h2 id="new-template-heading">{t('adminConfig.templates.new')}</h2>
      <form onSubmit={submit}>
        <label htmlFor="new-template-key">{t('adminConfig.templates.key')}</label>
        <input id="new-template-key" value={key} required onChange={(event) => setKey(event.target.value)} aria-describedby="new-template-key-hint" />
        <span id="new-template-key-hint" className="hint">
          {t('adminConfig.templates.keyHint')}
        </span>
        <label htmlFor="new-template-locale">{t('adminConfig.templates.locale')}</label>
        <select id="new-template-locale" value={locale} onChange={(event) => setLocale(event.target.value)}>
          {TEMPLATE_LOCALES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
        <label htmlFor="new-template-kind">{t('adminConfig.templates.kind')}</label>
        <select id="new-template-kind" value={kind} onChange={(event) => setKind(event.target.value as TemplateKind)}>
          {TEMPLATE_KINDS.map((value) => (
            <option key={value} value={value}>
              {t(`adminConfig.kind.${value}`)}
            </option>
          ))}
        </select>
        <label htmlFor="new-template-queue">{t('adminConfig.templates.queue')}</label>
        <select id="new-template-queue" value={queueId} onChange={(event) => setQueueId(event.target.value)}>
          <option value={GLOBAL}>{t('adminConfig.templates.global')}</option>
          {queues.items.map((queue) => (
            <option key={queue.id} value={queue.id}>
              {queue.name}
            </option>
          ))}
        </select>
        <label htmlFor="new-template-subject">{t('adminConfig.templates.subject')}</label>
        <input id="new-template-subject" dir="auto" value={subject} onChange={(event) => setSubject(event.target.value)} />
        <label htmlFor="new-template-text">{t('adminConfig.templates.text')}</label>
        <textarea id="new-template-text" dir="auto" rows={5} value={text} required onChange={(event) => setText(event.target.value)} />
        <FieldProblems error={create.error} />
        <button type="submit" disabled={create.isPending}>
          {t('adminConfig.templates.create')}
        </button>
      </form>
    </section>
  );
}
