import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { t } from '../../i18n/index';
import type { Template } from '../config-types';
import { DeleteTemplate } from './delete-template';
import { TemplateEditor } from './template-editor';
import { templateKey, useQueues } from './template-queries';
import { TemplateVersions } from './template-versions';

/** One template: what it is (key, locale, kind, queue), its editor with a preview, and its versions. */
export function TemplateDetail() {
  const { id = '' } = useParams();
  const template = useQuery({ queryKey: templateKey(id), queryFn: () => api<Template>(`/templates/${id}`) });
  const queues = useQueues();
  if (template.isPending) return <p className="loading">{t('loading')}</p>;
  if (template.isError) return <p role="alert">{t('error.generic', { message: template.error.message })}</p>;
  const { data } = template;
  return (
    <div className="admin-config">
      <p>
        <Link to="/admin/templates">{t('adminConfig.templates.back')}</Link>
      </p>
      <h1>{t('adminConfig.templates.editHeading', { key: data.key, locale: data.locale })}</h1>
      <p className="meta">
        {t(`adminConfig.kind.${data.kind}`)} · {data.queueId ? queues.nameOf(data.queueId) : t('adminConfig.templates.global')} · {t('adminConfig.templates.versionN', { version: data.version })}
      </p>
      {/* Keyed by template: another template starts a fresh form; a save keeps what was typed (it is what was stored). */}
      <TemplateEditor key={data.id} template={data} />
      <TemplateVersions template={data} />
      <DeleteTemplate template={data} />
    </div>
  );
}
