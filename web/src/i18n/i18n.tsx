import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey, type Messages } from './en.ts';
import { ru } from './ru.ts';

export const UI_LANGUAGES = ['en', 'ru'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export type { MessageKey };

const DICTIONARIES: Record<UiLanguage, Messages> = { en, ru };
export const LANGUAGE_STORAGE_KEY = 'reelforge.language';
const LANGUAGE_NAMES: Record<UiLanguage, string> = { en: 'English', ru: 'Русский' };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export interface I18n {
  language: UiLanguage;
  setLanguage: (language: UiLanguage) => void;
  t: Translate;
  formatDate: (iso: string, withTime?: boolean) => string;
  /** A number with the language's decimal mark ("41,7" in Russian), `digits` after it. */
  formatNumber: (value: number, digits?: number) => string;
  /** A file size in KB or MB, in the language's words and decimal mark. */
  formatBytes: (bytes: number) => string;
  languageName: (language: UiLanguage) => string;
}

export function translate(messages: Messages, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = messages[key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
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
      t: (key, vars) => translate(messages, key, vars),
      formatDate: (iso, withTime = false) => (withTime ? dateTimeFormat : dateFormat).format(new Date(iso)),
      formatNumber,
      formatBytes: (bytes) =>
        bytes >= 1024 * 1024
          ? translate(messages, 'unit.mb', { value: formatNumber(bytes / 1024 / 1024, 1) })
          : translate(messages, 'unit.kb', { value: formatNumber(Math.max(1, Math.round(bytes / 1024)), 0) }),
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
