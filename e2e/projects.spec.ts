import { expect, test } from '@playwright/test';
import { continueStage, createProject, registerNewUser } from './support/app.ts';

test('projects are renamed in place, deleted, found under recently deleted and restored', async ({ page }) => {
  await registerNewUser(page);
  await createProject(page, 'First draft title');
  await page.getByRole('link', { name: 'All projects' }).click();

  const card = page.getByRole('listitem', { name: 'First draft title' });
  await card.getByRole('button', { name: 'Rename' }).click();
  const titleInput = card.getByRole('textbox', { name: 'Project title' });
  await titleInput.fill('Renamed then cancelled');
  await titleInput.press('Escape');
  await expect(card.getByRole('heading', { name: 'First draft title' })).toBeVisible();

  await card.getByRole('button', { name: 'Rename' }).click();
  await card.getByRole('textbox', { name: 'Project title' }).fill('The real title');
  await card.getByRole('textbox', { name: 'Project title' }).press('Enter');
  const renamed = page.getByRole('listitem', { name: 'The real title' });
  await expect(renamed.getByRole('heading', { name: 'The real title' })).toBeVisible();

  await page.reload();
  await expect(renamed).toBeVisible();

  await renamed.getByRole('button', { name: 'Delete project “The real title”' }).click();
  await expect(page.getByText('“The real title” was moved to recently deleted.')).toBeVisible();
  await expect(page.getByTestId('project-card')).toHaveCount(0);

  await page.getByRole('link', { name: 'Recently deleted' }).click();
  const deleted = page.getByTestId('deleted-project-card').filter({ hasText: 'The real title' });
  await expect(deleted).toContainText(/Deleted for good on /);
  await deleted.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText('“The real title” was restored.')).toBeVisible();
  await expect(page.getByTestId('deleted-project-card')).toHaveCount(0);

  await page.getByRole('link', { name: 'Projects', exact: true }).click();
  await expect(page.getByTestId('project-card').filter({ hasText: 'The real title' })).toBeVisible();
});

test('the status filter shows only projects with that status', async ({ page }) => {
  await registerNewUser(page);
  await createProject(page, 'Still a draft');
  await page.getByRole('link', { name: 'All projects' }).click();
  await createProject(page, 'Moving along');
  await continueStage(page, 2);
  await page.getByRole('link', { name: 'All projects' }).click();

  const filter = page.getByRole('group', { name: 'Status' });
  await expect(page.getByTestId('project-card')).toHaveCount(2);
  await filter.getByRole('button', { name: 'Draft' }).click();
  await expect(page.getByTestId('project-card')).toHaveCount(1);
  await expect(page.getByTestId('project-card')).toContainText('Still a draft');
  await filter.getByRole('button', { name: 'In progress' }).click();
  await expect(page.getByTestId('project-card')).toHaveCount(1);
  await expect(page.getByTestId('project-card')).toContainText('Moving along');
  await filter.getByRole('button', { name: 'Published' }).click();
  await expect(page.getByText('No projects with this status.')).toBeVisible();
  await filter.getByRole('button', { name: 'All' }).click();
  await expect(page.getByTestId('project-card')).toHaveCount(2);
});

test('a double click on "New project" creates one project', async ({ page }) => {
  await registerNewUser(page);
  await page.getByRole('textbox', { name: 'Title (optional)' }).fill('Only once');
  await page.getByRole('button', { name: 'New project' }).dblclick();
  await expect(page).toHaveURL(/\/stage\/1$/);
  await page.getByRole('link', { name: 'All projects' }).click();
  await expect(page.getByTestId('project-card')).toHaveCount(1);
  const projects = (await (await page.request.get('/api/projects')).json()) as unknown[];
  expect(projects).toHaveLength(1);
});
