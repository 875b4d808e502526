import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { currentLocale, t } from '../i18n/index';
import type { TemplatePreview, TemplateSelection, TemplateSummary } from './composer-types';
import { fillBody, textWithBodyMark } from './template-choice';
import type { TemplateChoice } from './use-templates';

/** "Spanish (es)" in the UI's language; the bare code where Intl has no name for it. */
export function languageName(locale: string): string {
  try {
    const name = new Intl.DisplayNames([currentLocale()], { type: 'language' }).of(locale);
    return name && name !== locale ? `${name} (${locale})` : locale;
  } catch {
    return locale;
  }
}

interface TemplatePickerProps {
  ticketId: string;
  choice: TemplateChoice;
  selection: TemplateSelection | null;
  onSelect: (selection: TemplateSelection | null) => void;
  /** The Reply text, laid into the preview where the template's `{{body}}` stands. */
  reply: string;
  onInsert: (text: string) => void;
}

/** Which template (and language) the reply goes out in, or a snippet to insert; with the preview of the chosen one for this ticket. */
export function TemplatePicker({ ticketId, choice, selection, onSelect, reply, onInsert }: TemplatePickerProps) {
  const messages = choice.keys.filter((entry) => entry.kind === 'message');
  const snippets = choice.keys.filter((entry) => entry.kind === 'snippet');
  return (
    <div className="template-picker">
      <div className="template-fields">
        <div>
          <label htmlFor="template">{t('composer.template')}</label>
          <select id="template" value={selection?.key ?? ''} disabled={choice.isPending} onChange={(event) => onSelect(event.target.value ? { key: event.target.value, locale: '' } : null)}>
            <option value="">{t('composer.templateNone')}</option>
            {messages.length > 0 && (
              <optgroup label={t('composer.templateMessages')}>
                {messages.map(({ key }) => (
                  <option key={key} value={key}>
                    {key}
                  </option>
                ))}
              </optgroup>
            )}
            {snippets.length > 0 && (
              <optgroup label={t('composer.templateSnippets')}>
                {snippets.map(({ key }) => (
                  <option key={key} value={key}>
                    {key}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
        {selection && (
          <div>
            <label htmlFor="template-locale">{t('composer.templateLocale')}</label>
            <select id="template-locale" value={selection.locale} onChange={(event) => onSelect({ ...selection, locale: event.target.value })}>
              <option value="">{t('composer.templateLocaleAuto')}</option>
              {choice.locales.map((locale) => (
                <option key={locale} value={locale}>
                  {languageName(locale)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {choice.error && <p role="alert">{t('composer.templatesFailed', { message: choice.error.message })}</p>}
      {choice.chosen && <TemplatePreviewPanel ticketId={ticketId} template={choice.chosen} reply={reply} onInsert={onInsert} />}
    </div>
  );
}

/**
 * The chosen version rendered by the API for this ticket, as text (never HTML here). For a
 * template that wraps the reply, its text is previewed with a mark where `{{body}}` stands, and
 * the Reply text is laid in there as it is typed: one request per template, not per keystroke.
 */
function TemplatePreviewPanel({ ticketId, template, reply, onInsert }: { ticketId: string; template: TemplateSummary; reply: string; onInsert: (text: string) => void }) {
  const marked = template.kind === 'message' ? textWithBodyMark(template) : undefined;
  const preview = useQuery({
    queryKey: ['template-preview', template.id, template.version, ticketId, marked !== undefined],
    queryFn: () => api<TemplatePreview>(`/templates/${template.id}/preview`, 'POST', { ticketId, ...(marked !== undefined ? { text: marked } : {}) }),
    staleTime: 60_000,
  });
  const missing = (preview.data?.missing ?? []).filter((name) => name !== 'body');
  return (
    <section className="template-preview" aria-label={t('composer.preview')} aria-busy={preview.isPending}>
      {preview.isPending && <p className="hint">{t('composer.previewLoading')}</p>}
      {preview.isError && <p role="alert">{t('composer.previewFailed', { message: preview.error.message })}</p>}
      {preview.data && (
        <>
          <p className="hint">{t('composer.previewLocale', { language: languageName(preview.data.locale) })}</p>
          {preview.data.subject && (
            <p className="preview-subject">
              <span className="hint">{t('composer.previewSubject')}</span>{' '}
              <span lang={preview.data.locale} dir="auto">
                {preview.data.subject}
              </span>
            </p>
          )}
          <div className="preview-text" lang={preview.data.locale} dir="auto">
            {fillBody(preview.data.text, reply.trim() === '' ? t('composer.previewBodyHere') : reply)}
          </div>
          {missing.length > 0 && <p className="warning">{t('composer.previewMissing', { names: missing.join(', ') })}</p>}
          {template.kind === 'snippet' && (
            <button type="button" onClick={() => onInsert(preview.data.text.trim())}>
              {t('composer.insertSnippet')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
