import { describe, expect, it } from 'vitest';
import { DEFAULT_TITLE_WORDS, isDefaultTitle, serverDefaultTitle } from '../../../../contracts/default-title.ts';
import { en } from '../../i18n/en.ts';
import { translate } from '../../i18n/i18n.tsx';
import { ru } from '../../i18n/ru.ts';

/** The title CreateProjectForm gives a project left without one, as the browser formats its date. */
const webTitle = (language: 'en' | 'ru', at: Date) =>
  translate(language === 'en' ? en : ru, 'projects.untitled', { date: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(at) }, language);

describe('default project titles', () => {
  const at = new Date('2026-12-03T09:05:00Z');

  it("the web app's default in each language starts with the words the server looks for, and is recognised", () => {
    for (const language of ['en', 'ru'] as const) {
      const title = webTitle(language, at);
      expect(title.startsWith(DEFAULT_TITLE_WORDS[language]), title).toBe(true);
      expect(isDefaultTitle(title), title).toBe(true);
    }
  });

  it("recognises the server's own default, and not titles an author chose", () => {
    expect(isDefaultTitle(serverDefaultTitle('en', at))).toBe(true);
    expect(isDefaultTitle(serverDefaultTitle('ru', at))).toBe(true);
    for (const title of ['Tides', 'Untitled video ideas for a cat channel', 'Видео без названия', 'My untitled video, 3 Dec 2026']) expect(isDefaultTitle(title), title).toBe(false);
  });
});
