import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { createProject, registerNewUser } from './support/app.ts';
import { expectNoEnglishInterface } from './support/russian-screen.ts';
import { stepsApi } from './support/voice.ts';

/** A 640x360 picture of one colour, uploaded as an image asset of the project. */
async function uploadPicture(page: Page, projectId: string): Promise<string> {
  const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#1d8a6b' } }).png().toBuffer();
  const response = await page.request.post(`/api/projects/${projectId}/assets?kind=image`, { multipart: { file: { name: 'picture.png', mimeType: 'image/png', buffer: png } } });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { id: string }).id;
}

test('the projects page shows work: thumbnail, stages done, video ready or outdated; search and filters', async ({ page }) => {
  await registerNewUser(page);
  const tides = await createProject(page, 'Приливы и отливы');
  await page.getByRole('link', { name: 'All projects' }).click();
  await createProject(page, 'Заметки о вулканах');

  // The first project as a render leaves it: stages 1-3 and 6 done, 4 skipped, a video with its thumbnail.
  const api = stepsApi(page, tides);
  const done = { completedAt: new Date().toISOString() };
  const picture = await uploadPicture(page, tides);
  await api.save(1, { sourceType: 'idea', idea: 'Почему на море бывают приливы', format: 'news', language: 'ru' }, done);
  await api.moveTo(2);
  await api.save(2, { title: 'Приливы', text: 'Луна притягивает море.' }, done);
  await api.moveTo(3);
  await api.save(3, { finalScript: { scenes: [{ id: 's1', text: 'The moon pulls the sea.' }] } }, done);
  await api.moveTo(4);
  await api.save(4, {}, { skipReason: 'own video' });
  await api.save(6, { scenes: [{ sceneId: 's1', visual: { kind: 'image', assetId: picture } }] }, done);
  await api.save(7, { outputs: { videoAssetId: randomUUID(), thumbnailAssetId: picture } });

  await page.getByRole('link', { name: 'All projects' }).click();
  const card = page.getByRole('listitem', { name: 'Приливы и отливы' });
  await expect(card.getByTestId('stages-done')).toHaveText('5 of 8 stages done');
  await expect(card.getByTestId('project-work')).toHaveText('Video ready');
  const thumbnail = card.getByTestId('project-thumb').locator('img');
  await expect(thumbnail).toHaveAttribute('src', `/api/assets/${picture}/content`);
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
  const other = page.getByRole('listitem', { name: 'Заметки о вулканах' });
  await expect(other.getByTestId('stages-done')).toHaveText('0 of 8 stages done');
  await expect(other.getByTestId('project-work')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/projects-page-en.png', fullPage: true });

  // The script changes after the render: the video is outdated.
  await api.save(3, { finalScript: { scenes: [{ id: 's1', text: 'Новый сценарий о приливах.' }] } }, done);
  await page.reload();
  await expect(card.getByTestId('project-work')).toHaveText('Video outdated');

  await page.getByRole('group', { name: 'Video' }).getByRole('button', { name: 'Video outdated' }).click();
  await expect(page.getByTestId('project-card')).toHaveCount(1);
  await expect(page).toHaveURL(/work=outdated/);
  await page.getByRole('group', { name: 'Video' }).getByRole('button', { name: 'All' }).click();
  await page.getByRole('searchbox', { name: 'Search projects' }).fill('вулк');
  await expect(page.getByTestId('project-card')).toHaveCount(1);
  await expect(page.getByTestId('project-card')).toContainText('Заметки о вулканах');
  await page.getByRole('searchbox', { name: 'Search projects' }).fill('nothing like this');
  await expect(page.getByText('No projects match this search or filter.')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search projects' }).fill('');
  await expect(page.getByTestId('project-card')).toHaveCount(2);

  await page.getByRole('button', { name: /RU/ }).click();
  await expect(card.getByTestId('stages-done')).toHaveText('Готово этапов: 5 из 8');
  await expect(card.getByTestId('project-work')).toHaveText('Видео устарело');
  await page.screenshot({ path: 'test-results/screens/projects-page-ru.png', fullPage: true });
  await expectNoEnglishInterface(page);
});
