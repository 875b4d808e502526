import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { formatTime } from '../../i18n/format';
import { t } from '../../i18n/index';
import type { Template, TemplateVersion } from '../config-types';
import { templateKey } from './template-queries';

/** Every saved version, newest first, each with its texts behind a disclosure. */
export function TemplateVersions({ template }: { template: Template }) {
  const versions = useQuery({ queryKey: [...templateKey(template.id), 'versions', template.version], queryFn: () => api<{ items: TemplateVersion[] }>(`/templates/${template.id}/versions`) });
  return (
    <section aria-labelledby="template-versions-heading" className="template-versions">
      <h2 id="template-versions-heading">{t('adminConfig.templates.versions')}</h2>
      {versions.isError && <p role="alert">{t('error.generic', { message: versions.error.message })}</p>}
      <ol>
        {(versions.data?.items ?? []).map((version) => (
          <li key={version.version}>
            <details>
              <summary>
                {t('adminConfig.templates.versionN', { version: version.version })} · <time dateTime={version.createdAt}>{formatTime(version.createdAt)}</time>
                {version.createdBy === null && ` · ${t('adminConfig.templates.seeded')}`}
              </summary>
              {version.subject && (
                <p dir="auto">
                  <strong>{t('adminConfig.templates.subject')}:</strong> {version.subject}
                </p>
              )}
              <pre className="text-body" dir="auto">
                {version.text}
              </pre>
              {version.html !== null && (
                <pre className="text-body" dir="auto">
                  {version.html}
                </pre>
              )}
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
