import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { type NewsSite, startNewsSite } from '../server/modules/news/testing/news-site.ts';
import { createProject, registerNewUser, stageLink } from './support/app.ts';
import { expectNoEnglishInterface } from './support/russian-screen.ts';

let site: NewsSite;
test.beforeAll(async () => {
  site = await startNewsSite({ port: Number(process.env.E2E_NEWS_PORT) });
});
test.afterAll(async () => {
  await site.close();
});

/** Counts the clicks the author makes, from the moment the link is pasted. */
function clickCounter() {
  let clicks = 0;
  return {
    click: async (locator: ReturnType<Page['getByTestId']>) => {
      clicks++;
      await locator.click();
    },
    get count() {
      return clicks;
    },
  };
}

/** Saves the MP4 the download link offers and checks it is one. */
async function downloadVideo(page: Page, counter: ReturnType<typeof clickCounter>) {
  const download = page.waitForEvent('download');
  await counter.click(page.getByTestId('download-video'));
  const file = await download;
  const bytes = await readFile((await file.path())!);
  expect(bytes.length).toBeGreaterThan(20_000);
  expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
  return file.suggestedFilename();
}

test('an article link becomes a downloaded MP4 in two clicks after pasting, each stage done with its best option', async ({ page }) => {
  test.setTimeout(300_000);
  await registerNewUser(page);
  const projectId = await createProject(page, 'Tram line');
  await page.getByRole('button', { name: 'Article link' }).click();
  await page.getByLabel('Article address').fill(site.articleUrl('eastbrook-tram-line'));

  const counter = clickCounter();
  await counter.click(page.getByTestId('make-video'));
  const progress = page.getByTestId('make-progress');
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await expect(page.getByTestId('make-stage-script')).toContainText('Script with the best variant of each scene');
  await page.screenshot({ path: 'test-results/screens/make-progress-en.png', fullPage: true });

  await expect(page.getByTestId('render-video')).toBeVisible({ timeout: 240_000 });
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/stage/7$`));
  await page.screenshot({ path: 'test-results/screens/make-done-en.png', fullPage: true });
  expect(await downloadVideo(page, counter)).toBe('tram-line.mp4');
  expect(counter.count).toBeLessThanOrEqual(3);

  // Every stage is there to edit: done, stage 5 skipped, nothing outdated.
  for (const stage of [1, 2, 3, 4, 6]) await expect(stageLink(page, stage)).toHaveAttribute('data-state', 'done');
  await expect(stageLink(page, 5)).toHaveAttribute('data-state', 'skipped');
  await expect(page.locator('[data-stale="true"]')).toHaveCount(0);
  // Stage 3 shows the picks the video was made with: one per scene.
  await stageLink(page, 3).click();
  const scenes = page.locator('[data-testid^="scene-s"]');
  await expect(scenes.first()).toBeVisible();
  await expect(page.locator('.variant[data-selected]')).toHaveCount(await scenes.count());
});

test.describe('on a phone, in Russian', () => {
  test.use({ viewport: { width: 390, height: 844 }, locale: 'ru-RU', isMobile: true, hasTouch: true });

  test('a Russian article becomes a video whose player is in view and whose file name is in Latin letters', async ({ page }) => {
    test.setTimeout(300_000);
    await registerInRussian(page);
    await expectNoEnglishInterface(page);
    await page.screenshot({ path: 'test-results/screens/projects-ru-phone.png', fullPage: true });
    await page.getByRole('textbox', { name: 'Название (необязательно)' }).fill('Новости дня');
    await page.getByRole('button', { name: 'Новый проект' }).click();
    await expect(page).toHaveURL(/\/stage\/1$/);
    await page.getByRole('button', { name: 'Ссылка на статью' }).click();
    await page.getByLabel('Адрес статьи').fill(site.articleUrl('novosibirsk-velopark'));
    await expectNoEnglishInterface(page);
    await page.screenshot({ path: 'test-results/screens/source-ru-phone.png', fullPage: true });
    await page.getByTestId('make-video').click();
    await expect(page.getByTestId('make-progress')).toContainText('Видео готовится');
    await expectNoEnglishInterface(page);
    await page.screenshot({ path: 'test-results/screens/make-progress-ru-phone.png', fullPage: true });

    const video = page.getByTestId('render-video');
    await expect(video).toBeVisible({ timeout: 240_000 });
    await expect(video).toBeInViewport();
    await expectNoEnglishInterface(page);
    await page.screenshot({ path: 'test-results/screens/make-done-ru-phone.png' });
    const download = page.waitForEvent('download');
    await page.getByTestId('download-video').click();
    expect((await download).suggestedFilename()).toBe('novosti-dnya.mp4');
    // The stage navigation is reachable: it scrolls sideways and every stage link can be tapped.
    await stageLink(page, 8).scrollIntoViewIfNeeded();
    await expect(stageLink(page, 8)).toBeInViewport();
  });
});

async function registerInRussian(page: Page) {
  await page.goto('/register');
  await page.getByLabel('Имя (необязательно)').fill('Автор');
  await page.getByLabel('Электронная почта').fill(`ru-${Date.now()}-${process.pid}@example.com`);
  await page.getByLabel('Пароль').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Создать аккаунт' }).click();
  await expect(page.getByRole('heading', { name: 'Ваши проекты' })).toBeVisible();
}
