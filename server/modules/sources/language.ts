import type { Language } from '../../../contracts/formats.ts';

export interface LanguageGuess {
  language: Language;
  /** 0..1: how clearly one script dominates the letters. */
  confidence: number;
}

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;

/**
 * Proposes Russian or English from the letters used: Russian text is written in Cyrillic, English
 * in Latin, and Russian articles quote Latin names (brands, people) far more often than the
 * reverse, so Cyrillic wins as soon as it makes up 30% of the letters. No letters: English.
 */
export function guessLanguage(text: string): LanguageGuess {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const cyrillic = sample.match(CYRILLIC)?.length ?? 0;
  const latin = sample.match(LATIN)?.length ?? 0;
  const letters = cyrillic + latin;
  if (letters === 0) return { language: 'en', confidence: 0 };
  const share = cyrillic / letters;
  if (share >= 0.3) return { language: 'ru', confidence: Math.min(1, share / 0.6) };
  return { language: 'en', confidence: Math.min(1, (1 - share) / 0.9) };
}

export function detectLanguage(text: string): Language {
  return guessLanguage(text).language;
}
