import { SPEAKING_RATE_WPS } from '../../../contracts/formats.ts';
import type { Language } from '../../../contracts/formats.ts';
import type { CaptionWord } from '../../../contracts/render-plan.ts';

/** A pause after punctuation, in "characters" of reading time. */
const COMMA_PAUSE = 3;
const SENTENCE_PAUSE = 6;
const MIN_SCENE_SEC = 1.5;

export function splitWords(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** How long a scene's text takes to read aloud at the language's speaking rate. */
export function readingDurationSec(text: string, language: Language): number {
  return Math.max(MIN_SCENE_SEC, splitWords(text).length / SPEAKING_RATE_WPS[language]);
}

/**
 * Word timings for a scene without narration (voice stage skipped): the scene's time is shared
 * out by word length, with a little extra after commas and sentence ends.
 */
export function wordsByReadingSpeed(text: string, start: number, end: number): CaptionWord[] {
  const words = splitWords(text);
  if (words.length === 0 || end <= start) return [];
  const weights = words.map((word) => {
    const pause = /[.!?…]$/.test(word) ? SENTENCE_PAUSE : /[,;:—–-]$/.test(word) ? COMMA_PAUSE : 0;
    return { speak: word.length + 1, pause };
  });
  const total = weights.reduce((sum, w) => sum + w.speak + w.pause, 0);
  const perUnit = (end - start) / total;
  const timings: CaptionWord[] = [];
  let at = start;
  words.forEach((word, i) => {
    const weight = weights[i]!;
    const wordEnd = at + weight.speak * perUnit;
    timings.push({ word, start: round(at), end: round(Math.min(end, wordEnd)) });
    at = wordEnd + weight.pause * perUnit;
  });
  return timings;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
