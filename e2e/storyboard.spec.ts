import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createProject, registerNewUser, stageHeading } from './support/app.ts';
import { centreColour, colourDistance, frameAt, hexToRgb, levelDb } from './support/media-checks.ts';
import { ARTICLE_IMAGE_COLOUR, STOCK_PHOTO, startStoryboardSite } from './support/storyboard-site.ts';
import { animatedGif, musicTone } from './support/storyboard-media.ts';

const SCENES = [
  { id: 'hook', text: 'Why does the sea rise and fall twice every single day?' },
  { id: 'gif', text: 'The moon pulls the oceans toward it, and the water bulges out.' },
  { id: 'stock', text: 'On the far side of the planet a second bulge forms as well.' },
  { id: 'article', text: 'Follow for more science explained in under a minute.' },
];
const GIF_FIRST_COLOUR = '#1f8f3a';
const MUSIC_HZ = 3000;

let site: Awaited<ReturnType<typeof startStoryboardSite>>;
test.beforeAll(async () => {
  site = await startStoryboardSite(Number(process.env.E2E_STOCK_PORT));
});
test.afterAll(async () => {
  await site.close();
});

async function ok(response: Awaited<ReturnType<Page['request']['get']>>) {
  expect(response.ok(), `${response.url()}: ${await response.text()}`).toBe(true);
  return response.json() as Promise<Record<string, unknown>>;
}

/**
 * Stages 1-5 through the API: the article imported from the local site, a script, real narration, no avatar.
 * `stockFilled` marks the automatic stock fill as done, so the scenes stay as the author picks them.
 */
async function projectAtStage6(page: Page, projectId: string, options: { stockFilled: boolean }) {
  const base = `/api/projects/${projectId}`;
  const now = () => new Date().toISOString();
  await ok(await page.request.post(`${base}/source`, { data: { sourceType: 'url', url: `${site.origin}/article.html`, format: 'explainer', language: 'en' } }));
  await ok(await page.request.patch(`${base}/steps/2`, { data: { completedAt: now() } }));
  await ok(await page.request.patch(`${base}/stage`, { data: { stage: 3 } }));
  const step3 = await ok(await page.request.post(`${base}/steps`, { data: { stepNumber: 3, data: { finalScript: { scenes: SCENES } }, completedAt: now() } }));
  await ok(await page.request.patch(`${base}/stage`, { data: { stage: 4 } }));
  await ok(await page.request.patch(`${base}/steps/4`, { data: { data: { script: { scenes: SCENES, sourceVersion: step3.version, base: SCENES } }, derivedFrom: { '3': step3.version } } }));
  const job = await ok(await page.request.post(`${base}/voice/narration`, { data: {} }));
  await expect.poll(async () => (await ok(await page.request.get(`/api/jobs/${String(job.id)}`))).state, { timeout: 60_000 }).toBe('succeeded');
  const step4 = await ok(await page.request.patch(`${base}/steps/4`, { data: { completedAt: now() } }));
  await ok(await page.request.patch(`${base}/stage`, { data: { stage: 5 } }));
  await ok(await page.request.post(`${base}/steps/5/skip`, { data: { reason: 'No avatar' } }));
  if (options.stockFilled) await ok(await page.request.patch(`${base}/steps/6`, { data: { data: { stockFilledAt: now() } } }));
  return (step4.data as { audio: { segments: Array<{ sceneId: string; words: Array<{ start: number; end: number }> }> } }).audio.segments;
}

const scene = (page: Page, id: string) => page.getByTestId(`scene-${id}`);
const visualLabel = (page: Page, id: string) => scene(page, id).getByTestId('scene-visual-label');

async function openPicker(page: Page, id: string, tab: string) {
  const row = scene(page, id);
  if ((await row.getByTestId('visual-editor').count()) === 0) await row.getByTestId('change-visual').click();
  await row.getByRole('tab', { name: tab }).click();
  return row;
}

test('stage 6: a different visual per scene, music and caption colour; the render shows each visual and keeps speech 10 dB above the music', async ({ page }) => {
  test.setTimeout(300_000);
  await registerNewUser(page);
  const projectId = await createProject(page, 'Why tides happen');
  const segments = await projectAtStage6(page, projectId, { stockFilled: true });

  await page.goto(`/projects/${projectId}/stage/6`);
  await expect(stageHeading(page, 'Storyboard')).toBeVisible();
  await expect(page.getByText('Each scene lasts as long as its narration.')).toBeVisible();
  await expect(page.getByTestId('preview-frame')).toBeVisible({ timeout: 30_000 });

  // Scene 1: a generated card in another design and palette.
  let row = await openPicker(page, 'hook', 'Generated card');
  await row.getByTestId('design-waves').click();
  await expect(visualLabel(page, 'hook')).toHaveText('Card · Waves');
  await row.getByRole('button', { name: 'Sunset' }).click();
  await expect(row.getByRole('button', { name: 'Sunset' })).toHaveAttribute('aria-pressed', 'true');

  // Scene 2: own uploads. A text file named .png and a file over 25 MB are refused with the reason; an animated GIF is taken.
  row = await openPicker(page, 'gif', 'My image or clip');
  const input = row.getByTestId('upload-visual');
  await input.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('this is plain text, not a picture') });
  await expect(row.getByRole('alert')).toContainText('must be one of: jpg, png, webp, gif, avif');
  await input.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(26 * 1024 * 1024, 7) });
  await expect(row.getByRole('alert')).toContainText('at most 25 MB');
  await expect(visualLabel(page, 'gif')).toHaveText('Generated card (automatic)');
  await input.setInputFiles({ name: 'waves.gif', mimeType: 'image/gif', buffer: await animatedGif(GIF_FIRST_COLOUR, '#ffffff') });
  await expect(visualLabel(page, 'gif')).toHaveText('Own image waves.gif');

  // Scene 3: stock from the fake Pexels. A failed download says why and keeps the visual; the retry works.
  row = await openPicker(page, 'stock', 'Stock (Pexels)');
  await row.getByRole('textbox', { name: 'Search terms' }).fill('ocean waves');
  await row.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(row.getByTestId('stock-results').getByRole('button')).toHaveCount(2);
  expect(site.pexels.requests.find((r) => r.path === '/v1/search')!.query.get('orientation')).toBe('portrait');
  site.pexels.failNext(503, { error: 'Service Unavailable' });
  await row.getByRole('button', { name: `Photo by ${STOCK_PHOTO.photographer}` }).click();
  await expect(row.getByRole('alert')).toContainText('Pexels failed (HTTP 503); try again later');
  await expect(row.getByText('The scene keeps its current visual')).toBeVisible();
  await expect(visualLabel(page, 'stock')).toHaveText('Generated card (automatic)');
  await row.getByRole('button', { name: `Photo by ${STOCK_PHOTO.photographer}` }).click();
  await expect(visualLabel(page, 'stock')).toHaveText('Stock photo');
  await expect(scene(page, 'stock').getByTestId('stock-attribution')).toContainText(`Photo by ${STOCK_PHOTO.photographer}`);

  // Scene 4: the image of the imported article.
  row = await openPicker(page, 'article', 'Article images');
  await row.getByTestId('article-image').first().click();
  await expect(visualLabel(page, 'article')).toHaveText('Article image');

  // Music under the voice, and a caption colour.
  await page.getByTestId('upload-music').setInputFiles({ name: 'tone.wav', mimeType: 'audio/wav', buffer: await musicTone(40, MUSIC_HZ) });
  await expect(page.getByTestId('music-panel').getByRole('checkbox', { name: 'Lower the music while the voice speaks' })).toBeChecked();
  await page.getByTestId('caption-colour').fill('#ff3366');
  await expect(page.getByTestId('caption-style')).toContainText('#ff3366');
  await expect(page.getByTestId('caption-style').getByText('Saved')).toBeVisible();
  await page.getByRole('button', { name: 'Preview scene 3' }).click();
  await expect(page.getByTestId('preview-frame')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/storyboard-chosen.png', fullPage: true });

  const storyboard = await ok(await page.request.get(`/api/projects/${projectId}/storyboard`));
  expect((storyboard.captionStyle as { colour: string }).colour).toBe('#ff3366');
  const timed = storyboard.scenes as Array<{ sceneId: string; startSec: number; durationSec: number; keywords: string[] }>;

  // Render in stage 7.
  await page.getByRole('button', { name: /^Continue to stage 7/ }).click();
  await expect(stageHeading(page, 'Render & export')).toBeVisible();
  await page.getByRole('radio', { name: 'Draft' }).click();
  await page.getByTestId('render-button').click();
  await expect(page.getByTestId('render-video')).toBeVisible({ timeout: 180_000 });
  const href = (await page.getByTestId('download-video').getAttribute('href'))!;
  const video = join(tmpdir(), `storyboard-e2e-${Date.now()}.mp4`);
  await writeFile(video, await (await page.request.get(href)).body());

  // Each scene's middle shows its visual.
  const middle = (id: string) => {
    const s = timed.find((t) => t.sceneId === id)!;
    return s.startSec + s.durationSec / 2;
  };
  const cardSource = await page.request.get(`/api/storyboard/card-preview?design=waves&palette=sunset&aspect=9:16&width=540&text=${encodeURIComponent(timed[0]!.keywords.join(' '))}`);
  const expected: Array<[string, number[]]> = [
    ['hook', await centreColour(await cardSource.body())],
    ['gif', hexToRgb(GIF_FIRST_COLOUR)],
    ['stock', hexToRgb(STOCK_PHOTO.colour)],
    ['article', hexToRgb(ARTICLE_IMAGE_COLOUR)],
  ];
  for (const [id, colour] of expected) {
    const seen = await centreColour(await frameAt(video, middle(id)));
    expect(colourDistance(seen, colour), `scene ${id}: saw rgb(${seen.map(Math.round).join(',')})`).toBeLessThan(24);
  }

  // While the voice speaks, the music (a 3 kHz tone, measured in a narrow band) stays at least 10 dB under it.
  for (const segment of segments) {
    const start = segment.words[0]!.start;
    const end = segment.words.at(-1)!.end;
    const speech = await levelDb(video, start, end, `bandreject=f=${MUSIC_HZ}:width_type=h:width=300`);
    const music = await levelDb(video, start, end, `bandpass=f=${MUSIC_HZ}:width_type=h:width=40,bandpass=f=${MUSIC_HZ}:width_type=h:width=40`);
    expect(speech - music, `scene ${segment.sceneId}: speech ${speech} dB, music ${music} dB`).toBeGreaterThanOrEqual(10);
  }
  // The music is really there (between and after the words it is not silence).
  expect(await levelDb(video, 0, timed.at(-1)!.startSec + timed.at(-1)!.durationSec, `bandpass=f=${MUSIC_HZ}:width_type=h:width=40`)).toBeGreaterThan(-70);
});

test('stage 6 on its first visit gives scenes without a picture a Pexels photo, once: a scene the author puts back on its card stays a card', async ({ page }) => {
  test.setTimeout(180_000);
  await registerNewUser(page);
  const projectId = await createProject(page, 'Tides, filled');
  await projectAtStage6(page, projectId, { stockFilled: false });
  const searches = () => site.pexels.requests.filter((r) => r.path === '/v1/search').length;
  const before = searches();

  await page.goto(`/projects/${projectId}/stage/6`);
  await expect(page.getByTestId('stock-filled')).toContainText('got a Pexels photo', { timeout: 60_000 });
  const stockScenes = async () => {
    const view = await ok(await page.request.get(`/api/projects/${projectId}/storyboard`));
    return (view.scenes as Array<{ sceneId: string; visual: { kind: string } | null }>).filter((s) => s.visual?.kind === 'stock').map((s) => s.sceneId);
  };
  const filled = await stockScenes();
  expect(filled.length).toBeGreaterThan(0);
  // The closing call to action keeps its card.
  expect(filled).not.toContain('article');
  await expect(visualLabel(page, filled[0]!)).toHaveText('Stock photo');
  await page.screenshot({ path: 'test-results/screens/storyboard-stock-filled.png', fullPage: true });

  // The author puts one scene back on a card; a reload does not search or fill again.
  const row = await openPicker(page, filled[0]!, 'Generated card');
  await row.getByTestId('design-waves').click();
  await expect(visualLabel(page, filled[0]!)).toHaveText('Card · Waves');
  const searched = searches();
  expect(searched).toBeGreaterThan(before);
  await page.reload();
  await expect(stageHeading(page, 'Storyboard')).toBeVisible();
  await expect(visualLabel(page, filled[0]!)).toHaveText('Card · Waves');
  await expect(page.getByTestId('stock-filling')).toHaveCount(0);
  expect(searches()).toBe(searched);
});

test('stage 5 without an avatar provider says so and offers to skip', async ({ page }) => {
  await registerNewUser(page);
  const projectId = await createProject(page, 'No avatar');
  const base = `/api/projects/${projectId}`;
  for (const stage of [1, 2, 3, 4]) {
    await ok(await page.request.post(`${base}/steps`, { data: { stepNumber: stage, data: stage === 3 ? { finalScript: { scenes: SCENES } } : {}, completedAt: new Date().toISOString() } }));
    await ok(await page.request.patch(`${base}/stage`, { data: { stage: stage + 1 } }));
  }
  await page.goto(`/projects/${projectId}/stage/5`);
  await expect(stageHeading(page, 'Avatar')).toBeVisible();
  await expect(page.getByTestId('avatar-not-configured')).toContainText('HeyGen API key');
  await page.screenshot({ path: 'test-results/screens/avatar-not-configured.png', fullPage: true });
  await page.getByRole('textbox', { name: /Reason/ }).fill('No presenter for this one');
  await page.getByRole('button', { name: 'Skip stage' }).click();
  await expect(stageHeading(page, 'Storyboard')).toBeVisible();
  await expect(page.getByTestId('scene-hook')).toBeVisible();
});
