import { expect, test } from '@playwright/test';
import { registerNewUser } from './support/app.ts';

test('the API docs open from the app menu and show an example request and response for every route', async ({ page, context }) => {
  await registerNewUser(page);
  const opened = context.waitForEvent('page');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'API', exact: true }).click();
  const docs = await opened;
  await expect(docs).toHaveURL(/\/api\/docs$/);
  const routes = docs.locator('details');
  await expect(routes.first()).toBeVisible();
  const count = await routes.count();
  expect(count).toBeGreaterThan(70);
  await expect(docs.getByText('Example request', { exact: true })).toHaveCount(count);
  await expect(docs.getByText('Example response', { exact: true })).toHaveCount(count);

  const create = routes.filter({ hasText: 'Create a project' });
  await create.locator('summary').click();
  await expect(create).toContainText('POST /api/projects');
  await expect(create).toContainText('"title": "Eastbrook gets its tram line back"');
  await expect(create).toContainText('201 application/json');
  const steps = routes.filter({ has: docs.locator('code', { hasText: /^\/api\/projects\/\{id\}\/steps\/\{stepNumber\}$/ }) }).first();
  await steps.locator('summary').click();
  await expect(steps).toContainText('GET /api/projects/0b6f3c1e-8d2a-4f7b-9c55-31e2a4d6f801/steps/1');
  await docs.screenshot({ path: 'test-results/screens/api-docs.png' });
});
