import { expect, test, type Page } from '@playwright/test';
import { en } from '../web/src/i18n/en.ts';
import { ru } from '../web/src/i18n/ru.ts';
import { createProject, registerNewUser } from './support/app.ts';
import { holdNextWrite, savedBy } from './support/conflict.ts';
import { expectNoEnglishInterface } from './support/russian-screen.ts';
import { stepsApi } from './support/voice.ts';

type Language = 'en' | 'ru';
const WORDS = {
  en: ['The tide comes in twice a day.', 'The moon pulls the sea towards it.', 'Watch the beach at noon and at night.'],
  ru: ['Прилив приходит дважды в день.', 'Луна тянет море к себе.', 'Посмотрите на пляж в полдень и ночью.'],
};
const scenesOf = (language: Language) => WORDS[language].map((text, i) => ({ id: `s${i + 1}`, text }));
const catalogue = (language: Language) => (language === 'en' ? en : ru);
const sceneLabel = (language: Language, n: number) => catalogue(language)['conflict.scene'].replace('{n}', String(n));

/** A new project in the given language with a final script of three scenes, copied into stage 4. */
async function projectWithScript(page: Page, language: Language) {
  await registerNewUser(page);
  const projectId = await createProject(page, language === 'ru' ? 'Приливы' : 'Tides');
  if (language === 'ru') await page.getByRole('button', { name: /RU/ }).click();
  const api = stepsApi(page, projectId);
  const done = { completedAt: new Date().toISOString() };
  await api.save(1, { sourceType: 'idea', idea: WORDS[language].join(' '), format: 'news', language, targetDurationSec: 20 }, done);
  await api.moveTo(2);
  await api.save(2, { title: language === 'ru' ? 'Приливы' : 'Tides', text: WORDS[language].join(' ') }, done);
  await api.moveTo(3);
  const step3 = await api.save(3, { finalScript: { scenes: scenesOf(language) } }, done);
  await api.moveTo(4);
  const script = { scenes: scenesOf(language), sourceVersion: step3.version, base: scenesOf(language) };
  const copied = await page.request.patch(`/api/projects/${projectId}/steps/4`, { data: { data: { script }, derivedFrom: { '3': step3.version } } });
  expect(copied.ok()).toBe(true);
  return { projectId, api };
}

/** Two tabs of one account on one stage; the first one gets the dialog. */
async function twoTabs(first: Page, projectId: string, stage: number) {
  const path = `/projects/${projectId}/stage/${stage}`;
  await first.goto(path);
  const second = await first.context().newPage();
  await second.goto(path);
  return second;
}

for (const language of ['en', 'ru'] as const) {
  test(`stage 4: two tabs editing the script's scenes get the conflict dialog and merge (${language})`, async ({ page: first }) => {
    const t = catalogue(language);
    const { projectId, api } = await projectWithScript(first, language);
    const second = await twoTabs(first, projectId, 4);
    const text = (page: Page, n: number) => page.getByRole('textbox', { name: t['voice.script.textLabel'].replace('{n}', String(n)), exact: true });
    await expect(text(first, 1)).toHaveValue(WORDS[language][0]!);
    await expect(text(second, 2)).toHaveValue(WORDS[language][1]!);
    const mine = language === 'ru' ? 'Прилив приходит дважды в сутки.' : 'The tide comes in twice every day.';
    const theirs = language === 'ru' ? 'Луна притягивает море.' : 'The moon pulls the water.';

    // The first tab's save leaves on version 1 and is held until the second tab's save is stored.
    const release = await holdNextWrite(first, `**/api/projects/${projectId}/steps/4`);
    await first.bringToFront();
    const sent = first.waitForRequest((r) => r.url().endsWith('/steps/4') && r.method() === 'PATCH');
    await text(first, 1).fill(mine);
    await sent;
    await second.bringToFront();
    const secondSaved = savedBy(second, '/steps/4');
    await text(second, 2).fill(theirs);
    await secondSaved;
    await first.bringToFront();
    await release();

    const dialog = first.getByTestId('conflict-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('conflict-changes')).toContainText(t['conflict.changedHere'].replace('{list}', sceneLabel(language, 1)));
    await expect(dialog.getByTestId('conflict-changes')).toContainText(t['conflict.changedThere'].replace('{list}', sceneLabel(language, 2)));
    await first.screenshot({ path: `test-results/screens/conflict-dialog-stage4-${language}.png` });
    if (language === 'ru') await expectNoEnglishInterface(first);
    const merged = savedBy(first, '/steps/4');
    await dialog.getByRole('button', { name: t['conflict.merge'] }).click();
    await merged;
    await expect(dialog).toHaveCount(0);
    const stored = ((await api.step(4)).data.script as { scenes: { id: string; text: string }[] }).scenes.map((s) => s.text);
    expect(stored).toEqual([mine, theirs, WORDS[language][2]]);
    await expect(text(first, 2)).toHaveValue(theirs);
  });

  test(`stage 6: a storyboard change made on an older version opens the conflict dialog instead of overwriting (${language})`, async ({ page: first }) => {
    const t = catalogue(language);
    const { projectId, api } = await projectWithScript(first, language);
    for (const stage of [4, 5]) expect((await first.request.post(`/api/projects/${projectId}/steps/${stage}/skip`, { data: {} })).ok()).toBe(true);
    const second = await twoTabs(first, projectId, 6);
    const motion = (page: Page, n: number) => page.getByTestId(`scene-s${n}`).getByLabel(t['storyboard.motion.label']);
    await expect(motion(first, 1)).toBeVisible();
    await expect(motion(second, 1)).toBeVisible();
    const motionOf = async (sceneId: string) => ((await api.step(6)).data.scenes as { sceneId: string; motion?: string }[]).find((s) => s.sceneId === sceneId)?.motion;
    const dialog = first.getByTestId('conflict-dialog');
    const scenesUrl = `**/api/projects/${projectId}/storyboard/scenes/**`;

    // Different scenes: the dialog names both; keeping mine stores mine on top of theirs.
    let release = await holdNextWrite(first, scenesUrl);
    await first.bringToFront();
    await motion(first, 1).selectOption('zoom-in');
    await second.bringToFront();
    let secondSaved = savedBy(second, '/storyboard/scenes/');
    await motion(second, 2).selectOption('zoom-out');
    await secondSaved;
    await first.bringToFront();
    await release();
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(t['conflict.dialogTitle']);
    await expect(dialog.getByTestId('conflict-changes')).toContainText(t['conflict.changedHere'].replace('{list}', sceneLabel(language, 1)));
    await expect(dialog.getByTestId('conflict-changes')).toContainText(t['conflict.changedThere'].replace('{list}', sceneLabel(language, 2)));
    await first.screenshot({ path: `test-results/screens/conflict-dialog-stage6-${language}.png` });
    if (language === 'ru') await expectNoEnglishInterface(first);
    // Nothing of mine was stored by the refused write.
    expect(await motionOf('s1')).toBeUndefined();
    const kept = savedBy(first, '/storyboard/scenes/');
    await dialog.getByRole('button', { name: t['conflict.keepMineOverwrite'] }).click();
    await kept;
    await expect(dialog).toHaveCount(0);
    expect([await motionOf('s1'), await motionOf('s2')]).toEqual(['zoom-in', 'zoom-out']);
    await expect(motion(first, 2)).toHaveValue('zoom-out');

    // The same scene in both tabs: seeing the other change keeps theirs, on screen and stored.
    await second.reload();
    await expect(motion(second, 1)).toHaveValue('zoom-in');
    release = await holdNextWrite(first, scenesUrl);
    await first.bringToFront();
    await motion(first, 3).selectOption('none');
    await second.bringToFront();
    secondSaved = savedBy(second, '/storyboard/scenes/');
    await motion(second, 3).selectOption('zoom-out');
    await secondSaved;
    await first.bringToFront();
    await release();
    await expect(dialog.getByTestId('conflict-changes')).toContainText(t['conflict.changedBothPlain'].replace('{list}', sceneLabel(language, 3)));
    await dialog.getByRole('button', { name: t['conflict.seeOther'] }).click();
    await expect(dialog).toHaveCount(0);
    await expect(motion(first, 3)).toHaveValue('zoom-out');
    expect(await motionOf('s3')).toBe('zoom-out');
  });
}
