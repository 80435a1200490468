import { expect, test, type Page } from '@playwright/test';
import { type NewsSite, startNewsSite } from '../server/modules/news/testing/news-site.ts';
import { createProject, registerNewUser, stageHeading, stageLink } from './support/app.ts';

let site: NewsSite;
test.beforeAll(async () => {
  site = await startNewsSite({ port: Number(process.env.E2E_NEWS_PORT) });
});
test.afterAll(async () => {
  await site.close();
});

const scenes = (page: Page) => page.locator('[data-testid^="scene-s"]');

/** The texts of every variant of every scene, to tell whether anything was regenerated. */
const variantTexts = (page: Page) => page.locator('.variant__text').allTextContents();

async function scriptJobs(page: Page, projectId: string): Promise<number> {
  const jobs = (await (await page.request.get(`/api/projects/${projectId}/jobs`)).json()) as { name: string }[];
  return jobs.filter((j) => j.name === 'script.generate').length;
}

async function waitForScript(page: Page) {
  await expect(scenes(page).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('job-progress')).toHaveCount(0);
}

test('idea → script → a variant in every scene → continue; a reload and a visit to stage 2 change nothing', async ({ page }) => {
  await registerNewUser(page);
  const projectId = await createProject(page, 'Tides');

  await page.getByLabel('Your idea').fill('Why the moon makes two tides a day, explained with a bucket of water and a torch.');
  await expect(page.getByTestId('language-hint')).toHaveText('Proposed from the text; change it if it is wrong.');
  await page.getByLabel('Format', { exact: true }).selectOption('explainer');
  await expect(page.getByLabel('Length in seconds')).toHaveValue('55');
  await page.getByLabel('Length in seconds').fill('45');
  await page.getByRole('button', { name: 'Use this source →' }).click();

  await expect(stageHeading(page, 'Content & analysis')).toBeVisible();
  await expect(page.getByLabel(/^Text/)).toHaveValue(/two tides a day/);
  await expect(page.getByTestId('analysis-score')).toHaveText(/^\d+\/ 100$/);
  await expect(page.getByTestId('content-stats')).toContainText('your video: Explainer, 45 s');
  await page.getByRole('button', { name: 'Write the script →' }).click();

  await expect(stageHeading(page, 'Script')).toBeVisible();
  await waitForScript(page);
  // An idea alone: the offline writer marks places to fill in and points to the providers page.
  await expect(page.getByTestId('fill-in-hint')).toContainText('Places to fill in');
  await expect(page.getByTestId('fill-in-hint').getByRole('link', { name: 'Connect an LLM' })).toHaveAttribute('href', '/settings/providers');
  const count = await scenes(page).count();
  expect(count).toBeGreaterThanOrEqual(3);
  // The best-scored variant of every scene is preselected: the script can be taken as it is.
  await expect(page.locator('.variant[data-selected]')).toHaveCount(count);
  await expect(page.getByRole('button', { name: 'Continue with this script →' })).toBeEnabled();
  for (let i = 0; i < count; i++) {
    const scene = scenes(page).nth(i);
    expect(await scene.getByRole('radio').count()).toBeGreaterThanOrEqual(4);
    await scene.getByRole('radio').nth(i % 3).check();
  }
  await expect(page.getByTestId('script-totals')).toContainText(`${count} of ${count} scenes chosen`);
  await expect(page.getByText('All choices saved')).toBeVisible();
  const picked = await page.locator('.variant[data-selected] .variant__text').allTextContents();
  expect(picked).toHaveLength(count);
  const before = await variantTexts(page);

  await page.getByRole('button', { name: 'Continue with this script →' }).click();
  await expect(stageHeading(page, 'Voice')).toBeVisible();

  await stageLink(page, 3).click();
  await page.reload();
  await expect(stageHeading(page, 'Script')).toBeVisible();
  await expect(scenes(page)).toHaveCount(count);
  expect(await page.locator('.variant[data-selected] .variant__text').allTextContents()).toEqual(picked);
  await expect(page.getByTestId('script-version-1')).toContainText('Current');
  await expect(page.getByTestId('stage-status')).toHaveText(/^Completed on /);
  const steps = (await (await page.request.get(`/api/projects/${projectId}/steps`)).json()) as { stepNumber: number; data: { finalScript?: { scenes: { text: string }[] } } }[];
  expect(steps.find((s) => s.stepNumber === 3)!.data.finalScript!.scenes.map((s) => s.text)).toEqual(picked);

  await stageLink(page, 2).click();
  await expect(stageHeading(page, 'Content & analysis')).toBeVisible();
  await page.getByRole('button', { name: 'Go to the script →' }).click();
  await expect(stageHeading(page, 'Script')).toBeVisible();
  await expect(scenes(page)).toHaveCount(count);
  expect(await variantTexts(page)).toEqual(before);
  expect(await page.locator('.variant[data-selected] .variant__text').allTextContents()).toEqual(picked);
  expect(await scriptJobs(page, projectId)).toBe(1);
});

test('regenerating one scene leaves the others as they were; own text counts as a choice', async ({ page }) => {
  await registerNewUser(page);
  const projectId = await createProject(page, 'Tram');
  await page.getByRole('button', { name: 'Own text' }).click();
  await page.getByLabel('Your text').fill(site.stories[0]!.paragraphs.slice(0, 8).join('\n\n'));
  await expect(page.getByTestId('text-counter')).toHaveText(/ of 200,000 · \d+ words$/);
  await page.getByRole('button', { name: 'Use this source →' }).click();
  await page.getByRole('button', { name: 'Write the script →' }).click();
  await waitForScript(page);

  const second = scenes(page).nth(1);
  // A variant other than the preselected one, so the pick is the author's and is stored.
  await second.getByRole('radio', { checked: false }).first().check();
  const others = async () => {
    const texts: string[][] = [];
    for (let i = 0; i < (await scenes(page).count()); i++) if (i !== 1) texts.push(await scenes(page).nth(i).locator('.variant__text').allTextContents());
    return texts;
  };
  const othersBefore = await others();
  const secondBefore = await second.locator('.variant__text').allTextContents();
  const pickedText = (await second.locator('.variant[data-selected] .variant__text').textContent())!;

  await second.getByRole('button', { name: 'New variants' }).click();
  await expect(second.getByRole('radio')).toHaveCount(secondBefore.length + 1, { timeout: 30_000 });
  const secondAfter = await second.locator('.variant__text').allTextContents();
  expect(secondAfter[0]).toBe(pickedText);
  expect(secondAfter.slice(1, -1).filter((text) => secondBefore.includes(text))).toEqual([]);
  await expect(second.locator('.variant[data-selected] .variant__text')).toHaveText(pickedText);
  expect(await others()).toEqual(othersBefore);
  expect(await scriptJobs(page, projectId)).toBe(2);

  const first = scenes(page).first();
  // Centred first: at the top of the page the sticky bar would be over it.
  await first.getByRole('radio', { name: 'Write my own' }).evaluate((radio) => radio.scrollIntoView({ block: 'center' }));
  await first.getByRole('radio', { name: 'Write my own' }).check();
  await first.getByLabel('Your text for this scene').fill('Forty years, three referendums, one tram.');
  // 6 words at the English speaking rate (2.7 words per second).
  await expect(first.getByTestId('scene-total')).toHaveText(/^6 words · 2\.2 s$/);
});

test('an article URL from a local site is imported with its text, images and analysis', async ({ page }) => {
  await registerNewUser(page);
  await createProject(page, 'From a link');
  await page.getByRole('button', { name: 'Article link' }).click();
  await page.getByLabel('Article address').fill(site.articleUrl('octopus-sleep'));
  await page.getByRole('button', { name: 'Fetch the article' }).click();
  const preview = page.getByTestId('article-preview');
  await expect(preview).toContainText('Do octopuses dream?');
  await expect(preview).toContainText('Eastbrook Courier · Daniel Osei');
  await expect(page.getByTestId('language-hint')).toHaveText('Proposed from the text; change it if it is wrong.');
  await page.getByRole('button', { name: 'Use this source →' }).click();

  await expect(stageHeading(page, 'Content & analysis')).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('Do octopuses dream? Scientists record two stages of sleep in 30 animals');
  await expect(page.getByLabel(/^Text/)).toHaveValue(/Lisbon Ocean Institute/);
  await expect(page.getByLabel(/^Text/)).not.toHaveValue(/Advertisement/);
  await expect(page.getByTestId('key-facts')).toContainText('30 animals');
  await expect(page.getByTestId('analysis-verdict')).not.toBeEmpty();

  await page.getByLabel(/^Text/).fill('Octopuses sleep in two stages. In active sleep they flash colours, and 30 animals were filmed for 14 nights.');
  await expect(page.getByText('The text has changed since this analysis')).toBeVisible();
  await page.getByRole('button', { name: 'Save and analyse again' }).click();
  await expect(page.getByText('The text has changed since this analysis')).toHaveCount(0);
  await expect(page.getByTestId('content-stats')).toContainText('19 words');

  // A refused address is explained, not swallowed.
  await stageLink(page, 1).click();
  await page.getByRole('button', { name: 'Article link' }).click();
  await page.getByLabel('Article address').fill('http://169.254.169.254/latest/meta-data');
  await page.getByRole('button', { name: 'Fetch the article' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The article could not be imported' })).toContainText('cloud metadata endpoint');
});

test('a feed from a local site: added through its home page, filtered, read, and made into a project', async ({ page }) => {
  await registerNewUser(page);
  await page.goto('/news');
  await expect(page.getByRole('heading', { level: 1, name: 'News' })).toBeVisible();
  await page.getByLabel('Feed address (or a site that links to one)').fill(site.homeUrl);
  await page.getByRole('button', { name: 'Add feed' }).click();
  await page.getByRole('button', { name: `Add ${site.feedUrl}` }).click();
  await expect(page.getByTestId('feed')).toContainText('Eastbrook Courier');
  await expect(page.getByTestId('feed-status')).toContainText(`${site.stories.length} stories`);
  await expect(page.getByTestId('news-item')).toHaveCount(site.stories.length);

  await page.getByRole('button', { name: 'Low', exact: true }).click();
  await expect(page.getByTestId('news-item')).toHaveCount(1);
  await expect(page.getByTestId('news-item')).toContainText('Planning committee minutes published');
  await page.getByRole('button', { name: 'All', exact: true }).click();
  await page.getByLabel('Search').fill('octopus');
  await expect(page.getByTestId('news-item')).toHaveCount(1);
  await page.getByLabel('Search').fill('');
  await page.getByLabel('Published', { exact: true }).selectOption('24h');
  await expect(page.getByTestId('news-item')).toHaveCount(2);
  await page.getByLabel('Published', { exact: true }).selectOption('');

  const library = page.getByTestId('news-item').filter({ hasText: 'Central library reopens' });
  await library.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('news-item')).toHaveCount(site.stories.length - 1);
  const octopus = page.getByTestId('news-item').filter({ hasText: 'Do octopuses dream?' });
  await octopus.getByRole('button', { name: '☆ Favourite' }).click();
  await page.getByLabel('Favourites only').check();
  await expect(page.getByTestId('news-item')).toHaveCount(1);
  await page.getByLabel('Favourites only').uncheck();

  const tram = page.getByTestId('news-item').filter({ hasText: 'Eastbrook approves a 12 km tram line' });
  await tram.getByRole('button', { name: 'Read the article' }).click();
  await expect(tram.getByTestId('news-article')).toContainText('voted 31 to 9 on Tuesday night');
  await tram.getByRole('button', { name: 'Make a video' }).click();
  await expect(stageHeading(page, 'Content & analysis')).toBeVisible();
  await expect(page.getByTestId('project-title')).toHaveText('Eastbrook approves a 12 km tram line after 40 years of debate');
  await expect(page.getByLabel(/^Text/)).toHaveValue(/480 million euros/);
  await expect(page.getByTestId('analysis-score')).toBeVisible();
  await expect(stageLink(page, 1)).toHaveAttribute('data-state', 'done');

  // A story is also a source on stage 1 of any project.
  await page.getByRole('link', { name: 'All projects' }).click();
  await createProject(page, 'Octopus');
  await page.getByRole('button', { name: 'News story' }).click();
  await page.getByLabel('Search your news').fill('octopus');
  await page.getByRole('button', { name: /Do octopuses dream\?/ }).click();
  await expect(page.getByTestId('picked-story')).toContainText('Do octopuses dream?');
  await page.getByRole('button', { name: 'Use this source →' }).click();
  await expect(stageHeading(page, 'Content & analysis')).toBeVisible();
  await expect(page.getByLabel(/^Text/)).toHaveValue(/Lisbon Ocean Institute/);
  await stageLink(page, 1).click();
  await expect(page.getByTestId('picked-story')).toContainText('Do octopuses dream?');
});

test('provider keys are saved, never shown back, and can be removed', async ({ page }) => {
  await registerNewUser(page);
  await page.goto('/settings/providers');
  await expect(page.getByTestId('active-writer')).toContainText('the built-in offline writer');
  const openai = page.getByTestId('provider-openai');
  await openai.getByLabel('API key').fill('sk-test-secret-123');
  await openai.getByLabel('Model').fill('llama3.1');
  await openai.getByRole('button', { name: 'Save' }).click();
  await expect(openai.getByText('Key stored')).toBeVisible();
  await expect(openai.getByLabel('API key')).toHaveValue('');
  await page.reload();
  await expect(page.getByTestId('provider-openai').getByText('Key stored')).toBeVisible();
  expect(await page.content()).not.toContain('sk-test-secret-123');
  await page.getByTestId('provider-openai').getByRole('button', { name: 'Remove the key' }).click();
  await expect(page.getByTestId('provider-openai').getByText('Key stored')).toHaveCount(0);
});
