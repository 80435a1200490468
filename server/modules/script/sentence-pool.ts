import type { Language } from '../../../contracts/formats.ts';
import { factWeight, sentenceSignals } from '../analysis/sentence-signals.ts';
import type { SentenceSignals } from '../analysis/sentence-signals.ts';
import { countWords, sentenceRecords, words } from '../analysis/text-units.ts';
import { tidySentence } from './shorten.ts';

export interface PoolSentence {
  /** Position in the source: used to put chosen sentences back in reading order. */
  index: number;
  /** Tidied text (no parentheses or leading connector). */
  text: string;
  words: number;
  signals: SentenceSignals;
  /** The first number with the word after it ("25,000 homes", "48 миллионов"), if any. */
  numberPhrase: string | null;
  rank: number;
  /** Framing written by the writer (thin sources), not taken from the source. */
  synthetic?: boolean;
}

const STOPWORDS: Record<Language, Set<string>> = {
  en: new Set('the a an and or but of to in on at for with by from as is are was were be been it its this that these those he she they we you i his her their our your will would can could has have had not no than then there here which who what when where how why also more most about into over after before said says'.split(' ')),
  ru: new Set('и в во на с со по к ко у о об от до из за для не но а же ли бы что как это этот эта эти тот та те он она они мы вы я его её их ещё уже так там тут где когда кто чем при без под над также был была были будет будут есть по её'.split(' ')),
};

/** A quotation with nobody named as its speaker ("said", "—" after the closing mark). */
const ORPHAN_QUOTE = /^["«“„][^"»”]+["»”][.!?…]?$/u;

const DANGLING_START: Record<Language, RegExp> = {
  en: /^(it|this|that|they|these|those|he|she|there)\b/i,
  ru: /^(он|она|оно|они|это|этот|эта|эти|там|тогда|такой|такая)(?![\p{L}])/iu,
};

/** Content words of the title and the most frequent words of the text: what the piece is about. */
export function topicWords(text: string, title: string, language: Language, limit = 12): Set<string> {
  const stop = STOPWORDS[language];
  const counts = new Map<string, number>();
  for (const word of words(text)) {
    const lower = word.toLowerCase();
    if (lower.length < 4 || stop.has(lower) || /^\p{N}/u.test(lower)) continue;
    counts.set(lower, (counts.get(lower) ?? 0) + 1);
  }
  const frequent = [...counts.entries()].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([w]) => w);
  const fromTitle = words(title).map((w) => w.toLowerCase()).filter((w) => w.length >= 4 && !stop.has(w));
  return new Set([...fromTitle, ...frequent]);
}

const NUMBER_PHRASE =
  /(\p{N}(?:[\p{N},.]|\s(?=\p{N}{3}\b))*(?:-\p{L}+)?)(\s*%|\s+(?:per\s?cent|percent|процент\p{L}*))?(\s+(?:million|billion|thousand|trillion|тысяч\p{L}*|млн|млрд|миллион\p{L}*|миллиард\p{L}*))?(\s+\p{Ll}[\p{L}-]*)?/u;

/** Words the unit group can catch that are not units ("31 to", "5 of the"). */
const NOT_A_UNIT = new Set('to of in on at for and or the a an by as than from with was were is are that which но и в на с по к из за для от до или как что это'.split(' '));

const MONTH_WORD = /^(january|february|march|april|may|june|july|august|september|october|november|december|январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)/iu;

/** The first figure with its unit ("25,000 homes", "60 percent", "48 миллионов рублей"); a bare year is not a figure. */
export function findNumberPhrase(sentence: string): string | null {
  for (const match of sentence.matchAll(new RegExp(NUMBER_PHRASE, 'gu'))) {
    const [, digits = '', percent, scale, unit] = match;
    if (/^(1[89]|20)\d{2}$/.test(digits) && !percent && !scale) continue;
    const following = sentence.slice((match.index ?? 0) + digits.length).trimStart();
    if (!percent && !scale && MONTH_WORD.test(following)) continue; // "2 октября", "12 March" are dates
    const trimmedDigits = digits.replace(/[,.]$/, '');
    const realUnit = unit && !NOT_A_UNIT.has(unit.trim().toLowerCase()) ? unit : '';
    return `${trimmedDigits}${percent ?? ''}${scale ?? ''}${percent ? '' : realUnit}`.trim();
  }
  return null;
}

/**
 * Ranks source sentences for a short script. Points: key-fact weight x6 (max 30); the lead sentence
 * +25, the rest of the first paragraph +12, later paragraphs 10 minus 2 per paragraph; +5 per topic
 * word (max 20); 8-28 words +10, under 5 words -20, over 40 words -10; a sentence that opens with a
 * pronoun ("It", "Они") -8 because out of context it is unclear; a question in the source -5; a
 * quotation that does not say who is speaking -40.
 */
export function buildSentencePool(text: string, title: string, language: Language): PoolSentence[] {
  const topic = topicWords(text, title, language);
  return sentenceRecords(text).map((record) => {
    const tidy = tidySentence(record.text, language);
    const wordCount = countWords(tidy);
    const signals = sentenceSignals(tidy, language);
    let rank = Math.min(30, 6 * factWeight(signals));
    if (record.index === 0) rank += 25;
    else if (record.paragraph === 0) rank += 12;
    else rank += Math.max(0, 10 - 2 * record.paragraph);
    rank += Math.min(20, 5 * words(tidy).filter((w) => topic.has(w.toLowerCase())).length);
    if (wordCount >= 8 && wordCount <= 28) rank += 10;
    if (wordCount < 5) rank -= 20;
    if (wordCount > 40) rank -= 10;
    if (DANGLING_START[language].test(tidy)) rank -= 8;
    if (tidy.endsWith('?')) rank -= 5;
    if (ORPHAN_QUOTE.test(tidy)) rank -= 40;
    return { index: record.index, text: tidy, words: wordCount, signals, numberPhrase: findNumberPhrase(tidy), rank };
  });
}

export function byRank(a: PoolSentence, b: PoolSentence): number {
  return b.rank - a.rank || a.index - b.index;
}
