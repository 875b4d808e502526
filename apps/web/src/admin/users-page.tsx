import { t } from '../i18n/index';

// Scaffold only: the page is built in its own change.
export function UsersPage() {
  return <h1>{t('admin.nav.users')}</h1>;
}
