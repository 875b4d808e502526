import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { EmailFrame } from '../../email-frame';
import { t } from '../../i18n/index';
import type { TemplatePreview } from '../config-types';
import { FieldProblems } from './field-problems';

/** What the preview sends: the unsaved texts, and a ticket to render for or values laid over the sample ticket. */
export function previewRequest(draft: object, ticketId: string, sample: string): object {
  if (ticketId.trim()) return { ...draft, ticketId: ticketId.trim() };
  if (!sample.trim()) return { ...draft, sample: {} };
  // Unparseable JSON goes as it is: the API's 400 names the sample.
  let values: unknown = sample;
  try {
    values = JSON.parse(sample);
  } catch {
    /* refused by the API, with its reason */
  }
  return { ...draft, sample: values };
}

/**
 * The template as it would be sent, from the texts in the editor (saved or not): for a sample
 * ticket, optionally with values of your own, or for a real ticket you may read. The HTML part
 * only ever appears inside the sandboxed email frame.
 */
export function TemplatePreviewPanel({ templateId, draft }: { templateId: string; draft: { subject: string; text: string; html: string | null } }) {
  const [ticketId, setTicketId] = useState('');
  const [sample, setSample] = useState('');
  const preview = useMutation({ mutationFn: () => api<TemplatePreview>(`/templates/${templateId}/preview`, 'POST', previewRequest(draft, ticketId, sample)) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    preview.mutate();
  };
  const result = preview.data;
  return (
    <section aria-labelledby="template-preview-heading" className="template-preview">
      <h2 id="template-preview-heading">{t('adminConfig.preview.heading')}</h2>
      <form className="config-form" onSubmit={submit}>
        <label htmlFor="preview-ticket">{t('adminConfig.preview.ticketId')}</label>
        <input id="preview-ticket" value={ticketId} onChange={(event) => setTicketId(event.target.value)} aria-describedby="preview-ticket-hint" />
        <span id="preview-ticket-hint" className="hint">
          {t('adminConfig.preview.ticketHint')}
        </span>
        <label htmlFor="preview-sample">{t('adminConfig.preview.sample')}</label>
        <textarea id="preview-sample" dir="ltr" rows={3} value={sample} spellCheck={false} disabled={ticketId.trim() !== ''} placeholder='{"requester": {"name": "Ana"}}' onChange={(event) => setSample(event.target.value)} />
        <button type="submit" disabled={preview.isPending}>
          {t('adminConfig.preview.run')}
        </button>
      </form>
      <FieldProblems error={preview.error} />
      {result && !preview.isError && (
        <div className="preview-result" aria-label={t('adminConfig.preview.result')} role="region">
          <p dir="auto">
            <strong>{t('adminConfig.templates.subject')}:</strong> {result.subject}
          </p>
          <pre className="text-body preview-text" dir="auto" lang={result.locale}>
            {result.text}
          </pre>
          <EmailFrame html={result.html} from={t('adminConfig.preview.frameFrom')} />
          {result.missing.length > 0 && <p className="warning">{t('adminConfig.preview.missing', { names: result.missing.join(', ') })}</p>}
        </div>
      )}
    </section>
  );
}
