import { useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { Notice } from '../../components/ui/Notice.tsx';
import { LoginForm } from '../../features/auth/components/LoginForm.tsx';
import { useMe } from '../../features/auth/hooks/useAuth.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../lib/paths.ts';
import { queryKeys } from '../../lib/query-keys.ts';
import { returnPath } from '../return-path.ts';
import { AuthPage } from './AuthPage.tsx';

export function LoginPage() {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const expired = useQueryClient().getQueryData<boolean>(queryKeys.sessionExpired);
  const target = returnPath(location.state);

  if (me.data) return <Navigate to={target} replace />;
  return (
    <AuthPage
      title={t('auth.login.title')}
      footer={
        <>
          {t('auth.login.noAccount')}{' '}
          <Link to={paths.register} state={location.state}>
            {t('auth.login.toRegister')}
          </Link>
        </>
      }
    >
      {expired && <Notice tone="info">{t('auth.sessionExpired')}</Notice>}
      <LoginForm onSignedIn={() => navigate(target, { replace: true })} />
    </AuthPage>
  );
}
