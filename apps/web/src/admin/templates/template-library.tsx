import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { formatTime } from '../../i18n/format';
import { t } from '../../i18n/index';
import { TEMPLATE_KINDS, TEMPLATE_LOCALES, type Template } from '../config-types';
import { NewTemplateForm } from './new-template-form';
import { TEMPLATES_KEY, useQueues } from './template-queries';

const ANY = '';

/**
 * The template library: locale and kind filter on the server, the key as you type (the API's key
 * filter is exact, a part of a key would be refused), each row opening the template's editor.
 */
export function TemplateLibrary() {
  const [key, setKey] = useState('');
  const [locale, setLocale] = useState(ANY);
  const [kind, setKind] = useState(ANY);
  const params = new URLSearchParams({ ...(locale ? { locale } : {}), ...(kind ? { kind } : {}) }).toString();
  const templates = useQuery({ queryKey: [...TEMPLATES_KEY, 'list', params], queryFn: () => api<{ items: Template[] }>(`/templates${params ? `?${params}` : ''}`) });
  const queues = useQueues();
  const needle = key.trim().toLowerCase();
  const shown = (templates.data?.items ?? []).filter((template) => template.key.includes(needle));
  return (
    <div className="admin-config">
      <h1>{t('adminConfig.templates.heading')}</h1>
      <div className="config-filters" role="group" aria-label={t('adminConfig.filters')}>
        <label htmlFor="template-filter-key">{t('adminConfig.templates.key')}</label>
        <input id="template-filter-key" value={key} onChange={(event) => setKey(event.target.value)} />
        <label htmlFor="template-filter-locale">{t('adminConfig.templates.locale')}</label>
        <select id="template-filter-locale" value={locale} onChange={(event) => setLocale(event.target.value)}>
          <option value={ANY}>{t('adminConfig.any')}</option>
          {TEMPLATE_LOCALES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
        <label htmlFor="template-filter-kind">{t('adminConfig.templates.kind')}</label>
        <select id="template-filter-kind" value={kind} onChange={(event) => setKind(event.target.value)}>
          <option value={ANY}>{t('adminConfig.any')}</option>
          {TEMPLATE_KINDS.map((value) => (
            <option key={value} value={value}>
              {t(`adminConfig.kind.${value}`)}
            </option>
          ))}
        </select>
      </div>
      {templates.isError && <p role="alert">{t('error.generic', { message: templates.error.message })}</p>}
      {templates.isSuccess && shown.length === 0 ? (
        <p className="hint">{t('adminConfig.templates.none')}</p>
      ) : (
        <table className="config-table">
          <caption className="visually-hidden">{t('adminConfig.templates.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('adminConfig.templates.key')}</th>
              <th scope="col">{t('adminConfig.templates.locale')}</th>
              <th scope="col">{t('adminConfig.templates.kind')}</th>
              <th scope="col">{t('adminConfig.templates.queue')}</th>
              <th scope="col">{t('adminConfig.templates.version')}</th>
              <th scope="col">{t('adminConfig.templates.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((template) => (
              <tr key={template.id}>
                <td>
                  <Link to={template.id}>
                    {template.key}
                    <span className="visually-hidden"> ({template.locale}{template.queueId ? `, ${queues.nameOf(template.queueId)}` : ''})</span>
                  </Link>
                </td>
                <td>{template.locale}</td>
                <td>{t(`adminConfig.kind.${template.kind}`)}</td>
                <td>{template.queueId ? queues.nameOf(template.queueId) : t('adminConfig.templates.global')}</td>
                <td>{template.version}</td>
                <td>
                  <time dateTime={template.updatedAt}>{formatTime(template.updatedAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewTemplateForm />
    </div>
  );
}
