import { lazy, Suspense } from 'react';
import { Link, Navigate, Route, Routes } from 'react-router';
import { adminSectionsFor } from './admin/admin-sections';
import { setLocale, t } from './i18n/index';
import { OpsPage } from './ops-page';
import { QueueNav } from './queue-nav';
import { SearchBox, SearchPage } from './search';
import { MY_LIST_PATH, QUEUE_LIST_PATH } from './list-routes';
import { useLiveUpdates } from './live-updates';
import { useSession } from './session';
import { SignIn } from './sign-in';
import { TicketList } from './ticket-list';
import { TicketView } from './ticket-view';

// Pages most shifts never open load on first use: the first page's JavaScript stays small.
const AdminPage = lazy(() => import('./admin/admin-page').then((module) => ({ default: module.AdminPage })));
const ProfilePage = lazy(() => import('./profile-page').then((module) => ({ default: module.ProfilePage })));

export function App() {
  const { me, loading, signOut } = useSession();
  useLiveUpdates(me !== null);
  // Before any child renders: every string and date below is in the user's locale and zone.
  setLocale(me?.locale ?? navigator.language, me?.timeZone);
  if (loading) return <p className="loading">{t('loading')}</p>;
  if (!me) return <SignIn />;
  return (
    <div className="shell">
      <header className="top">
        <span className="brand">{t('app.title')}</span>
        <SearchBox />
        {adminSectionsFor(me.capabilities).length > 0 && <Link to="/admin">{t('admin.nav')}</Link>}
        <Link to="/profile" className="who" aria-label={`${t('profile.link')}: ${me.email}`}>
          {me.email}
        </Link>
        <button type="button" onClick={() => void signOut()}>
          {t('signOut')}
        </button>
      </header>
      <QueueNav />
      <main className="content">
        <Suspense fallback={<p>{t('loading')}</p>}>
          <Routes>
            <Route path={QUEUE_LIST_PATH} element={<TicketList />} />
            <Route path={MY_LIST_PATH} element={<TicketList mine />} />
            <Route path="/ops" element={<OpsPage />} />
            <Route path="/search" element={<SearchPage />} />
            <Route path="/tickets/:id" element={<TicketView />} />
            <Route path="/admin/*" element={<AdminPage />} />
            <Route path="/profile" element={<ProfilePage />} />
            <Route path="*" element={<Navigate to={MY_LIST_PATH} replace />} />
          </Routes>
        </Suspense>
      </main>
    </div>
  );
}
