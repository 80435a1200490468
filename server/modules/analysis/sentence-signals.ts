import type { Language } from '../../../contracts/formats.ts';
import { LEXICONS, matchesStem } from './lexicons.ts';
import type { SentenceRecord } from './text-units.ts';
import { words } from './text-units.ts';

export interface SentenceSignals {
  numbers: number;
  names: number;
  dates: number;
}

const NUMBER_WORDS: Record<Language, string[]> = {
  en: ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'twenty', 'thirty', 'forty', 'fifty', 'hundred', 'thousand', 'million', 'billion', 'dozen', 'half'],
  ru: ['два', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять', 'десять', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'сто', 'тысяч', 'миллион', 'миллиард', 'десят', 'половин'],
};

const YEAR = /^(1[89]|20)\d{2}$/;

function isNameToken(token: string, language: Language): boolean {
  if (LEXICONS[language].notNames.includes(token.toLowerCase())) return false;
  if (/^\p{Lu}{2,}$/u.test(token)) return true; // acronyms: NASA, HOFOR, ЕС
  return /^\p{Lu}\p{Ll}/u.test(token);
}

/** Numbers, proper names and dates in one sentence: what makes a sentence a "key fact". */
export function sentenceSignals(sentence: string, language: Language): SentenceSignals {
  const tokens = words(sentence);
  const lexicon = LEXICONS[language];
  let numbers = 0;
  let names = 0;
  let dates = 0;
  tokens.forEach((token, index) => {
    const lower = token.toLowerCase();
    if (YEAR.test(token)) dates++;
    else if (/\p{N}/u.test(token)) numbers++;
    else if (NUMBER_WORDS[language].some((w) => matchesStem(lower, w))) numbers++;
    if (lexicon.months.some((m) => matchesStem(lower, m)) || lexicon.weekdays.some((d) => matchesStem(lower, d))) dates++;
    else if (index > 0 && isNameToken(token, language)) names++;
  });
  return { numbers, names, dates };
}

export function factWeight(signals: SentenceSignals): number {
  return 2 * Math.min(signals.numbers, 3) + Math.min(signals.names, 3) + 2 * Math.min(signals.dates, 2);
}

const MAX_FACT_CHARS = 280;

/**
 * Key facts: the sentences richest in numbers (x2), names (x1) and dates (x2), at most `limit`,
 * weight 2 or more, returned in reading order. Overlong sentences are cut at a word boundary.
 */
export function extractKeyFacts(sentences: readonly SentenceRecord[], language: Language, limit = 5): string[] {
  return sentences
    .map((record) => ({ record, weight: factWeight(sentenceSignals(record.text, language)) }))
    .filter((candidate) => candidate.weight >= 2 && candidate.record.wordCount >= 4)
    .sort((a, b) => b.weight - a.weight || a.record.index - b.record.index)
    .slice(0, limit)
    .sort((a, b) => a.record.index - b.record.index)
    .map(({ record }) => (record.text.length > MAX_FACT_CHARS ? `${record.text.slice(0, MAX_FACT_CHARS).replace(/\s+\S*$/, '')}…` : record.text));
}
