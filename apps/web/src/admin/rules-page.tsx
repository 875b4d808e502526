import { t } from '../i18n/index';

// Scaffold only: the page is built in its own change.
export function RulesPage() {
  return <h1>{t('admin.nav.rules')}</h1>;
}
