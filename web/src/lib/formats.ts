import type { FormatId, Language } from '../../../contracts/formats.ts';

export type { FormatId, Language };

/**
 * The video formats and speaking rates of contracts/formats.ts, repeated here so the bundle does
 * not pull in zod; formats.spec.ts fails if the two ever differ.
 */
export const FORMATS: Record<FormatId, { minSec: number; maxSec: number; defaultSec: number }> = {
  news: { minSec: 15, maxSec: 20, defaultSec: 20 },
  'hook-story': { minSec: 30, maxSec: 45, defaultSec: 40 },
  explainer: { minSec: 45, maxSec: 60, defaultSec: 55 },
  listicle: { minSec: 30, maxSec: 60, defaultSec: 45 },
  comparison: { minSec: 30, maxSec: 60, defaultSec: 45 },
  'hot-take': { minSec: 15, maxSec: 30, defaultSec: 25 },
};
export const FORMAT_IDS = Object.keys(FORMATS) as FormatId[];

export const LANGUAGES: readonly Language[] = ['en', 'ru'];
export const SPEAKING_RATE_WPS: Record<Language, number> = { en: 2.7, ru: 2.4 };

export const MIN_TARGET_SEC = 5;
export const MAX_TARGET_SEC = 600;

export const isFormatId = (value: unknown): value is FormatId => typeof value === 'string' && value in FORMATS;
export const isLanguage = (value: unknown): value is Language => value === 'en' || value === 'ru';

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’\u00AD-]|[.,](?=\p{N}))*/gu;

/** Words as the server counts them (server/modules/analysis/text-units.ts): "25,000" and "co-founder" count once. */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Seconds to read `words` aloud, one decimal. */
export function speakingSeconds(words: number, language: Language): number {
  return Math.round((words / SPEAKING_RATE_WPS[language]) * 10) / 10;
}
