import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { RegisterForm } from '../../features/auth/components/RegisterForm.tsx';
import { useMe } from '../../features/auth/hooks/useAuth.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../lib/paths.ts';
import { returnPath } from '../return-path.ts';
import { AuthPage } from './AuthPage.tsx';

export function RegisterPage() {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const target = returnPath(location.state);

  if (me.data) return <Navigate to={target} replace />;
  return (
    <AuthPage
      title={t('auth.register.title')}
      footer={
        <>
          {t('auth.register.haveAccount')}{' '}
          <Link to={paths.login} state={location.state}>
            {t('auth.register.toLogin')}
          </Link>
        </>
      }
    >
      <RegisterForm onRegistered={() => navigate(target, { replace: true })} />
    </AuthPage>
  );
}
