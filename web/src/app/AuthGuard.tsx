import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorNotice } from '../components/ui/ErrorNotice.tsx';
import { Loading } from '../components/ui/Loading.tsx';
import { useMe } from '../features/auth/hooks/useAuth.ts';
import { paths } from '../lib/paths.ts';
import type { LoginRedirectState } from './return-path.ts';

/** Pages behind it need a session; without one (or when a request answers 401) the login page is shown. */
export function AuthGuard() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const state: LoginRedirectState = { from: location.pathname + location.search };
    return <Navigate to={paths.login} replace state={state} />;
  }
  return <Outlet />;
}
