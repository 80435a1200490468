import { expect, type Page } from '@playwright/test';
import { en, type MessageKey } from '../../web/src/i18n/en.ts';
import { fillMessage, type MessageVars } from '../../web/src/i18n/format.ts';
import { ru } from '../../web/src/i18n/ru.ts';

export type UiLanguage = 'en' | 'ru';

/** The interface text of a catalogue key in a language, as the app shows it: tests find controls by it. */
export const uiText = (language: UiLanguage) => (key: MessageKey, vars?: MessageVars) => fillMessage((language === 'ru' ? ru : en)[key], vars, language);

let counter = 0;

/** A fresh account registered through the form in the page's language (the browser's locale picks it). */
export async function registerIn(page: Page, language: UiLanguage) {
  const t = uiText(language);
  const email = `author-${language}-${Date.now()}-${process.pid}-${counter++}@example.com`;
  const password = 'correct horse battery staple';
  await page.goto('/register');
  await page.getByLabel(t('auth.field.name')).fill(language === 'ru' ? 'Автор' : 'Test Author');
  await page.getByLabel(t('auth.field.email')).fill(email);
  await page.getByLabel(t('auth.field.password')).fill(password);
  await page.getByRole('button', { name: t('auth.register.submit') }).click();
  await expect(page.getByRole('heading', { name: t('projects.title') })).toBeVisible();
  return { email, password };
}

/** Signs in through the form in the page's language; the app then speaks the account's language. */
export async function signInIn(page: Page, language: UiLanguage, account: { email: string; password: string }, accountLanguage = language) {
  const t = uiText(language);
  await page.goto('/login');
  await page.getByLabel(t('auth.field.email')).fill(account.email);
  await page.getByLabel(t('auth.field.password')).fill(account.password);
  await page.getByRole('button', { name: t('auth.login.submit') }).click();
  await expect(page.getByRole('heading', { name: uiText(accountLanguage)('projects.title') })).toBeVisible();
}
