import { Navigate, NavLink, Route, Routes } from 'react-router';
import { t } from '../i18n/index';
import { useSession } from '../session';
import { adminSectionsFor } from './admin-sections';
import { AuditPage } from './audit-page';
import { MailboxesPage } from './mailboxes-page';
import { QueuesPage } from './queues-page';
import { RulesPage } from './rules-page';
import { TemplatesPage } from './templates-page';
import { UsersPage } from './users-page';

const PAGES: Record<string, () => React.JSX.Element> = {
  users: UsersPage,
  queues: QueuesPage,
  mailboxes: MailboxesPage,
  templates: TemplatesPage,
  rules: RulesPage,
  audit: AuditPage,
};

/** /admin/*: the sections the caller's role may use, each its own page. */
export function AdminPage() {
  const { me } = useSession();
  const sections = adminSectionsFor(me?.capabilities ?? []);
  if (sections.length === 0) return <Navigate to="/mine" replace />;
  return (
    <div className="admin">
      <nav aria-label={t('admin.nav')} className="admin-nav">
        <ul>
          {sections.map((section) => (
            <li key={section.path}>
              <NavLink to={`/admin/${section.path}`}>{t(section.label)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        {sections.map((section) => {
          const Page = PAGES[section.path];
          return <Route key={section.path} path={`${section.path}/*`} element={<Page />} />;
        })}
        <Route path="*" element={<Navigate to={`/admin/${sections[0].path}`} replace />} />
      </Routes>
    </div>
  );
}
