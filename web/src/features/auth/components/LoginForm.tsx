import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { fieldErrors } from '../../../lib/error-text.ts';
import { useLogin } from '../hooks/useAuth.ts';

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t, language } = useI18n();
  const loginMutation = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = fieldErrors(loginMutation.error, t, language);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    loginMutation.mutate({ email, password }, { onSuccess: onSignedIn });
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      {loginMutation.isError && Object.keys(errors).length === 0 && <ErrorNotice error={loginMutation.error} />}
      <TextField
        label={t('auth.field.email')}
        type="email"
        name="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.email}
      />
      <TextField
        label={t('auth.field.password')}
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
      />
      <Button type="submit" variant="primary" busy={loginMutation.isPending}>
        {t('auth.login.submit')}
      </Button>
    </form>
  );
}
