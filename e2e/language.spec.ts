import { expect, test } from '@playwright/test';
import { createProject, openAdvanced, registerNewUser } from './support/app.ts';

test('the interface switches to Russian and back, and remembers the choice', async ({ page }) => {
  await registerNewUser(page);
  await createProject(page, 'Bilingual');

  await page.getByRole('button', { name: /RU/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Источник$/ })).toBeVisible();
  await openAdvanced(page);
  await expect(page.getByRole('button', { name: /^Дальше, к этапу 2/ })).toBeVisible();
  await expect(page.getByTestId('stage-link-2')).toContainText('Закрыт');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');

  await page.reload();
  await expect(page.getByRole('link', { name: 'Все проекты' })).toBeVisible();
  await page.getByRole('link', { name: 'Все проекты' }).click();
  await expect(page.getByRole('heading', { name: 'Ваши проекты' })).toBeVisible();
  await expect(page.getByTestId('project-card')).toContainText('Этап 1 из 8: Источник');

  await page.getByRole('button', { name: /EN/ }).click();
  await expect(page.getByRole('heading', { name: 'Your projects' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test.describe('with a Russian browser', () => {
  test.use({ locale: 'ru-RU' });

  test('the first visit is in Russian', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible();
    await expect(page.getByLabel('Электронная почта')).toBeVisible();
  });
});
