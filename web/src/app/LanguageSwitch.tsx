import { UI_LANGUAGES, useI18n } from '../i18n/i18n.tsx';

export function LanguageSwitch() {
  const { language, setLanguage, languageName, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('app.language')}>
      {UI_LANGUAGES.map((l) => (
        <button key={l} type="button" lang={l} className="lang-switch__item" aria-pressed={language === l} title={languageName(l)} onClick={() => setLanguage(l)}>
          {l.toUpperCase()}
          <span className="visually-hidden"> {languageName(l)}</span>
        </button>
      ))}
    </div>
  );
}
