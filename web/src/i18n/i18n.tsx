import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey, type Messages } from './en.ts';
import { fillMessage, formatClock, type MessageVars } from './format.ts';
import { ru } from './ru.ts';

export const UI_LANGUAGES = ['en', 'ru'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export type { MessageKey };

const DICTIONARIES: Record<UiLanguage, Messages> = { en, ru };
export const LANGUAGE_STORAGE_KEY = 'reelforge.language';
const LANGUAGE_NAMES: Record<UiLanguage, string> = { en: 'English', ru: 'Русский' };

export type Translate = (key: MessageKey, vars?: MessageVars) => string;

export interface I18n {
  language: UiLanguage;
  setLanguage: (language: UiLanguage) => void;
  t: Translate;
  formatDate: (iso: string, withTime?: boolean) => string;
  /** A number with the language's decimal mark ("41,7" in Russian), `digits` after it. */
  formatNumber: (value: number, digits?: number) => string;
  /** A file size in KB or MB, in the language's words and decimal mark. */
  formatBytes: (bytes: number) => string;
  /** A length of time in the language's units: "45 s", "1 min 5 s" ("45 с", "1 мин 5 с"); `digits` below a minute. */
  formatDuration: (seconds: number, digits?: number) => string;
  /** A position in a recording: "1:15.4" ("1:15,4" in Russian). */
  formatClock: (seconds: number) => string;
  languageName: (language: UiLanguage) => string;
}

/** A catalogue message with its placeholders and plural blocks filled in for `language`. */
export function translate(messages: Messages, key: MessageKey, vars?: MessageVars, language: UiLanguage = 'en'): string {
  return fillMessage(messages[key], vars, language);
}

export function formatDurationIn(messages: Messages, language: UiLanguage, seconds: number, digits = 0): string {
  const format = (value: number, fraction: number) =>
    new Intl.NumberFormat(language, { minimumFractionDigits: fraction, maximumFractionDigits: fraction }).format(value);
  const rounded = Math.round(Math.max(0, seconds));
  if (rounded < 60) return translate(messages, 'unit.seconds', { value: format(Math.max(0, seconds), digits) }, language);
  const rest = rounded % 60;
  const minutes = translate(messages, 'unit.minutes', { value: format(Math.floor(rounded / 60), 0) }, language);
  return rest === 0 ? minutes : `${minutes} ${translate(messages, 'unit.seconds', { value: format(rest, 0) }, language)}`;
}

/** The stored choice, else the browser's language, else English. */
export function initialLanguage(stored: string | null, browserLanguages: readonly string[]): UiLanguage {
  if (stored === 'en' || stored === 'ru') return stored;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ru') return 'ru';
    if (base === 'en') return 'en';
  }
  return 'en';
}

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<UiLanguage>(() =>
    initialLanguage(readStoredLanguage(), navigator.languages?.length ? navigator.languages : [navigator.language]),
  );

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: UiLanguage) => {
    setLanguageState(next);
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, next);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const messages = DICTIONARIES[language];
    const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
    const dateTimeFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    const formatNumber = (value: number, digits = 1) => new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
    return {
      language,
      setLanguage,
      t: (key, vars) => translate(messages, key, vars, language),
      formatDate: (iso, withTime = false) => (withTime ? dateTimeFormat : dateFormat).format(new Date(iso)),
      formatNumber,
      formatBytes: (bytes) =>
        bytes >= 1024 * 1024
          ? translate(messages, 'unit.mb', { value: formatNumber(bytes / 1024 / 1024, 1) }, language)
          : translate(messages, 'unit.kb', { value: formatNumber(Math.max(1, Math.round(bytes / 1024)), 0) }, language),
      formatDuration: (seconds, digits) => formatDurationIn(messages, language, seconds, digits),
      formatClock: (seconds) => formatClock(seconds, language),
      languageName: (l) => LANGUAGE_NAMES[l],
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n must be used inside <I18nProvider>');
  return context;
}
