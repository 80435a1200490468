import { saveLanguage } from '../features/auth/api/auth.ts';
import { useMe } from '../features/auth/hooks/useAuth.ts';
import { UI_LANGUAGES, useI18n, type UiLanguage } from '../i18n/i18n.tsx';

export function LanguageSwitch() {
  const { language, setLanguage, languageName, t } = useI18n();
  const signedIn = Boolean(useMe().data);
  const choose = (next: UiLanguage) => {
    setLanguage(next);
    // Best effort: the screen changes at once; the account remembers it for the next sign-in.
    if (signedIn) void saveLanguage(next).catch(() => undefined);
  };
  return (
    <div className="lang-switch" role="group" aria-label={t('app.language')}>
      {UI_LANGUAGES.map((l) => (
        <button key={l} type="button" lang={l} className="lang-switch__item" aria-pressed={language === l} title={languageName(l)} onClick={() => choose(l)}>
          {l.toUpperCase()}
          <span className="visually-hidden"> {languageName(l)}</span>
        </button>
      ))}
    </div>
  );
}
