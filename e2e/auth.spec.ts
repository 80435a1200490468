import { expect, test } from '@playwright/test';
import { createProject, openAdvanced, registerNewUser } from './support/app.ts';

test('a visitor without a session is sent to the login page', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('register, sign out, and sign in again', async ({ page }) => {
  const { email, password } = await registerNewUser(page, 'Ada Lovelace');
  await expect(page.getByText('Ada Lovelace')).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);

  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password');

  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Your projects' })).toBeVisible();
});

test('registering a taken email creates nothing and suggests signing in; the same details as the account just sign in', async ({ page }) => {
  const { email, password } = await registerNewUser(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.goto('/register');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('another long password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'No account could be created with these details. If you already have an account with this email, sign in instead.',
  );
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Your projects' })).toBeVisible();
});

test('a request answered 401 leads to the login page, which returns to where the user was', async ({ page, context }) => {
  const { email, password } = await registerNewUser(page);
  await createProject(page, 'Session test');
  const stageUrl = page.url();

  await context.clearCookies();
  await openAdvanced(page);
  await page.getByRole('button', { name: /^Continue to stage 2/ }).click();

  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('Your session has ended. Please sign in again.')).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(stageUrl);
  await expect(page.getByTestId('project-title')).toHaveText('Session test');
});
