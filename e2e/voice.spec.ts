import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { createProject, registerNewUser, stageHeading, stageLink } from './support/app.ts';
import { projectAtStage4, sceneText } from './support/voice.ts';

const SCENES = [
  { id: 'hook', text: 'Why does the sea rise twice a day?', role: 'hook' },
  { id: 'body', text: 'The moon pulls the water toward it, and the earth turns underneath.', role: 'body' },
  { id: 'cta', text: 'Follow for more ocean facts.', role: 'cta' },
];

test('generates the narration in the browser and lights up each word as it is heard', async ({ page }) => {
  // Two narrations on a shared two-core machine.
  test.setTimeout(150_000);
  await registerNewUser(page);
  const projectId = await createProject(page, 'Narrated tides');
  await projectAtStage4(page, projectId, SCENES);
  await page.goto(`/projects/${projectId}/stage/4`);
  await expect(stageHeading(page, 'Voice')).toBeVisible();
  await expect(sceneText(page, 2)).toHaveValue(SCENES[1]!.text);

  const voice = page.getByRole('combobox', { name: 'Voice', exact: true });
  await expect(voice).toHaveValue('en-us');
  await voice.selectOption({ label: 'English (US), female' });
  await page.getByRole('button', { name: 'Generate narration' }).click();
  await expect(page.getByTestId('narration-progress')).toBeVisible();
  await expect(page.getByTestId('narration-progress')).toContainText(/Voicing scene \d of 3|Evening out|Joining|Writing|Saving/);
  const listen = page.getByTestId('listen-panel');
  await expect(listen).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('narration-status')).toHaveText('The narration matches the script.');
  await expect(page.getByTestId('transcript')).toContainText('underneath.');

  await listen.getByRole('button', { name: 'Play', exact: true }).click();
  const seen = new Set<string>();
  await expect
    .poll(
      async () => {
        const word = page.getByTestId('current-word');
        if ((await word.count()) > 0) seen.add((await word.first().textContent()) ?? '');
        return seen.size;
      },
      { timeout: 20_000, intervals: [100] },
    )
    .toBeGreaterThanOrEqual(3);
  expect([...seen].every((word) => SCENES.some((s) => s.text.includes(word)))).toBe(true);

  // Editing a scene marks it, and only it is voiced again.
  await listen.getByRole('button', { name: /Pause|Play/ }).first().click();
  await sceneText(page, 3).fill('Follow us for more ocean facts every week.');
  await expect(page.getByText('Changed since the narration', { exact: true })).toHaveCount(1);
  await page.getByRole('button', { name: 'Update narration (1 scene changed)' }).click();
  await expect(page.getByTestId('transcript')).toContainText('every week.', { timeout: 60_000 });
  await expect(page.getByTestId('narration-status')).toHaveText('The narration matches the script.');
  await page.reload();
  await expect(sceneText(page, 3)).toHaveValue('Follow us for more ocean facts every week.');
  await expect(page.getByTestId('transcript')).toContainText('every week.');
});

test('takes an own recording of the whole script, with scene boundaries that can be dragged', async ({ page }, testInfo) => {
  await registerNewUser(page);
  const projectId = await createProject(page, 'Own voice');
  await projectAtStage4(page, projectId, SCENES);
  await page.goto(`/projects/${projectId}/stage/4`);
  await page.getByRole('button', { name: 'My own voice' }).click();

  const file = testInfo.outputPath('my-voice.wav');
  const spoken = SCENES.map((s) => s.text).join(' [[ ]] ');
  execFileSync('espeak-ng', ['-v', 'en-us', '-w', file, spoken]);
  await page.getByLabel('Upload a recording').setInputFiles(file);
  const listen = page.getByTestId('listen-panel');
  await expect(listen).toBeVisible({ timeout: 30_000 });
  await expect(listen).toContainText('Your recording');

  const boundary = page.getByTestId('boundary-2');
  const before = Number(await boundary.getAttribute('aria-valuenow'));
  await boundary.scrollIntoViewIfNeeded();
  const box = (await boundary.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => Number(await boundary.getAttribute('aria-valuenow'))).toBeGreaterThan(before);
  const moved = Number(await boundary.getAttribute('aria-valuenow'));
  await expect(page.getByText('Saving the scene boundaries…')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('boundary-2')).toHaveAttribute('aria-valuenow', String(moved));

  // The keyboard moves it too, in 50 ms steps.
  await page.getByTestId('boundary-2').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('boundary-2')).toHaveAttribute('aria-valuenow', String(Math.round((moved - 0.05) * 1000) / 1000));
  await stageLink(page, 3).click();
  await stageLink(page, 4).click();
  await expect(page.getByTestId('boundary-2')).toHaveAttribute('aria-valuenow', String(Math.round((moved - 0.05) * 1000) / 1000));
});
