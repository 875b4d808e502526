import { t } from '../i18n/index';

// Scaffold only: the page is built in its own change.
export function MailboxesPage() {
  return <h1>{t('admin.nav.mailboxes')}</h1>;
}
