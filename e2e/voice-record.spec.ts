import { expect, test } from '@playwright/test';
import config from '../playwright.config.ts';
import { registerIn, uiText } from './support/ui-text.ts';
import { projectAtStage4 } from './support/voice.ts';

// Chromium's fake microphone (a steady beep) stands in for the author's voice; no permission prompt.
const launch = config.use?.launchOptions ?? {};
test.use({ launchOptions: { ...launch, args: [...(launch.args ?? []), '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] } });

const SETUPS = [
  { name: 'desktop, English', language: 'en', use: {} },
  { name: 'phone, Russian', language: 'ru', use: { viewport: { width: 390, height: 844 }, locale: 'ru-RU', isMobile: true, hasTouch: true } },
] as const;

for (const setup of SETUPS) {
  test.describe(setup.name, () => {
    test.use(setup.use);

    test('records each scene in the browser (WebM) and puts the track together once all are recorded', async ({ page }) => {
      const t = uiText(setup.language);
      await registerIn(page, setup.language);
      await page.getByRole('textbox', { name: t('projects.createTitlePlaceholder') }).fill('Recorded voice');
      await page.getByRole('button', { name: t('projects.create') }).click();
      await expect(page).toHaveURL(/\/stage\/1$/);
      const projectId = /\/projects\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
      await projectAtStage4(page, projectId, [
        { id: 'a', text: 'First scene, said out loud.' },
        { id: 'b', text: 'Second scene, said out loud.' },
      ]);
      await page.goto(`/projects/${projectId}/stage/4`);
      await page.getByRole('button', { name: t('voice.source.own') }).click();
      await page.getByRole('button', { name: t('voice.own.scenes') }).click();
      await expect(page.getByTestId('own-progress')).toHaveText(t('voice.own.progress', { done: 0, total: 2 }));

      for (const [index, id] of ['a', 'b'].entries()) {
        const row = page.locator(`.voice-own-scene[data-scene-id="${id}"]`);
        await row.getByRole('button', { name: t('voice.record.start') }).click();
        const recording = t('voice.record.recording', { time: '' }).trim();
        await expect(row.getByTestId('recorder')).toContainText(recording);
        await expect(row.getByTestId('recorder')).toContainText(`${recording} 0:01`);
        // The controls fit the screen: nothing of the recorder is cut off on a phone.
        await expect(row.getByRole('button', { name: t('voice.record.stop') })).toBeInViewport();
        await row.getByRole('button', { name: t('voice.record.stop') }).click();
        await row.getByRole('button', { name: t('voice.record.use') }).click();
        await expect(page.getByTestId('own-progress')).toHaveText(t('voice.own.progress', { done: index + 1, total: 2 }), { timeout: 30_000 });
        await expect(row).toContainText(setup.language === 'ru' ? /Записано · \d+,\d с/ : /Recorded · \d+\.\d s/);
      }
      const listen = page.getByTestId('listen-panel');
      await expect(listen).toBeVisible();
      await expect(listen).toContainText(t('voice.listen.ownSource'));
      await expect(page.getByTestId('transcript')).toContainText('Second scene, said out loud.');
      // Per-scene recordings fix the boundaries: nothing to drag.
      await expect(page.getByTestId('boundary-2')).toHaveCount(0);
      await page.screenshot({ path: `test-results/screens/voice-own-${setup.language}-${setup.language === 'ru' ? 'phone' : 'desktop'}.png`, fullPage: true });
    });
  });
}
