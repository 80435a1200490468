import { expect, test, type Page } from '@playwright/test';
import { en } from '../web/src/i18n/en.ts';
import { ru } from '../web/src/i18n/ru.ts';
import { type NewsSite, startNewsSite } from '../server/modules/news/testing/news-site.ts';
import { registerNewUser } from './support/app.ts';
import { expectNoEnglishInterface } from './support/russian-screen.ts';

let site: NewsSite;
test.beforeAll(async () => {
  site = await startNewsSite({ port: Number(process.env.E2E_NEWS_PORT) });
});
test.afterAll(async () => {
  await site.close();
});

type Catalogue = Record<keyof typeof en, string>;

/** Follows the local news site, sets the factory's rules, runs it and approves the draft into a video. */
async function fromSettingsToVideo(page: Page, text: Catalogue, keyword: string, title: string, screens: string) {
  await page.getByRole('link', { name: text['nav.news'] }).click();
  await page.getByLabel(text['news.feedUrl']).fill(site.feedUrl);
  await page.getByRole('button', { name: text['news.addFeed'] }).click();
  await expect(page.getByTestId('feeds')).toContainText('Eastbrook Courier');

  await page.getByRole('link', { name: text['nav.factory'] }).click();
  await page.getByRole('link', { name: text['factory.settings'] }).click();
  const rules = page.getByTestId('factory-rules');
  await rules.getByLabel(text['factory.rules.include'], { exact: true }).fill(keyword);
  await rules.getByLabel(text['factory.rules.minScore'], { exact: true }).fill('0');
  await rules.getByLabel(text['factory.rules.enabled']).check();
  await page.getByTestId('factory-save-rules').click();
  await expect(rules.getByText(text['factory.rules.saved'])).toBeVisible();
  await page.screenshot({ path: `test-results/screens/factory-settings-${screens}.png`, fullPage: true });

  await page.getByRole('link', { name: text['factory.toQueue'] }).click();
  await page.getByTestId('factory-run-now').click();
  const draft = page.getByTestId('draft');
  await expect(draft).toHaveCount(1, { timeout: 60_000 });
  await expect(draft.getByRole('heading', { name: title })).toBeVisible();
  // The run's log names each step of the story it took up.
  const item = page.getByTestId('factory-item').first();
  await expect(item.locator('[data-step="filed"]')).toHaveText(text['factory.step.filed']);
  await expect(item.locator('[data-step="scored"]')).toContainText(text['factory.step.scored'].replace('{score}', ''));
  await expect(draft.getByTestId('draft-scene-s1')).toBeVisible();
  await page.screenshot({ path: `test-results/screens/factory-queue-${screens}.png`, fullPage: true });

  await draft.getByTestId('draft-approve-video').click();
  await expect(page.getByTestId('make-progress')).toBeVisible();
  const video = page.getByTestId('render-video');
  await expect(video).toBeVisible({ timeout: 240_000 });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  // Playing: the position moves on (however long a loaded machine takes to decode the first frames).
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 30_000 }).toBeGreaterThan(0);
  expect(await video.evaluate((v: HTMLVideoElement) => v.duration)).toBeGreaterThan(5);
  await page.screenshot({ path: `test-results/screens/factory-video-${screens}.png` });
}

test('settings, run now, a draft appears, approve, and its video plays', async ({ page }) => {
  test.setTimeout(360_000);
  await registerNewUser(page);
  await fromSettingsToVideo(page, en, 'tram', 'Eastbrook approves a 12 km tram line after 40 years of debate', 'en');
});

test.describe('in Russian', () => {
  test.use({ locale: 'ru-RU' });

  test('настройки, запуск, черновик, одобрение и видео', async ({ page }) => {
    test.setTimeout(360_000);
    await page.goto('/register');
    await page.getByLabel(ru['auth.field.name']).fill('Автор');
    await page.getByLabel(ru['auth.field.email']).fill(`factory-ru-${Date.now()}@example.com`);
    await page.getByLabel(ru['auth.field.password']).fill('correct horse battery staple');
    await page.getByRole('button', { name: ru['auth.register.submit'] }).click();
    await page.getByRole('link', { name: ru['nav.factory'] }).click();
    await expectNoEnglishInterface(page);
    await fromSettingsToVideo(page, ru, 'велопарк', 'В Новосибирске открылся круглогодичный крытый велопарк', 'ru');
    await expectNoEnglishInterface(page);
  });
});

test('revise one scene with notes, reject another draft: the learned settings and the profile show it, and can be undone', async ({ page }) => {
  test.setTimeout(180_000);
  await registerNewUser(page);
  await page.getByRole('link', { name: en['nav.news'] }).click();
  await page.getByLabel(en['news.feedUrl']).fill(site.feedUrl);
  await page.getByRole('button', { name: en['news.addFeed'] }).click();
  await expect(page.getByTestId('feeds')).toContainText('Eastbrook Courier');
  await page.getByRole('link', { name: en['nav.factory'] }).click();
  await page.getByRole('link', { name: en['factory.settings'] }).click();
  const rules = page.getByTestId('factory-rules');
  await rules.getByLabel(en['factory.rules.include'], { exact: true }).fill('tram, octopus');
  await rules.getByLabel(en['factory.rules.minScore'], { exact: true }).fill('0');
  await page.getByTestId('factory-save-rules').click();
  await expect(rules.getByText(en['factory.rules.saved'])).toBeVisible();
  await page.getByRole('link', { name: en['factory.toQueue'] }).click();
  await page.getByTestId('factory-run-now').click();
  await expect(page.getByTestId('draft')).toHaveCount(2, { timeout: 60_000 });

  const tram = page.getByTestId('draft').filter({ hasText: 'tram line' });
  const before = await tram.getByTestId('draft-scene-s1').locator('p').innerText();
  const second = await tram.getByTestId('draft-scene-s2').locator('p').innerText();
  await tram.getByTestId('draft-revise').click();
  await tram.getByTestId('draft-scene-s2').getByLabel(en['factory.reviseThis']).check();
  await tram.getByLabel(en['factory.reviseNotes']).fill('Never open with a question. The second scene is dull.');
  await tram.getByRole('button', { name: en['factory.reviseSubmit'], exact: true }).click();
  await expect(tram.getByText(en['factory.versions'].replace('{n}', '2'))).toBeVisible();
  await expect(tram.getByTestId('draft-scene-s1').locator('p')).toHaveText(before);
  await expect(tram.getByTestId('draft-scene-s2').locator('p')).not.toHaveText(second);

  const octopus = page.getByTestId('draft').filter({ hasText: 'octopuses' });
  await octopus.getByTestId('draft-reject').click();
  await octopus.getByLabel(en['factory.rejectCategory']).selectOption('boring-topic');
  await octopus.getByRole('button', { name: en['factory.rejectSubmit'] }).click();
  await expect(page.getByTestId('draft')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screens/factory-revised-en.png', fullPage: true });

  await page.getByRole('link', { name: en['factory.settings'] }).click();
  const topics = page.getByTestId('learned-topics');
  await expect(topics.locator('.chip')).toHaveCount(1);
  await expect(page.getByTestId('profile-rule')).toContainText(['Never open with a question']);
  await expect(page.getByTestId('learned-min-score')).toContainText('+5');
  await page.screenshot({ path: 'test-results/screens/factory-learned-en.png', fullPage: true });
  await topics.getByRole('button').click();
  await expect(topics.locator('.chip')).toHaveCount(0);
  await page.getByTestId('profile-rule').getByRole('button', { name: /Delete the rule/ }).click();
  await expect(page.getByTestId('profile-rule')).toHaveCount(0);
});
