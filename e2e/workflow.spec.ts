import { expect, test } from '@playwright/test';
import { continueStage, createProject, openAdvanced, registerNewUser, saveStepJson, stageHeading, stageLink } from './support/app.ts';

const SOURCE = { sourceType: 'idea', idea: 'Why the moon makes two tides a day', format: 'explainer', language: 'en', targetDurationSec: 45 };

test('stages are walked by the rules, and everything is still there after a reload', async ({ page }) => {
  await registerNewUser(page);
  const projectId = await createProject(page, 'Tides explained');

  await expect(stageHeading(page, 'Source')).toBeVisible();
  await expect(page.getByText('Choose where the video starts')).toBeVisible();
  await expect(stageLink(page, 1)).toHaveAttribute('data-state', 'current');
  await expect(stageLink(page, 1)).toContainText('Current');
  await expect(stageLink(page, 2)).toContainText('Locked');

  // Forward is refused by the server while stage 1 is not complete.
  await stageLink(page, 2).click();
  await expect(page.getByTestId('stage-refused')).toContainText('Complete or skip stage 1 before going to stage 2');
  await stageLink(page, 1).click();

  await saveStepJson(page, SOURCE);
  await expect(page.getByTestId('step-data-view')).toContainText('Why the moon makes two tides a day');
  await continueStage(page, 2);
  await expect(stageLink(page, 1)).toContainText('Done');
  await expect(stageLink(page, 2)).toContainText('Current');

  // The next stage stays refused until the current one is finished.
  await stageLink(page, 3).click();
  await expect(page.getByTestId('stage-refused')).toContainText('Complete or skip stage 2 before going to stage 3');
  await stageLink(page, 2).click();

  await expect(stageHeading(page, 'Content & analysis')).toBeVisible();
  await continueStage(page, 3);
  await expect(stageHeading(page, 'Script')).toBeVisible();
  await saveStepJson(page, { finalScript: { scenes: [{ id: '1', text: 'Hook' }], totalWords: 1, duration: 1 } });
  await continueStage(page, 4);
  await expect(stageHeading(page, 'Voice')).toBeVisible();

  // Stage 4 is skipped with a reason; skipping the current stage moves on to 5.
  await page.getByRole('textbox', { name: /Reason/ }).fill('I will record my own voice');
  await page.getByRole('button', { name: 'Skip stage' }).click();
  await expect(stageHeading(page, 'Avatar')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/stage/5$`));
  await expect(stageLink(page, 4)).toContainText('Skipped');
  await expect(stageLink(page, 5)).toContainText('Current');

  // Back to an earlier stage.
  await stageLink(page, 2).click();
  await expect(stageHeading(page, 'Content & analysis')).toBeVisible();
  await expect(stageLink(page, 2)).toContainText('Done · Current');

  await page.reload();
  await expect(stageHeading(page, 'Content & analysis')).toBeVisible();
  const expected = ['done', 'done', 'done', 'skipped', 'reached', 'locked', 'locked', 'locked'];
  for (const [index, state] of expected.entries()) {
    await expect(stageLink(page, index + 1)).toHaveAttribute('data-state', state);
  }
  await expect(stageLink(page, 2)).toContainText('Current');
  await stageLink(page, 1).click();
  await expect(page.getByTestId('step-data-view')).toContainText('Why the moon makes two tides a day');
  await stageLink(page, 4).click();
  await expect(page.getByTestId('stage-status')).toHaveText('Skipped: I will record my own voice');

  // The dashboard card shows where the project is and its summary.
  await page.getByRole('link', { name: 'All projects' }).click();
  const card = page.getByTestId('project-card').filter({ hasText: 'Tides explained' });
  await expect(card).toContainText('Stage 4 of 8: Voice');
  await expect(card).toContainText('Why the moon makes two tides a day');
});

test('a stage built from an older version of its source says so, and can be kept', async ({ page }) => {
  await registerNewUser(page);
  await createProject(page, 'Stale check');
  for (const next of [2, 3]) await continueStage(page, next);
  await saveStepJson(page, { finalScript: { scenes: [{ id: '1', text: 'First script' }] } });
  await continueStage(page, 4);
  // The first visit copies the final script into step 4, recording the step-3 version it came from.
  await expect(page.getByText('First script').first()).toBeVisible();
  await expect(page.getByTestId('script-changed')).toHaveCount(0);

  await stageLink(page, 3).click();
  await saveStepJson(page, { finalScript: { scenes: [{ id: '1', text: 'Second script' }] } });
  await expect(stageLink(page, 4)).toHaveAttribute('data-stale', 'true');
  await expect(stageLink(page, 4)).toContainText('Outdated');

  await stageLink(page, 4).click();
  await expect(page.getByTestId('script-changed')).toContainText('The script changed in stage 3');
  await page.getByRole('button', { name: 'Keep the script here' }).click();
  await expect(page.getByTestId('script-changed')).toHaveCount(0);
  await expect(stageLink(page, 4)).not.toHaveAttribute('data-stale', 'true');
});

test('an unknown project or stage is reported, not shown blank', async ({ page }) => {
  await registerNewUser(page);
  const projectId = await createProject(page, 'Edge cases');
  await page.goto(`/projects/${projectId}/stage/9`);
  await expect(page.getByText('There is no stage 9: stages run from 1 to 8.')).toBeVisible();
  await page.goto('/projects/00000000-0000-4000-8000-000000000000/stage/1');
  await expect(page.getByText('This project does not exist or was deleted.')).toBeVisible();
  await page.goto('/projects/not-a-uuid');
  await expect(page.getByText('This project does not exist or was deleted.')).toBeVisible();
});

test("an unsaved edit on one stage never shows up on another stage's editor", async ({ page }) => {
  await registerNewUser(page);
  await createProject(page, 'Draft isolation');
  await continueStage(page, 2);
  await expect(stageHeading(page, 'Content & analysis')).toBeVisible();

  // Between two stages already reached, the screen changes without a loading state in between.
  await stageLink(page, 1).click();
  await expect(stageHeading(page, 'Source')).toBeVisible();
  await openAdvanced(page);
  await page.getByTestId('step-editor').fill('{"idea": "typed but not saved"}');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await stageLink(page, 2).click();
  await expect(stageHeading(page, 'Content & analysis')).toBeVisible();
  await openAdvanced(page);
  await expect(page.getByTestId('step-editor')).toHaveValue('{}');
  await expect(page.getByText('Unsaved changes')).toHaveCount(0);
});
