import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { Button } from '../components/ui/Button.tsx';
import { useLogout, useMe } from '../features/auth/hooks/useAuth.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { paths } from '../lib/paths.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function AppLayout() {
  const { t } = useI18n();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  // Leave the current page first, so the login page does not offer to return to it afterwards.
  const signOut = () => {
    void navigate(paths.home, { replace: true });
    logout.mutate();
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Link to={paths.home} className="brand">
          <span className="brand__mark" aria-hidden="true">▶</span>
          {t('app.name')}
        </Link>
        <nav className="topbar__nav" aria-label={t('nav.main')}>
          <NavLink to={paths.home} end className="topbar__link">
            {t('nav.projects')}
          </NavLink>
          <NavLink to={paths.news} className="topbar__link">
            {t('nav.news')}
          </NavLink>
          <NavLink to={paths.library} className="topbar__link">
            {t('nav.library')}
          </NavLink>
          <NavLink to={paths.performance} className="topbar__link">
            {t('nav.performance')}
          </NavLink>
          <NavLink to={paths.factory} className="topbar__link">
            {t('nav.factory')}
          </NavLink>
          <NavLink to={paths.deleted} className="topbar__link">
            {t('nav.deleted')}
          </NavLink>
          <NavLink to={paths.providers} className="topbar__link">
            {t('nav.providers')}
          </NavLink>
          {/* The server's page, outside the app's router. */}
          <a href={paths.apiDocs} className="topbar__link" target="_blank" rel="noreferrer">
            {t('nav.apiDocs')}
          </a>
        </nav>
        <div className="topbar__end">
          <LanguageSwitch />
          {me.data && (
            <span className="topbar__user" title={t('nav.signedInAs', { email: me.data.email })}>
              {me.data.name ?? me.data.email}
            </span>
          )}
          <Button small variant="ghost" onClick={signOut} busy={logout.isPending}>
            {t('nav.signOut')}
          </Button>
        </div>
      </header>
      <main id="main" className="page">
        <Outlet />
      </main>
    </div>
  );
}
