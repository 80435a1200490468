import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { speechClip } from '../server/modules/media-sources/testing/media-fixtures.ts';
import { createProject, registerNewUser } from './support/app.ts';
import { expectNoEnglishInterface } from './support/russian-screen.ts';
import { startTranscriber } from './support/transcriber.ts';

const ENGLISH = 'The city opened a new bridge over the river on Monday. Thousands of people walked across it in the morning. It took three years to build and links the old town with the station.';
const RUSSIAN = 'В понедельник в городе открыли новый мост через реку. Утром по нему прошли тысячи людей. Его строили три года, и он соединяет старый город с вокзалом.';

let transcriber: Awaited<ReturnType<typeof startTranscriber>>;
test.beforeAll(async () => {
  transcriber = await startTranscriber(Number(process.env.E2E_STT_PORT));
});
test.afterAll(() => transcriber.close());

/** Saves the MP4 the download link offers and checks it is one. */
async function downloadedVideo(page: Page) {
  const download = page.waitForEvent('download');
  await page.getByTestId('download-video').click();
  const bytes = await readFile((await (await download).path())!);
  expect(bytes.length).toBeGreaterThan(20_000);
  expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
}

test('an uploaded video with speech is transcribed and becomes a new rendered video', async ({ page }) => {
  test.setTimeout(360_000);
  const clip = await speechClip(ENGLISH);
  transcriber.speaks(ENGLISH, 'english');
  await registerNewUser(page);
  await createProject(page, 'Bridge reel');
  await page.getByRole('button', { name: 'Video or audio' }).click();
  await expect(page.getByText('Use only videos you have the rights to')).toBeVisible();
  await page.getByLabel('Upload a file').setInputFiles({ name: 'bridge-reel.mp4', mimeType: 'video/mp4', buffer: clip });
  const transcript = page.getByLabel('Transcript', { exact: true });
  await expect(transcript).toHaveValue(ENGLISH, { timeout: 60_000 });
  await expect(page.getByText('Detected language: en')).toBeVisible();
  expect(transcriber.calls).toBeGreaterThan(0);
  await page.screenshot({ path: 'test-results/screens/media-source-en.png', fullPage: true });

  await page.getByTestId('make-video').click();
  await expect(page.getByTestId('render-video')).toBeVisible({ timeout: 300_000 });
  // The offline writer retells by selection, so the near-copy warning ends the fast path next to the video.
  await expect(page.getByTestId('near-copy')).toContainText('word for word from the transcript');
  await expect(page.getByTestId('near-copy').getByRole('link', { name: 'Edit the script' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/media-video-en.png', fullPage: true });
  await downloadedVideo(page);
});

test.describe('in Russian', () => {
  test.use({ locale: 'ru-RU' });

  test('a Russian video becomes a new video, with the whole screen in Russian', async ({ page }) => {
    test.setTimeout(360_000);
    const clip = await speechClip(RUSSIAN, { voice: 'ru', colour: 'maroon' });
    transcriber.speaks(RUSSIAN, 'russian');
    await page.goto('/register');
    await page.getByLabel('Имя (необязательно)').fill('Автор');
    await page.getByLabel('Электронная почта').fill(`media-ru-${Date.now()}@example.com`);
    await page.getByLabel('Пароль').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Создать аккаунт' }).click();
    await page.getByRole('textbox', { name: 'Название (необязательно)' }).fill('Новый мост');
    await page.getByRole('button', { name: 'Новый проект' }).click();
    await expect(page).toHaveURL(/\/stage\/1$/);
    await page.getByRole('button', { name: 'Видео или аудио' }).click();
    await page.getByLabel('Загрузить файл').setInputFiles({ name: 'мост.mp4', mimeType: 'video/mp4', buffer: clip });
    await expect(page.getByLabel('Расшифровка', { exact: true })).toHaveValue(RUSSIAN, { timeout: 60_000 });
    await expect(page.getByText('Определён язык: ru')).toBeVisible();
    await expectNoEnglishInterface(page);
    await page.screenshot({ path: 'test-results/screens/media-source-ru.png', fullPage: true });

    await page.getByTestId('make-video').click();
    await expect(page.getByTestId('render-video')).toBeVisible({ timeout: 300_000 });
    await expect(page.getByTestId('near-copy')).toContainText('дословно взяты из расшифровки');
    await expectNoEnglishInterface(page);
    await page.screenshot({ path: 'test-results/screens/media-video-ru.png', fullPage: true });
    await downloadedVideo(page);
  });
});
