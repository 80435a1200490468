import { expect, test } from '@playwright/test';
import { createProject, registerNewUser, stageHeading } from './support/app.ts';

test('a tab learns that another tab changed the stage before its own typing goes over it, and chooses', async ({ page: first, context }) => {
  await registerNewUser(first);
  await createProject(first, 'Two tabs');
  const second = await context.newPage();
  await second.goto(first.url());
  await expect(stageHeading(second, 'Source')).toBeVisible();

  // The first tab types an idea and does not save it yet.
  await first.bringToFront();
  await first.getByLabel('Your idea').fill('Tides explained with a bucket of water');

  // The second tab saves another idea.
  await second.bringToFront();
  await second.getByLabel('Your idea').fill('Why the moon pulls the sea twice a day');
  await second.getByRole('button', { name: 'Use this source →' }).click();
  await expect(stageHeading(second, 'Content & analysis')).toBeVisible();

  // The first tab is told at once, with its own text still there.
  await first.bringToFront();
  const notice = first.getByTestId('changed-elsewhere');
  await expect(notice).toContainText('This stage was just changed in another tab or by someone else');
  await expect(first.getByLabel('Your idea')).toHaveValue('Tides explained with a bucket of water');
  await first.screenshot({ path: 'test-results/screens/changed-elsewhere-en.png', fullPage: true });
  await notice.getByRole('button', { name: 'See the other change' }).click();
  await expect(notice).toHaveCount(0);
  await expect(first.getByLabel('Your idea')).toHaveValue('Why the moon pulls the sea twice a day');

  // Keeping one's own text is the other choice: the notice goes, the typing stays.
  await first.getByLabel('Your idea').fill('My own take on tides');
  const projectId = /\/projects\/([0-9a-f-]{36})\//.exec(first.url())![1]!;
  const written = await second.request.patch(`/api/projects/${projectId}/steps/1`, { data: { data: { idea: 'A third idea from elsewhere' } } });
  expect(written.ok()).toBe(true);
  await first.getByTestId('changed-elsewhere').getByRole('button', { name: 'Keep mine' }).click();
  await expect(first.getByTestId('changed-elsewhere')).toHaveCount(0);
  await expect(first.getByLabel('Your idea')).toHaveValue('My own take on tides');
});
