import { expect, test } from '@playwright/test';
import config from '../playwright.config.ts';
import { createProject, registerNewUser } from './support/app.ts';
import { projectAtStage4 } from './support/voice.ts';

// Chromium's fake microphone (a steady beep) stands in for the author's voice; no permission prompt.
const launch = config.use?.launchOptions ?? {};
test.use({ launchOptions: { ...launch, args: [...(launch.args ?? []), '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] } });

test('records each scene in the browser (WebM) and puts the track together once all are recorded', async ({ page }) => {
  await registerNewUser(page);
  const projectId = await createProject(page, 'Recorded voice');
  await projectAtStage4(page, projectId, [
    { id: 'a', text: 'First scene, said out loud.' },
    { id: 'b', text: 'Second scene, said out loud.' },
  ]);
  await page.goto(`/projects/${projectId}/stage/4`);
  await page.getByRole('button', { name: 'My own voice' }).click();
  await page.getByRole('button', { name: 'Scene by scene' }).click();
  await expect(page.getByTestId('own-progress')).toHaveText('0 of 2 scenes recorded');

  for (const [index, id] of ['a', 'b'].entries()) {
    const row = page.locator(`.voice-own-scene[data-scene-id="${id}"]`);
    await row.getByRole('button', { name: 'Record' }).click();
    await expect(row.getByTestId('recorder')).toContainText('Recording…');
    await expect(row.getByTestId('recorder')).toContainText(/Recording… 0:01/);
    await row.getByRole('button', { name: 'Stop' }).click();
    await row.getByRole('button', { name: 'Use this recording' }).click();
    await expect(page.getByTestId('own-progress')).toHaveText(`${index + 1} of 2 scenes recorded`);
    await expect(row).toContainText(/Recorded · \d+\.\d s/);
  }
  const listen = page.getByTestId('listen-panel');
  await expect(listen).toBeVisible();
  await expect(listen).toContainText('Your recording');
  await expect(page.getByTestId('transcript')).toContainText('Second scene, said out loud.');
  // Per-scene recordings fix the boundaries: nothing to drag.
  await expect(page.getByTestId('boundary-2')).toHaveCount(0);
});
