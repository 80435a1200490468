import type { Language } from '../../../contracts/formats.ts';
import type { Lexicon } from './lexicons.ts';
import { LEXICONS } from './lexicons.ts';
import type { SentenceRecord } from './text-units.ts';
import { sentenceRecords, splitParagraphs, words } from './text-units.ts';

/** Everything the scoring rules look at, computed once per text. */
export interface TextProfile {
  language: Language;
  lexicon: Lexicon;
  title: string;
  text: string;
  lower: string;
  /** Lower-cased words. */
  tokens: string[];
  wordCount: number;
  sentences: SentenceRecord[];
  paragraphs: string[];
  /** Title plus the first sentence: what a viewer meets first. */
  opening: string;
  openingTokens: string[];
  /** Lines that look like list items ("1. ...", "- ..."). */
  listLines: number;
}

export function profileText(text: string, title: string, language: Language): TextProfile {
  const normalised = text.replace(/\r\n?/g, '\n');
  const sentences = sentenceRecords(normalised);
  const tokens = words(normalised).map((w) => w.toLowerCase());
  const opening = [title, sentences[0]?.text ?? ''].filter(Boolean).join(' ');
  return {
    language,
    lexicon: LEXICONS[language],
    title,
    text: normalised,
    lower: normalised.toLowerCase(),
    tokens,
    wordCount: tokens.length,
    sentences,
    paragraphs: splitParagraphs(normalised),
    opening,
    openingTokens: words(opening).map((w) => w.toLowerCase()),
    listLines: normalised.split('\n').filter((line) => /^\s*(?:[-*•]|\d{1,2}[.)])\s+\S/.test(line)).length,
  };
}
