import { expect, test } from '@playwright/test';
import { MAX_SOURCE_TEXT_CHARS } from '../contracts/text-limits.ts';
import { en } from '../web/src/i18n/en.ts';
import { ru } from '../web/src/i18n/ru.ts';
import { createProject, registerNewUser } from './support/app.ts';
import { expectNoEnglishInterface } from './support/russian-screen.ts';

const TEXT = {
  en: 'The moon pulls the sea towards it, twice a day. ',
  ru: 'Луна тянет море к себе дважды в день. ',
};

for (const language of ['en', 'ru'] as const) {
  test(`the pasted text shows its length against the limit, and warns once it is over (${language})`, async ({ page }) => {
    const t = language === 'en' ? en : ru;
    await registerNewUser(page);
    await createProject(page, language === 'ru' ? 'Приливы' : 'Tides');
    if (language === 'ru') await page.getByRole('button', { name: /RU/ }).click();
    await page.getByRole('button', { name: t['source.kind.text'] }).click();
    const box = page.getByLabel(t['source.text'], { exact: true });
    const counter = page.getByTestId('text-counter');

    await box.fill(TEXT[language].repeat(3).trim());
    const limit = language === 'ru' ? '200\u00a0000' : '200,000';
    // Three sentences: the server's word count arrives with its reading of the text.
    await expect(counter).toHaveText(language === 'ru' ? new RegExp(`^113 символов из ${limit} · \\d+ слов[оа]?$`) : new RegExp(`^143 characters of ${limit} · \\d+ words$`));
    await expect(counter).not.toHaveAttribute('role', 'alert');

    await box.fill('a'.repeat(MAX_SOURCE_TEXT_CHARS + 5));
    await expect(counter).toHaveAttribute('role', 'alert');
    await expect(counter).toContainText(language === 'ru' ? 'Сократите на 5 символов' : 'Cut 5 characters');
    if (language === 'ru') await expectNoEnglishInterface(page);
  });
}
