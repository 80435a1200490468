import { expect, test, type Page } from '@playwright/test';
import { createProject, openAdvanced, registerNewUser, saveStepJson } from './support/app.ts';

const editor = (page: Page) => page.getByTestId('step-editor');
const save = (page: Page) => page.getByRole('button', { name: 'Save', exact: true }).click();

test('two tabs editing one step get a conflict message instead of a silent overwrite', async ({ page: first, context }) => {
  await registerNewUser(first);
  await createProject(first, 'Two tabs');
  await saveStepJson(first, { idea: 'original' });

  const second = await context.newPage();
  await second.goto(first.url());
  await openAdvanced(second);
  await expect(editor(second)).toHaveValue(/"original"/);

  // Both tabs start from version 1; the second one edits, the first one saves first.
  await editor(second).fill(JSON.stringify({ idea: 'from the second tab' }));
  await first.bringToFront();
  await saveStepJson(first, { idea: 'from the first tab' });

  await second.bringToFront();
  await save(second);
  const conflict = second.getByTestId('conflict-notice');
  await expect(conflict).toContainText('changed in another tab or by someone else');
  await expect(second.getByText(/^Saved as version/)).toHaveCount(0);
  await conflict.getByText('Their version', { exact: true }).click();
  await expect(conflict).toContainText('from the first tab');
  // Nothing was overwritten: the stored data is still the first tab's.
  await expect(second.getByTestId('step-data-view')).toContainText('from the first tab');
  await expect(editor(second)).toHaveValue(/from the second tab/);

  // The second tab chooses to overwrite; the first tab then sees the result after a reload.
  await conflict.getByRole('button', { name: 'Overwrite with mine' }).click();
  await expect(second.getByTestId('conflict-notice')).toHaveCount(0);
  await expect(second.getByText('Saved as version 3.')).toBeVisible();
  await first.bringToFront();
  await first.reload();
  await openAdvanced(first);
  await expect(first.getByTestId('step-data-view')).toContainText('from the second tab');

  // And the other way round: the first tab, now behind, reloads the other version instead.
  await editor(first).fill(JSON.stringify({ idea: 'stale edit in the first tab' }));
  await editor(second).fill(JSON.stringify({ idea: 'second tab again' }));
  await save(second);
  await expect(second.getByText('Saved as version 4.')).toBeVisible();
  await save(first);
  await expect(first.getByTestId('conflict-notice')).toBeVisible();
  await first.getByRole('button', { name: 'Reload their version' }).click();
  await expect(first.getByTestId('conflict-notice')).toHaveCount(0);
  await expect(editor(first)).toHaveValue(/second tab again/);
});
