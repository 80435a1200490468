import type { Language } from '../../../../contracts/formats.ts';

export type { Language };

/** Spoken words per second (contracts/formats.ts SPEAKING_RATE_WPS, repeated so the bundle does not pull in zod). */
export const SPEAKING_RATE_WPS: Record<Language, number> = { en: 2.5, ru: 2.0 };

export const isLanguage = (value: unknown): value is Language => value === 'en' || value === 'ru';

/** Words as the narration voices and captions them: whitespace-separated tokens with a letter or digit. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** Seconds to say `words` aloud at the language's rate, one decimal. */
export function speakingSeconds(words: number, language: Language): number {
  return Math.round((words / SPEAKING_RATE_WPS[language]) * 10) / 10;
}
