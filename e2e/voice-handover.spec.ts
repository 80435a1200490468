import { expect, test, type Page } from '@playwright/test';
import { createProject, registerNewUser, stageHeading, stageLink } from './support/app.ts';
import { sceneText } from './support/voice.ts';

/** The bug this product was started to fix: stage 4 did not load the script just finished in stage 3. */

const scenes = (page: Page) => page.locator('[data-testid^="scene-s"]');
const pickedTexts = (page: Page) => page.locator('.variant[data-selected] .variant__text').allTextContents();

async function expectScriptInStage4(page: Page, texts: string[]) {
  await expect(stageHeading(page, 'Voice')).toBeVisible();
  for (const [index, text] of texts.entries()) await expect(sceneText(page, index + 1)).toHaveValue(text);
  await expect(page.getByRole('textbox', { name: /^Text of scene/ })).toHaveCount(texts.length);
}

test('stage 4 shows the script just chosen in stage 3, and the new one after a change there, never the old', async ({ page }) => {
  await registerNewUser(page);
  await createProject(page, 'Hand-over');
  await page.getByLabel('Your idea').fill('Why the moon makes two tides a day, explained with a bucket of water and a torch.');
  await page.getByRole('button', { name: 'Use this source →' }).click();
  await expect(stageHeading(page, 'Content & analysis')).toBeVisible();
  await page.getByRole('button', { name: 'Write the script →' }).click();

  await expect(stageHeading(page, 'Script')).toBeVisible();
  await expect(scenes(page).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('job-progress')).toHaveCount(0);
  const count = await scenes(page).count();
  for (let i = 0; i < count; i++) await scenes(page).nth(i).getByRole('radio').first().check();
  await expect(page.getByText('All choices saved')).toBeVisible();
  const first = await pickedTexts(page);
  expect(first).toHaveLength(count);
  await page.getByRole('button', { name: 'Continue with this script →' }).click();

  // Straight from "continue": the script just chosen, scene by scene.
  await expectScriptInStage4(page, first);
  await expect(page.getByTestId('script-changed')).toHaveCount(0);

  // Back to stage 3: another variant for scene 2, continue again.
  await stageLink(page, 3).click();
  await expect(stageHeading(page, 'Script')).toBeVisible();
  const second = scenes(page).nth(1);
  const other = second.locator('.variant:not([data-selected])').first();
  const newText = (await other.locator('.variant__text').textContent())!;
  expect(newText).not.toBe(first[1]);
  await other.getByRole('radio').check();
  await expect(page.getByText('All choices saved')).toBeVisible();
  const changed = await pickedTexts(page);
  expect(changed[1]).toBe(newText);
  await page.getByRole('button', { name: 'Continue with this script →' }).click();
  await expect(stageHeading(page, 'Voice')).toBeVisible();

  // Either the new text directly, or the notice that says what changed (old and new) and reloads it;
  // never the old text presented as the script.
  const notice = page.getByTestId('script-changed');
  const editor = sceneText(page, 2);
  await expect(notice.or(editor).first()).toBeVisible();
  await expect(page.getByText('Loading the latest script…')).toHaveCount(0);
  // Read at once, not retried: the first thing shown must already be right.
  if (!(await notice.isVisible())) expect(await editor.inputValue()).toBe(newText);
  else {
    await expect(notice).toContainText(first[1]!);
    await expect(notice).toContainText(newText);
    await expect(editor).not.toBeEditable();
    await page.getByRole('button', { name: 'Load the new script' }).click();
    await expect(notice).toHaveCount(0);
  }
  await expectScriptInStage4(page, changed);
  await expect(editor).toBeEditable();

  await page.reload();
  await expectScriptInStage4(page, changed);
  await expect(notice).toHaveCount(0);
});
