import { useState, type FormEvent } from 'react';
import { t } from '../../i18n/index';

export interface AuditFilter {
  action: string;
  actorId: string;
  ticketId: string;
  /** `datetime-local` values, in the browser's zone. */
  since: string;
  until: string;
}

export const NO_AUDIT_FILTER: AuditFilter = { action: '', actorId: '', ticketId: '', since: '', until: '' };

/** The query string of a filter and a page; a local date-time becomes the instant it names. */
export function auditQuery(filter: AuditFilter, cursor: string | null, limit = 50): string {
  const params = new URLSearchParams({ limit: String(limit) });
  for (const key of ['action', 'actorId', 'ticketId'] as const) if (filter[key].trim()) params.set(key, filter[key].trim());
  for (const key of ['since', 'until'] as const) if (filter[key]) params.set(key, new Date(filter[key]).toISOString());
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

/** The filters, applied together when the form is sent (not on every keystroke). */
export function AuditFilters({ initial, onApply }: { initial: AuditFilter; onApply: (filter: AuditFilter) => void }) {
  const [draft, setDraft] = useState(initial);
  const field = (key: keyof AuditFilter, label: string, type = 'text', placeholder?: string) => (
    <div>
      <label htmlFor={`audit-${key}`}>{label}</label>
      <input id={`audit-${key}`} type={type} value={draft[key]} placeholder={placeholder} onChange={(event) => setDraft({ ...draft, [key]: event.target.value })} />
    </div>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form className="config-filters audit-filters" onSubmit={submit} aria-label={t('adminConfig.filters')}>
      {field('action', t('adminConfig.audit.action'), 'text', 'rule.created')}
      {field('actorId', t('adminConfig.audit.actorId'))}
      {field('ticketId', t('adminConfig.audit.ticketId'))}
      {field('since', t('adminConfig.audit.since'), 'datetime-local')}
      {field('until', t('adminConfig.audit.until'), 'datetime-local')}
      <div className="config-actions">
        <button type="submit">{t('adminConfig.audit.apply')}</button>
        <button
          type="button"
          onClick={() => {
            setDraft(NO_AUDIT_FILTER);
            onApply(NO_AUDIT_FILTER);
          }}
        >
          {t('adminConfig.audit.clear')}
        </button>
      </div>
    </form>
  );
}
