import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { LanguageSwitch } from '../LanguageSwitch.tsx';

/** The frame of the sign-in and registration pages. */
export function AuthPage({ title, children, footer }: { title: string; children: ReactNode; footer: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="auth">
      <div className="auth__top">
        <LanguageSwitch />
      </div>
      <main className="auth__card card" id="main">
        <p className="brand brand--large">
          <span className="brand__mark" aria-hidden="true">▶</span>
          {t('app.name')}
        </p>
        <p className="muted auth__tagline">{t('app.tagline')}</p>
        <h1 className="auth__title">{title}</h1>
        {children}
        <p className="auth__footer">{footer}</p>
      </main>
    </div>
  );
}
