/**
 * The name a project gets when the author gives none, and how the server recognises it so that
 * applying a source can replace it with the content's title. Two makers: the server ("Untitled
 * video 2026-12-03 10:15", projects.service.ts) and the web app ("Untitled video, 3 Dec 2026,
 * 10:15", catalogue key projects.untitled, which starts with these words). Zod-free for the web app.
 */
export const DEFAULT_TITLE_WORDS = { en: 'Untitled video', ru: 'Видео без названия' } as const;

/** The words, then a date with its year (the web's date is in the interface language, so only the year is sure). */
const DEFAULT_TITLE = new RegExp(`^(${Object.values(DEFAULT_TITLE_WORDS).join('|')}),? [^\\n]{0,40}\\d{4}`, 'u');

export const isDefaultTitle = (title: string): boolean => DEFAULT_TITLE.test(title.trim());

/** The server's default: the words in the client's language and the time in UTC. */
export const serverDefaultTitle = (language: keyof typeof DEFAULT_TITLE_WORDS, now: Date): string =>
  `${DEFAULT_TITLE_WORDS[language]} ${now.toISOString().slice(0, 16).replace('T', ' ')}`;
