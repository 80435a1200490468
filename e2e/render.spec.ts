import { expect, test } from '@playwright/test';
import { createProject, registerNewUser, stageHeading } from './support/app.ts';
import { projectAtStage7 } from './support/render.ts';

const SCENES = [
  { id: 'hook', text: 'Oil prices hit a record today.' },
  { id: 'body', text: 'Refineries cannot keep up with demand.' },
  { id: 'cta', text: 'Follow for more news.' },
];

test('stage 7 renders the video with live progress, plays it at the narration length, offers the downloads and the publishing text', async ({ page, context }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await registerNewUser(page);
  const projectId = await createProject(page, 'Oil record');
  const { narrationSec } = await projectAtStage7(page, projectId, SCENES);

  await page.goto(`/projects/${projectId}/stage/7`);
  await expect(stageHeading(page, 'Render & export')).toBeVisible();
  await expect(page.getByText('Scenes last as long as their narration from stage 4.')).toBeVisible();
  await expect(page.getByText('Render the video to watch it here and download it.')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/render-stage-before.png', fullPage: true });

  await page.getByRole('radio', { name: 'Draft' }).click();
  await page.getByTestId('render-button').click();
  const progress = page.getByTestId('render-progress');
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', /\d+/);
  await expect(page.getByTestId('render-step')).toHaveText(/Preparing|Checking the plan|Preparing visuals|Writing captions|Encoding|Finishing|Waiting/);
  await page.screenshot({ path: 'test-results/screens/render-stage-progress.png', fullPage: true });

  const video = page.getByTestId('render-video');
  await expect(video).toBeVisible({ timeout: 60_000 });
  const duration = await video.evaluate(
    (element: HTMLVideoElement) =>
      new Promise<number>((resolve) => {
        if (element.readyState >= 1) resolve(element.duration);
        else element.addEventListener('loadedmetadata', () => resolve(element.duration), { once: true });
      }),
  );
  expect(Math.abs(duration - narrationSec)).toBeLessThan(0.25);
  const played = await video.evaluate(async (element: HTMLVideoElement) => {
    element.muted = true;
    await element.play();
    await new Promise((resolve) => setTimeout(resolve, 800));
    return { time: element.currentTime, paused: element.paused, width: element.videoWidth, height: element.videoHeight };
  });
  expect(played.time).toBeGreaterThan(0.2);
  expect(played).toMatchObject({ paused: false, width: 1080, height: 1920 });

  for (const key of ['video', 'srt', 'vtt', 'thumbnail', 'script']) {
    await expect(page.getByTestId(`download-${key}`)).toHaveAttribute('href', /\/api\/assets\/[0-9a-f-]{36}\/content\?download=1$/);
  }
  const srt = await page.request.get((await page.getByTestId('download-srt').getAttribute('href'))!);
  expect(await srt.text()).toContain('00:00:00,');
  await expect(page.getByTestId('project-title').locator('..')).toContainText('Rendered');

  await page.getByRole('button', { name: 'Draft from the script' }).click();
  const title = page.getByRole('textbox', { name: 'Title' });
  await expect(title).not.toHaveValue('');
  await title.fill('Oil hits a record');
  await page.getByRole('textbox', { name: 'Hashtags' }).fill('oil #news нефть');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Copy the title' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Oil hits a record');
  await page.screenshot({ path: 'test-results/screens/render-stage-done.png', fullPage: true });

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Oil hits a record');
  await expect(page.getByRole('textbox', { name: 'Hashtags' })).toHaveValue('#oil #news #нефть');
  await expect(page.getByTestId('render-video')).toBeVisible();
});

test('stage 7 in Russian says what stops a render and names the field', async ({ page }) => {
  await registerNewUser(page);
  const projectId = await createProject(page, 'Пусто');
  await page.getByRole('button', { name: /RU/ }).click();
  const base = `/api/projects/${projectId}`;
  for (const stage of [1, 2, 3, 4, 5, 6]) {
    await page.request.post(`${base}/steps`, { data: { stepNumber: stage, data: {}, completedAt: new Date().toISOString() } });
    await page.request.patch(`${base}/stage`, { data: { stage: stage + 1 } });
  }
  await page.goto(`/projects/${projectId}/stage/7`);
  await expect(stageHeading(page, 'Рендер и экспорт')).toBeVisible();
  await expect(page.getByTestId('render-problems')).toContainText('Видео пока нельзя собрать');
  await expect(page.getByTestId('render-problems')).toContainText('Сценария пока нет: сначала завершите этап 3.');
  await expect(page.getByTestId('render-problems')).toContainText('step3.finalScript.scenes');
  await expect(page.getByRole('button', { name: 'Собрать видео' })).toBeDisabled();
  await page.screenshot({ path: 'test-results/screens/render-stage-ru-problems.png', fullPage: true });
});
