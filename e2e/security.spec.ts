import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { createProject, registerNewUser } from './support/app.ts';

/** Every Content-Security-Policy violation the page reports, as "directive blocked-uri". */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

test('the web app works under its Content-Security-Policy', async ({ page }) => {
  const violations = await watchViolations(page);
  const answer = await page.goto('/login');
  expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'");
  await registerNewUser(page);
  const projectId = await createProject(page, 'Under a policy');
  await page.goto(`/projects/${projectId}/stage/6`);
  await expect(page.getByTestId('project-title')).toHaveText('Under a policy');
  expect(violations).toEqual([]);
});

test('the API docs page lists the operations under its own policy', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/api/docs');
  await expect(page.getByRole('heading', { name: 'projects' })).toBeVisible();
  await expect(page.locator('details summary', { hasText: '/api/projects/{id}/steps' }).first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("a user's audio opened directly plays in the browser's player, sandboxed", async ({ page }) => {
  await registerNewUser(page);
  const projectId = await createProject(page, 'Direct file');
  const wav = execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=300:duration=1.5', '-f', 'wav', '-']);
  const uploaded = await page.request.post(`/api/projects/${projectId}/assets?kind=music`, {
    multipart: { file: { name: 'bed.wav', mimeType: 'audio/wav', buffer: wav } },
  });
  expect(uploaded.status()).toBe(201);
  const { url } = (await uploaded.json()) as { url: string };
  const answer = await page.goto(url);
  expect(answer?.headers()['content-security-policy']).toContain('sandbox');
  expect(answer?.headers()['x-content-type-options']).toBe('nosniff');
  await expect.poll(() => page.evaluate(() => document.querySelector<HTMLMediaElement>('video, audio')?.readyState ?? -1)).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.querySelector<HTMLMediaElement>('video, audio')!.duration)).toBeCloseTo(1.5, 1);
});
