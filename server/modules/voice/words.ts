import type { Language } from '../../../contracts/formats.ts';

/** A spoken word as written in the script (punctuation kept), with its character range in the text. */
export interface WordToken {
  text: string;
  start: number;
  end: number;
}

const HAS_SOUND = /[\p{L}\p{N}]/u;

/**
 * Splits text into caption words: whitespace-separated tokens, with tokens that have no letter or
 * digit (a dash, an ellipsis) attached to the previous word, so every token is something spoken.
 */
export function splitWords(text: string): WordToken[] {
  const words: WordToken[] = [];
  // Start of sound-less tokens met before the first word; they join that word.
  let pendingStart = -1;
  for (const match of text.matchAll(/\S+/g)) {
    const start = match.index;
    const end = start + match[0].length;
    if (HAS_SOUND.test(match[0])) {
      const from = pendingStart >= 0 ? pendingStart : start;
      words.push({ text: text.slice(from, end), start: from, end });
      pendingStart = -1;
    } else if (words.length > 0) {
      const last = words[words.length - 1]!;
      last.end = end;
      last.text = text.slice(last.start, end);
    } else if (pendingStart < 0) {
      pendingStart = start;
    }
  }
  return words;
}

export function countWords(text: string): number {
  return splitWords(text).length;
}

const VOWEL_GROUPS = /[aeiouyàâäéèêëîïôöûüœæ]+/giu;
const RUSSIAN_VOWELS = /[аеёиоуыэюя]/giu;
/** Spoken syllables per written digit, roughly ("2024" is "twenty twenty-four", "две тысячи двадцать четыре"). */
const SYLLABLES_PER_DIGIT: Record<Language, number> = { en: 1.4, ru: 2.2 };

/** An estimate of a word's spoken syllables, good enough to share a phrase's time among its words. */
export function countSyllables(word: string, language: Language): number {
  const letters = word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (!letters) return 0;
  const digits = (letters.match(/\p{N}/gu) ?? []).length;
  const russian = (letters.match(RUSSIAN_VOWELS) ?? []).length;
  let latin = (letters.match(VOWEL_GROUPS) ?? []).length;
  // English silent final e ("make", "time"), but not "the", "be" or "-le" endings.
  if (latin > 1 && /[^aeiouyl]e$/.test(letters)) latin -= 1;
  const vowels = russian + latin;
  const lettersOnly = letters.replace(/\p{N}/gu, '');
  // Acronyms without vowels ("TV", "СССР") are spelled out letter by letter.
  const spelled = vowels === 0 ? lettersOnly.length : vowels;
  return Math.max(1, spelled + Math.round(digits * SYLLABLES_PER_DIGIT[language]));
}

/** Relative speaking time of a word: its syllables plus a fixed share for the word boundary. */
export function wordWeight(word: string, language: Language): number {
  return countSyllables(word, language) + 0.5;
}
