import { t } from '../i18n/index';

// Scaffold only: the page is built in its own change.
export function AuditPage() {
  return <h1>{t('admin.nav.audit')}</h1>;
}
