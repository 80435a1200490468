import { expect, test, type Page } from '@playwright/test';
import { RUSSIAN_ARTICLE } from '../cli/testing/texts.ts';
import { type NewsSite, startNewsSite } from '../server/modules/news/testing/news-site.ts';
import { createProject, registerNewUser } from './support/app.ts';
import { expectNoEnglishInterface } from './support/russian-screen.ts';

let site: NewsSite;
test.beforeAll(async () => {
  site = await startNewsSite({ port: Number(process.env.E2E_NEWS_PORT) });
});
test.afterAll(async () => {
  await site.close();
});

const scenes = (page: Page) => page.locator('[data-testid^="scene-s"]');

async function waitForJob(page: Page, jobId: string) {
  await expect
    .poll(async () => ((await (await page.request.get(`/api/jobs/${jobId}`)).json()) as { state: string }).state, { timeout: 120_000 })
    .toBe('succeeded');
}

test('a script saved from stage 3 is found in the library and started again at the voice stage; news items become projects in one batch', async ({ page }) => {
  test.setTimeout(300_000);
  await registerNewUser(page);
  const projectId = await createProject(page, 'Tides');
  await page.getByLabel('Your idea').fill('Why the moon makes two tides a day, explained with a bucket of water and a torch.');
  await page.getByLabel('Format', { exact: true }).selectOption('explainer');
  await page.getByRole('button', { name: 'Use this source →' }).click();
  await page.getByRole('button', { name: 'Write the script →' }).click();
  // The writer's job waits for a worker; on a loaded machine that can take a while.
  await expect(scenes(page).first()).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('job-progress')).toHaveCount(0);
  const picked = await page.locator('.variant[data-selected] .variant__text').allTextContents();

  await page.getByRole('button', { name: 'Save to library' }).click();
  await expect(page.getByTestId('save-to-library')).toContainText('Saved to the library as version 1.');
  await expect(page.getByRole('button', { name: 'Save a new version' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/library-save-en.png', fullPage: true });
  // Another variant for the hook, saved again: version 2 of the same entry.
  await scenes(page).first().getByRole('radio').nth(1).check();
  await expect(page.getByText('All choices saved')).toBeVisible();
  const newHook = (await page.locator('.variant[data-selected] .variant__text').first().textContent())!;
  await page.getByRole('button', { name: 'Save a new version' }).click();
  await expect(page.getByTestId('save-to-library')).toContainText('Saved to the library as version 2.');

  await page.getByRole('link', { name: 'Library', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Scripts library' })).toBeVisible();
  // A word of the latest script's text that is not in the title: the search reads the texts too.
  const word = newHook.split(/\s+/).map((w) => w.replace(/[^\p{L}]/gu, '')).find((w) => w.length > 5 && !/tides/i.test(w))!;
  await page.getByLabel('Search titles and texts').fill(word);
  const entry = page.getByTestId('library-entry').filter({ hasText: 'Tides' });
  await expect(entry).toHaveCount(1);
  await page.getByLabel('Search titles and texts').fill('no such script anywhere');
  await expect(page.getByText('No saved script matches.')).toBeVisible();
  await page.getByLabel('Search titles and texts').fill('tides');
  await expect(entry).toContainText(newHook);
  await entry.getByRole('button', { name: 'Versions' }).click();
  const compare = entry.getByTestId('library-compare');
  await expect(compare.locator('[data-change="changed"]')).toHaveCount(1);
  await expect(compare.locator('[data-change="changed"]')).toContainText(picked[0]!);
  await expect(compare.locator('[data-change="changed"]')).toContainText(newHook);
  await expect(compare.locator('[data-change="same"]')).toHaveCount(picked.length - 1);
  await page.screenshot({ path: 'test-results/screens/library-en.png', fullPage: true });

  await entry.getByRole('button', { name: 'Start production' }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}\/stage\/4$/);
  expect(page.url()).not.toContain(projectId);
  await expect(page.getByRole('heading', { level: 1, name: /Voice$/ })).toBeVisible();
  await expect(page.locator('body')).toContainText(newHook);
  await page.screenshot({ path: 'test-results/screens/library-produced-en.png', fullPage: true });

  // Two stories from the news hub, one action, one view of both.
  expect((await page.request.post('/api/feeds', { data: { url: site.feedUrl } })).ok()).toBe(true);
  await page.getByRole('link', { name: 'News', exact: true }).click();
  const tram = page.getByTestId('news-item').filter({ hasText: 'Eastbrook approves a 12 km tram line' });
  const octopus = page.getByTestId('news-item').filter({ hasText: 'Do octopuses dream?' });
  await tram.getByTestId('news-select').check();
  await octopus.getByTestId('news-select').check();
  await expect(page.getByTestId('batch-bar')).toContainText('2 selected');
  await page.getByRole('button', { name: 'Make projects' }).click();
  const progress = page.getByTestId('batch-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('data-finished', 'true', { timeout: 60_000 });
  await expect(page.getByTestId('batch-item')).toHaveCount(2);
  await expect(page.locator('[data-testid="batch-item"][data-state="done"]')).toHaveCount(2);
  await expect(progress).toContainText('2 done, 0 in progress, 0 waiting, 0 failed');
  await page.screenshot({ path: 'test-results/screens/batch-news-en.png', fullPage: true });
  await page.getByTestId('batch-item').filter({ hasText: 'Eastbrook approves' }).getByRole('link', { name: 'Open the project' }).click();
  await expect(page).toHaveURL(/\/stage\/2$/);
  await expect(page.getByTestId('project-title')).toContainText('Eastbrook approves a 12 km tram line');
});

test.describe('in Russian', () => {
  test.use({ locale: 'ru-RU' });

  test('a Russian script is saved, found, produced, and made into a video by a batch from the library', async ({ page }) => {
    test.setTimeout(420_000);
    await page.goto('/register');
    await page.getByLabel('Имя (необязательно)').fill('Автор');
    await page.getByLabel('Электронная почта').fill(`ru-lib-${Date.now()}-${process.pid}@example.com`);
    await page.getByLabel('Пароль').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Создать аккаунт' }).click();
    await expect(page.getByRole('heading', { name: 'Ваши проекты' })).toBeVisible();

    // A project with a written script, made through the API the screens use.
    const project = (await (await page.request.post('/api/projects', { data: { title: 'Морское тепло' } })).json()) as { id: string };
    const base = `/api/projects/${project.id}`;
    expect((await page.request.post(`${base}/source`, { data: { sourceType: 'text', text: RUSSIAN_ARTICLE, format: 'news', language: 'ru', targetDurationSec: 10 } })).ok()).toBe(true);
    const job = (await (await page.request.post(`${base}/script/generate`, { data: {} })).json()) as { id: string };
    await waitForJob(page, job.id);
    expect((await page.request.patch(`${base}/steps/2`, { data: { completedAt: new Date().toISOString() } })).ok()).toBe(true);
    expect((await page.request.patch(`${base}/stage`, { data: { stage: 3 } })).ok()).toBe(true);

    await page.goto(`/projects/${project.id}/stage/3`);
    await expect(scenes(page).first()).toBeVisible();
    await page.getByRole('button', { name: 'Сохранить в библиотеку' }).click();
    await expect(page.getByTestId('save-to-library')).toContainText('Сохранено в библиотеку, версия 1.');
    await expectNoEnglishInterface(page);

    await page.getByRole('link', { name: 'Библиотека', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Библиотека сценариев' })).toBeVisible();
    await page.getByLabel('Поиск по названиям и текстам').fill('морское');
    const entry = page.getByTestId('library-entry').filter({ hasText: 'Морское тепло' });
    await expect(entry).toHaveCount(1);
    await entry.getByRole('button', { name: 'Версии' }).click();
    await expect(entry.getByTestId('library-versions')).toContainText('версия 1');
    await expectNoEnglishInterface(page);
    await page.screenshot({ path: 'test-results/screens/library-ru.png', fullPage: true });

    await entry.getByRole('button', { name: 'Запустить производство' }).click();
    await expect(page).toHaveURL(/\/stage\/4$/);
    await expect(page.getByRole('heading', { level: 1, name: /Озвучка$/ })).toBeVisible();
    await expectNoEnglishInterface(page);

    await page.getByRole('link', { name: 'Библиотека', exact: true }).click();
    await entry.getByRole('checkbox').check();
    await page.getByLabel('Сразу сделать видео').check();
    await page.getByRole('button', { name: 'Создать проекты' }).click();
    const progress = page.getByTestId('batch-progress');
    await expect(progress).toContainText('Пакетное производство');
    await expect(page.getByTestId('batch-item')).toHaveCount(1);
    await expectNoEnglishInterface(page);
    await page.screenshot({ path: 'test-results/screens/batch-library-ru.png', fullPage: true });
    await expect(progress).toHaveAttribute('data-finished', 'true', { timeout: 360_000 });
    await expect(page.getByTestId('batch-item')).toHaveAttribute('data-state', 'done');
    await expectNoEnglishInterface(page);
    await page.screenshot({ path: 'test-results/screens/batch-library-ru-done.png', fullPage: true });
    await page.getByRole('link', { name: 'Смотреть видео' }).click();
    await expect(page.getByTestId('render-video')).toBeVisible();
  });
});
