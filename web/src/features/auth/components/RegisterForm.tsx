import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { fieldErrors } from '../../../lib/error-text.ts';
import { isApiError } from '../../../lib/http.ts';
import { useRegister } from '../hooks/useAuth.ts';

export function RegisterForm({ onRegistered }: { onRegistered: () => void }) {
  const { t, language } = useI18n();
  const registerMutation = useRegister();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = fieldErrors(registerMutation.error, t, language);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmedName = name.trim();
    registerMutation.mutate({ email, password, ...(trimmedName ? { name: trimmedName } : {}) }, { onSuccess: onRegistered });
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      {isApiError(registerMutation.error, 401) ? (
        <Notice tone="danger">{t('auth.register.notCreated')}</Notice>
      ) : (
        registerMutation.isError && Object.keys(errors).length === 0 && <ErrorNotice error={registerMutation.error} />
      )}
      <TextField label={t('auth.field.name')} name="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
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
        autoComplete="new-password"
        required
        minLength={8}
        hint={t('auth.field.passwordHint')}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
      />
      <Button type="submit" variant="primary" busy={registerMutation.isPending}>
        {t('auth.register.submit')}
      </Button>
    </form>
  );
}
