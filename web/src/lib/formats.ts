import { FORMATS, SPEAKING_RATE_WPS, type FormatId, type Language } from '../../../contracts/format-values.ts';

export { FORMAT_IDS, FORMATS, LANGUAGES, SPEAKING_RATE_WPS } from '../../../contracts/format-values.ts';
export type { FormatId, Language } from '../../../contracts/format-values.ts';

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
