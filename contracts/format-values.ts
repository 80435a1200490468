// The formats' plain values, without zod, so the web app can import them (its bundle has no zod);
// formats.ts builds the schemas on them.

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Video formats with their usual length range; the default is what a new project starts with. */
export const FORMATS = {
  news: { minSec: 15, maxSec: 20, defaultSec: 20 },
  'hook-story': { minSec: 30, maxSec: 45, defaultSec: 40 },
  explainer: { minSec: 45, maxSec: 60, defaultSec: 55 },
  listicle: { minSec: 30, maxSec: 60, defaultSec: 45 },
  comparison: { minSec: 30, maxSec: 60, defaultSec: 45 },
  'hot-take': { minSec: 15, maxSec: 30, defaultSec: 25 },
} as const;

export type FormatId = keyof typeof FORMATS;
export const FORMAT_IDS = Object.keys(FORMATS) as [FormatId, ...FormatId[]];

/**
 * Spoken words per second used to turn word counts into seconds. Measured on the default voice
 * (espeak-ng, speed 1) over 150-word narrations including phrase gaps and scene pauses:
 * English 2.71, Russian 2.42 (binary) / 2.51 (WASM).
 */
export const SPEAKING_RATE_WPS: Record<Language, number> = { en: 2.7, ru: 2.4 };
