import { expect, type Page } from '@playwright/test';

let counter = 0;

/** A fresh account for each test, so tests never depend on each other's data. */
export async function registerNewUser(page: Page, name = 'Test Author') {
  const email = `author-${Date.now()}-${process.pid}-${counter++}@example.com`;
  const password = 'correct horse battery staple';
  await page.goto('/register');
  await page.getByLabel('Name (optional)').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Your projects' })).toBeVisible();
  return { email, password };
}

/** Creates a project from the dashboard and waits for its first stage to open. */
export async function createProject(page: Page, title: string) {
  await page.getByRole('textbox', { name: 'Title (optional)' }).fill(title);
  await page.getByRole('button', { name: 'New project' }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}\/stage\/1$/);
  await expect(page.getByTestId('project-title')).toHaveText(title);
  const projectId = /\/projects\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
  return projectId;
}

export const stageHeading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name: new RegExp(`${name}$`) });
export const stageLink = (page: Page, stage: number) => page.getByTestId(`stage-link-${stage}`);

/** Replaces the JSON in the step editor and saves it. */
/** Real stage screens keep the raw step tools in a collapsed "Advanced" section: open it. */
export async function openAdvanced(page: Page) {
  await page.locator('details.stage-advanced > summary, [data-testid="step-editor"]').first().waitFor();
  const collapsed = page.locator('details.stage-advanced:not([open]) > summary');
  if (await collapsed.count()) await collapsed.click();
}

export async function saveStepJson(page: Page, data: Record<string, unknown>) {
  await openAdvanced(page);
  await page.getByTestId('step-editor').fill(JSON.stringify(data, null, 2));
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/^Saved as version \d+\.$/)).toBeVisible();
}

/** Finishes the stage with its one "Continue" (which completes it) and waits for the next stage to open. */
export async function continueStage(page: Page, next: number) {
  await openAdvanced(page);
  await page.getByRole('button', { name: new RegExp(`^Continue to stage ${next}`) }).click();
  await expect(page).toHaveURL(new RegExp(`/stage/${next}$`));
}
