import { expect, test, type Page } from '@playwright/test';
import { en } from '../web/src/i18n/en.ts';
import { ru } from '../web/src/i18n/ru.ts';
import { createProject, registerNewUser } from './support/app.ts';
import { holdNextWrite, savedBy as savedByUrl } from './support/conflict.ts';
import { expectNoEnglishInterface } from './support/russian-screen.ts';
import { stepsApi } from './support/voice.ts';

const WORDS = {
  en: ['The tide comes in twice a day', 'The moon pulls the sea towards it', 'Watch the beach at noon and at night'],
  ru: ['Прилив приходит дважды в день', 'Луна тянет море к себе', 'Посмотрите на пляж в полдень и ночью'],
};

/** A generated script of three scenes with three variants each; the first variant scores best. */
function generatedScript(language: 'en' | 'ru') {
  const scenes = WORDS[language].map((line, i) => ({
    id: `s${i + 1}`,
    role: i === 0 ? 'hook' : i === 2 ? 'cta' : 'body',
    targetWords: 8,
    variants: [1, 2, 3].map((v) => ({ id: `s${i + 1}-v${v}`, style: 'plain', text: `${line} (${v}).`, words: 8, seconds: 3, score: 90 - v * 10 })),
  }));
  return { language, format: 'news', targetSec: 20, title: language === 'ru' ? 'Приливы' : 'Tides', scenes, totalWords: 24, totalSeconds: 9, writer: 'offline' };
}

const holdNextSave = (page: Page, projectId: string) => holdNextWrite(page, `**/api/projects/${projectId}/steps/3`);

const pick = (page: Page, scene: number, variant: number, language: 'en' | 'ru') =>
  page.getByTestId(`scene-s${scene}`).getByText(`${WORDS[language][scene - 1]} (${variant}).`).click();

const savedBy = (page: Page) => savedByUrl(page, '/steps/3');

for (const language of ['en', 'ru'] as const) {
  test(`two tabs choosing script variants at once get a dialog: merge, keep mine, see theirs (${language})`, async ({ page: first, context }) => {
    const t = language === 'en' ? en : ru;
    await registerNewUser(first);
    const projectId = await createProject(first, language === 'ru' ? 'Приливы' : 'Tides');
    if (language === 'ru') await first.getByRole('button', { name: /RU/ }).click();
    const api = stepsApi(first, projectId);
    const done = { completedAt: new Date().toISOString() };
    await api.save(1, { sourceType: 'idea', idea: WORDS[language].join('. '), format: 'news', language, targetDurationSec: 20 }, done);
    await api.moveTo(2);
    await api.save(2, { title: language === 'ru' ? 'Приливы' : 'Tides', text: WORDS[language].join('. ') }, done);
    await api.moveTo(3);
    await api.save(3, { generatedVariants: generatedScript(language) });
    const stagePath = `/projects/${projectId}/stage/3`;
    await first.goto(stagePath);
    const second = await context.newPage();
    await second.goto(stagePath);
    await expect(second.getByTestId('scene-s1')).toBeVisible();
    const dialog = first.getByTestId('conflict-dialog');
    const choices = async () => ((await api.step(3)).data.choices ?? {}) as Record<string, { variantId: string | null }>;

    // Scenes changed in one tab only: merging keeps both changes.
    let release = await holdNextSave(first, projectId);
    await first.bringToFront();
    await pick(first, 1, 2, language);
    await second.bringToFront();
    const secondSaved = savedBy(second);
    await pick(second, 3, 2, language);
    await secondSaved;
    await first.bringToFront();
    await release();
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(t['conflict.dialogTitle']);
    await expect(dialog.getByTestId('conflict-changes')).toContainText(t['conflict.changedHere'].replace('{list}', t['conflict.scene'].replace('{n}', '1')));
    await expect(dialog.getByTestId('conflict-changes')).toContainText(t['conflict.changedThere'].replace('{list}', t['conflict.scene'].replace('{n}', '3')));
    await first.screenshot({ path: `test-results/screens/conflict-dialog-${language}.png` });
    if (language === 'ru') await expectNoEnglishInterface(first);
    const merged = savedBy(first);
    await dialog.getByRole('button', { name: t['conflict.merge'] }).click();
    await merged;
    await expect(dialog).toHaveCount(0);
    expect(await choices()).toMatchObject({ s1: { variantId: 's1-v2' }, s3: { variantId: 's3-v2' } });
    await expect(first.getByTestId('scene-s3').getByRole('radio').nth(1)).toBeChecked();

    // The same scene changed in both tabs: keeping mine stores mine over theirs.
    await expect(second.getByTestId('scene-s1').getByRole('radio').nth(1)).toBeChecked();
    release = await holdNextSave(first, projectId);
    await pick(first, 2, 2, language);
    await second.bringToFront();
    const secondAgain = savedBy(second);
    await pick(second, 2, 3, language);
    await secondAgain;
    await first.bringToFront();
    await release();
    await expect(dialog.getByTestId('conflict-changes')).toContainText(t['conflict.changedBoth'].replace('{list}', t['conflict.scene'].replace('{n}', '2')));
    const kept = savedBy(first);
    await dialog.getByRole('button', { name: t['conflict.keepMineOverwrite'] }).click();
    await kept;
    await expect(dialog).toHaveCount(0);
    expect(await choices()).toMatchObject({ s1: { variantId: 's1-v2' }, s2: { variantId: 's2-v2' }, s3: { variantId: 's3-v2' } });

    // Seeing the other change drops this tab's change and shows theirs; nothing of mine is stored.
    await expect(second.getByTestId('scene-s2').getByRole('radio').nth(1)).toBeChecked();
    release = await holdNextSave(first, projectId);
    await pick(first, 1, 3, language);
    await second.bringToFront();
    const secondThird = savedBy(second);
    await pick(second, 3, 3, language);
    await secondThird;
    await first.bringToFront();
    await release();
    await dialog.getByRole('button', { name: t['conflict.seeOther'] }).click();
    await expect(dialog).toHaveCount(0);
    await expect(first.getByTestId('scene-s1').getByRole('radio').nth(1)).toBeChecked();
    await expect(first.getByTestId('scene-s3').getByRole('radio').nth(2)).toBeChecked();
    expect(await choices()).toMatchObject({ s1: { variantId: 's1-v2' }, s3: { variantId: 's3-v3' } });
  });
}
