import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { t } from '../../i18n/index';
import { problemsOf, type Template } from '../config-types';
import { FieldProblems } from './field-problems';
import { TemplatePreviewPanel } from './template-preview';
import { TEMPLATES_KEY } from './template-queries';

const PARTS = ['subject', 'text', 'html'] as const;
type Part = (typeof PARTS)[number];

/** The texts as the API takes them: an empty HTML part is none (the mail's HTML is made from the text). */
export function draftOf(subject: string, text: string, html: string): { subject: string; text: string; html: string | null } {
  return { subject, text, html: html.trim() === '' ? null : html };
}

/**
 * The three parts of a template as plain text (handlebars), saved as a new version. The API checks
 * every variable, helper and partial; its refusal names the part, line and name, and is shown
 * under that part's field.
 */
export function TemplateEditor({ template }: { template: Template }) {
  const client = useQueryClient();
  const [subject, setSubject] = useState(template.subject);
  const [text, setText] = useState(template.text);
  const [html, setHtml] = useState(template.html ?? '');
  const [saved, setSaved] = useState<number | null>(null);
  const save = useMutation({
    mutationFn: () => api<Template>(`/templates/${template.id}`, 'PUT', draftOf(subject, text, html)),
    onSuccess: async (after) => {
      setSaved(after.version);
      await client.invalidateQueries({ queryKey: TEMPLATES_KEY });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    save.mutate();
  };
  const faulty = new Set(problemsOf(save.error).fields.map(([field]) => field));
  const partField = (part: Part, label: string, value: string, onChange: (value: string) => void, rows: number) => {
    const id = `template-${part}`;
    const invalid = save.isError && faulty.has(part);
    return (
      <>
        <label htmlFor={id}>{label}</label>
        {part === 'subject' ? (
          <input id={id} dir="auto" value={value} onChange={(event) => onChange(event.target.value)} aria-invalid={invalid} aria-describedby={invalid ? `${id}-problems` : undefined} />
        ) : (
          <textarea id={id} dir="auto" rows={rows} value={value} spellCheck={false} onChange={(event) => onChange(event.target.value)} aria-invalid={invalid} aria-describedby={invalid ? `${id}-problems` : undefined} />
        )}
        <FieldProblems error={save.error} only={[part]} id={`${id}-problems`} />
      </>
    );
  };
  return (
    <div className="template-work">
      <form className="config-form template-editor" onSubmit={submit} aria-label={t('adminConfig.templates.editor')}>
        {template.kind !== 'partial' && partField('subject', t('adminConfig.templates.subject'), subject, setSubject, 1)}
        {partField('text', t('adminConfig.templates.text'), text, setText, 12)}
        {template.kind !== 'partial' && partField('html', t('adminConfig.templates.html'), html, setHtml, 8)}
        {template.kind !== 'partial' && <span className="hint">{t('adminConfig.templates.htmlHint')}</span>}
        <FieldProblems error={save.error} except={PARTS} />
        <div className="config-actions">
          <button type="submit" disabled={save.isPending}>
            {t('adminConfig.templates.save')}
          </button>
          <span role="status">{saved !== null && t('adminConfig.templates.saved', { version: saved })}</span>
        </div>
      </form>
      <TemplatePreviewPanel templateId={template.id} draft={draftOf(subject, text, template.kind === 'partial' ? '' : html)} />
    </div>
  );
}
