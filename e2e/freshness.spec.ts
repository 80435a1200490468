import { expect, test, type Page } from '@playwright/test';
import { createProject, registerNewUser, stageHeading, stageLink } from './support/app.ts';
import { projectAtStage7 } from './support/render.ts';

const SCENES = [
  { id: 'hook', text: 'Oil prices hit a record today.' },
  { id: 'body', text: 'Refineries cannot keep up with demand.' },
  { id: 'cta', text: 'Follow for more news.' },
];

const outdatedStages = async (page: Page) => {
  const stale: number[] = [];
  for (let n = 1; n <= 8; n++) if ((await stageLink(page, n).getAttribute('data-stale')) === 'true') stale.push(n);
  return stale;
};

test('outdated means an input changed: completion and identical saves change nothing, a skipped stage never is, and stage 7 offers to render again', async ({ page }) => {
  test.setTimeout(240_000);
  await registerNewUser(page);
  const projectId = await createProject(page, 'Oil record');
  await projectAtStage7(page, projectId, SCENES);
  const base = `/api/projects/${projectId}`;

  await page.goto(`/projects/${projectId}/stage/7`);
  await page.getByRole('radio', { name: 'Draft' }).click();
  await page.getByTestId('render-button').click();
  await expect(page.getByTestId('render-video')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('render-stale')).toHaveCount(0);
  expect(await outdatedStages(page)).toEqual([]);

  // Completing stage 3 again and saving the very same script change nothing downstream.
  const step3 = ((await (await page.request.get(`${base}/steps`)).json()) as Array<{ stepNumber: number; data: unknown }>).find((s) => s.stepNumber === 3)!;
  expect((await page.request.patch(`${base}/steps/3`, { data: { completedAt: new Date().toISOString() } })).ok()).toBe(true);
  expect((await page.request.post(`${base}/steps`, { data: { stepNumber: 3, data: step3.data } })).ok()).toBe(true);
  await page.reload();
  await expect(page.getByTestId('render-video')).toBeVisible();
  await expect(page.getByTestId('render-stale')).toHaveCount(0);
  expect(await outdatedStages(page)).toEqual([]);

  // A changed script: the voice, the storyboard and the video are outdated; the skipped avatar stage is not.
  const changed = SCENES.map((s) => (s.id === 'body' ? { ...s, text: 'Refineries now run day and night.' } : s));
  expect((await page.request.post(`${base}/steps`, { data: { stepNumber: 3, data: { finalScript: { scenes: changed } } } })).ok()).toBe(true);
  await page.reload();
  const banner = page.getByTestId('render-stale');
  await expect(banner).toContainText('This video no longer matches your project');
  await expect(banner).toContainText('Script');
  expect(await outdatedStages(page)).toEqual([4, 6, 7]);
  await expect(stageLink(page, 5)).toHaveAttribute('data-state', 'skipped');
  await page.screenshot({ path: 'test-results/screens/render-stale-en.png', fullPage: true });
  await page.getByRole('button', { name: /RU/ }).click();
  await expect(banner).toContainText('Видео больше не соответствует проекту');
  await expect(banner).toContainText('Сценарий');
  await page.screenshot({ path: 'test-results/screens/render-stale-ru.png', fullPage: true });
  await page.getByRole('button', { name: /EN/ }).click();

  // One click renders again; the new video is current.
  await banner.getByRole('button', { name: 'Render again' }).click();
  await expect(page.getByTestId('render-progress')).toBeVisible();
  await expect(page.getByTestId('render-progress')).toHaveCount(0, { timeout: 120_000 });
  await expect(page.getByTestId('render-video')).toBeVisible();
  await expect(page.getByTestId('render-stale')).toHaveCount(0);
  await expect(stageLink(page, 7)).not.toHaveAttribute('data-stale', 'true');
  await expect(stageHeading(page, 'Render & export')).toBeVisible();
});
