import { expect, type APIResponse, type Page, test } from '@playwright/test';
import { createProject, registerNewUser, stageHeading } from './support/app.ts';
import { projectAtStage7 } from './support/render.ts';

const SCENES = [
  { id: 'hook', text: 'Why do bridges sing in the wind?' },
  { id: 'body', text: 'Cables shake at their own pitch when air flows past.' },
  { id: 'cta', text: 'Follow for more.' },
];

async function ok(response: APIResponse) {
  expect(response.ok(), `${response.url()}: ${await response.text()}`).toBe(true);
  return response.json() as Promise<Record<string, unknown>>;
}

/** Earlier videos of the same author on Instagram, with numbers: their median is the author's usual. */
async function history(page: Page, views: number[]) {
  for (const [i, value] of views.entries()) {
    const project = await ok(await page.request.post('/api/projects', { data: { title: `Earlier video ${i + 1}` } }));
    const publication = await ok(
      await page.request.post(`/api/projects/${String(project.id)}/publications`, { data: { platform: 'instagram', url: `https://www.instagram.com/reel/EARLY${i}/`, publishedAt: `2026-04-0${i + 1}` } }),
    );
    await ok(await page.request.post(`/api/publications/${String(publication.id)}/readings`, { data: { views: value, likes: Math.round(value / 20) } }));
  }
}

test('stage 8: publish, enter numbers by hand and by CSV, see predicted against actual and advice', async ({ page }) => {
  test.setTimeout(300_000);
  await registerNewUser(page);
  const projectId = await createProject(page, 'Singing bridges');
  await projectAtStage7(page, projectId, SCENES);
  // The offline analyser scores the stage-2 text: the render stores that score as the prediction.
  const analysed = await ok(await page.request.post(`/api/projects/${projectId}/analysis`, { data: {} }));
  const score = (analysed.step as { data: { analysis: { score: number } } }).data.analysis.score;
  const job = await ok(await page.request.post(`/api/projects/${projectId}/render`, { data: { quality: 'draft' } }));
  for (;;) {
    const state = await ok(await page.request.get(`/api/jobs/${String(job.id)}`));
    if (state.state === 'succeeded') break;
    expect(['queued', 'running'], String(state.error)).toContain(state.state);
    await page.waitForTimeout(500);
  }
  await ok(await page.request.patch(`/api/projects/${projectId}/steps/7`, { data: { completedAt: new Date().toISOString() } }));
  await ok(await page.request.patch(`/api/projects/${projectId}/stage`, { data: { stage: 8 } }));
  await history(page, [1000, 2000, 4000]);

  await page.goto(`/projects/${projectId}/stage/8`);
  await expect(stageHeading(page, 'Performance')).toBeVisible();
  const prediction = page.getByTestId('prediction');
  await expect(prediction).toContainText(`${score} / 100 · Potential score`);
  await expect(prediction).toContainText('a question');
  await expect(page.getByTestId('actual')).toContainText('Enter the numbers of a publication');

  const addForm = page.getByRole('form', { name: 'Add a publication' });
  await addForm.getByLabel('Platform').selectOption('instagram');
  await addForm.getByLabel('Link to the post').fill('https://www.instagram.com/reel/BRIDGES/');
  await addForm.getByLabel('Published on').fill('2026-05-01');
  await addForm.getByRole('button', { name: 'Add a publication' }).click();
  const card = page.getByTestId('publication');
  await expect(card).toContainText('Instagram Reels');

  await card.getByText('Enter numbers').click();
  const form = card.getByRole('form', { name: 'Enter numbers' });
  await form.getByLabel('Views').fill('12.5');
  await form.getByRole('button', { name: 'Save numbers' }).click();
  await expect(form.getByText('Use whole, non-negative numbers')).toBeVisible();
  await form.getByLabel('Views').fill('4600');
  await form.getByLabel('Likes').fill('300');
  await form.getByLabel('Watched, % of the video').fill('64');
  await form.getByRole('button', { name: 'Save numbers' }).click();
  // The usual is the median of 1000, 2000, 4000 and 4600: 3000; this one did 4600.
  await expect(page.getByTestId('actual')).toContainText('1.5x your usual');
  await expect(page.getByTestId('actual')).toContainText('against a usual of 3,000');
  await expect(card.getByRole('table', { name: 'Numbers over time' })).toContainText('64%');

  await card.getByText('Import a CSV').click();
  const file = card.getByLabel('CSV file');
  await file.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('read_at,views\n2026-05-08,5000\n2026-05-09,many\n') });
  await expect(card.getByText('Nothing was imported: line 3 of the file has a problem.')).toBeVisible();
  await expect(card.getByRole('table', { name: 'Numbers over time' }).locator('tbody tr')).toHaveCount(1);
  await file.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from('read_at,views,likes\n2099-05-08,6000,420\n') });
  await expect(card.getByText('Readings imported: 1.')).toBeVisible();
  await expect(page.getByTestId('actual')).toContainText('2.0x your usual');

  const advice = page.getByTestId('advice');
  await expect(advice).toContainText('From 4 videos published with numbers');
  await expect(advice.getByTestId('suggestions').locator('li')).toHaveCount(3);
  await expect(advice).toContainText('not a trend yet');
  await page.screenshot({ path: 'test-results/screens/performance-stage.png', fullPage: true });

  // The dashboard plots the rendered video's predicted score against its result.
  await page.getByRole('link', { name: 'Performance', exact: true }).click();
  await expect(page.getByTestId('chart-ratio').locator('.recharts-bar-rectangle')).toHaveCount(4);
  await expect(page.getByTestId('chart-predicted').locator('.recharts-scatter-symbol')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screens/performance-dashboard-scored.png', fullPage: true });
});

for (const language of ['en', 'ru'] as const) {
  test(`the performance dashboard draws its charts (${language})`, async ({ page }) => {
    await registerNewUser(page);
    await history(page, [800, 1500, 2600, 4100]);
    if (language === 'ru') await page.getByRole('button', { name: /RU/ }).click();
    await page.getByRole('link', { name: language === 'ru' ? 'Результаты' : 'Performance' }).click();
    await expect(page.getByRole('heading', { level: 1, name: language === 'ru' ? 'Результаты' : 'Performance' })).toBeVisible();
    const ratio = page.getByTestId('chart-ratio');
    await expect(ratio).toContainText(language === 'ru' ? 'Каждое видео против вашего обычного' : 'Each video against your usual');
    await expect(ratio.locator('.recharts-bar-rectangle')).toHaveCount(4);
    await expect(ratio.locator('.recharts-reference-line')).toHaveCount(1);
    await expect(page.getByTestId('chart-predicted')).toContainText(language === 'ru' ? 'Оценок пока нет' : 'No predicted scores yet');
    await expect(page.getByTestId('advice')).toContainText(language === 'ru' ? 'Для следующего сценария' : 'For your next script');
    await page.screenshot({ path: `test-results/screens/performance-dashboard-${language}.png`, fullPage: true });
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the dashboard fits the screen', async ({ page }) => {
    await registerNewUser(page);
    await history(page, [500, 900, 1200]);
    await page.goto('/performance');
    const chart = page.getByTestId('chart-ratio');
    await expect(chart.locator('.recharts-bar-rectangle')).toHaveCount(3);
    const box = await chart.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: 'test-results/screens/performance-dashboard-phone.png', fullPage: true });
  });
});
