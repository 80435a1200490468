import type { Language } from '../../../../contracts/formats.ts';
import type { SentenceSignals } from '../../analysis/sentence-signals.ts';
import { factWeight, sentenceSignals } from '../../analysis/sentence-signals.ts';
import { countWords, splitSentences, words } from '../../analysis/text-units.ts';
import type { CleanSource } from './clean.ts';
import { fragmentReason, tidySentence } from './compress.ts';

/** Pass 2: sentences with roles. */
export type SentenceRole = 'lead' | 'fact' | 'number' | 'quote' | 'context';

export interface Sentence {
  /** Reading order. */
  index: number;
  paragraph: number;
  text: string;
  words: number;
  role: SentenceRole;
  /** The first figure with its unit ("19 people", "$150,000"), if any. */
  figure: string | null;
  signals: SentenceSignals;
  /** Opens with a pronoun or a reference back ("It", "They", "This"): unclear on its own. */
  dependent: boolean;
  /** How much the sentence carries: facts, topic words, position. */
  weight: number;
}

const STOPWORDS: Record<Language, Set<string>> = {
  en: new Set('the a an and or but of to in on at for with by from as is are was were be been it its this that these those he she they we you i his her their our your will would can could has have had not no than then there here which who what when where how why also more most about into over after before said says just like'.split(' ')),
  ru: new Set('и в во на с со по к ко у о об от до из за для не но а же ли бы что как это этот эта эти тот та те он она они мы вы я его её их ещё уже так там тут где когда кто чем при без под над также был была были будет будут есть'.split(' ')),
};

const DEPENDENT_START: Record<Language, RegExp> = {
  en: /^["“]?((it|this|that|they|these|those|he|she|there|his|her|their|its|such|both|the other|another|which|then|so|thus|instead|still)\b|[^,]{0,25},\s*(though,\s*|however,\s*)?(it|this|they|he|she|that)\b)/i,
  ru: /^["«]?((он|она|оно|они|это|этот|эта|эти|там|тогда|такой|такая|его|её|их|оба|обе|поэтому|затем|потом)(?![\p{L}])|[^,]{0,25},\s*(он|она|они|это)(?![\p{L}]))/iu,
};

const NUMBER_PHRASE =
  /([$€£¥₽]\s?)?(\p{N}(?:[\p{N},.]|\s(?=\p{N}{3}\b))*(?:-\p{L}+)?)(\s*%|\s+(?:per\s?cent|percent|процент\p{L}*))?(\s+(?:million|billion|thousand|trillion|тысяч\p{L}*|млн|млрд|миллион\p{L}*|миллиард\p{L}*))?(\s+\p{Ll}[\p{L}-]*)?/u;
const NOT_A_UNIT = new Set('to of in on at for and or the a an by as than from with was were is are that which but и в на с по к из за для от до или как что это но'.split(' '));
const MONTH_WORD = /^(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec|январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)/iu;

/** The first figure with its unit ("25,000 homes", "60 percent", "$150,000"); a bare year or a date is not a figure. */
export function findFigure(sentence: string): string | null {
  for (const match of sentence.matchAll(new RegExp(NUMBER_PHRASE, 'gu'))) {
    const [, currency = '', digits = '', percent, scale, unit] = match;
    if (/^(1[89]|20)\d{2}$/.test(digits) && !percent && !scale && !currency) continue;
    const following = sentence.slice((match.index ?? 0) + currency.length + digits.length).trimStart();
    if (!percent && !scale && !currency && MONTH_WORD.test(following)) continue;
    const before = sentence.slice(0, match.index ?? 0);
    if (!currency && MONTH_WORD.test(/(\p{L}+)\.?\s*$/u.exec(before)?.[1] ?? '')) continue; // "March 18"
    const realUnit = unit && !NOT_A_UNIT.has(unit.trim().toLowerCase()) && !MONTH_WORD.test(unit.trim()) ? unit : '';
    return `${currency}${digits.replace(/[,.]$/, '')}${percent ?? ''}${scale ?? ''}${percent ? '' : realUnit}`.trim();
  }
  return null;
}

/** Content words of the title and the most frequent words of the text. */
export function topicWords(paragraphs: readonly string[], title: string, language: Language, limit = 12): Set<string> {
  const stop = STOPWORDS[language];
  const counts = new Map<string, number>();
  for (const word of paragraphs.flatMap((p) => words(p))) {
    const lower = word.toLowerCase();
    if (lower.length < 4 || stop.has(lower) || /^\p{N}/u.test(lower)) continue;
    counts.set(lower, (counts.get(lower) ?? 0) + 1);
  }
  const frequent = [...counts.entries()].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([w]) => w);
  return new Set([...words(title).map((w) => w.toLowerCase()).filter((w) => w.length >= 4 && !stop.has(w)), ...frequent]);
}

const QUOTE = /["«“][^"»”]{8,}["»”]/u;

function roleOf(text: string, figure: string | null, signals: SentenceSignals, isLead: boolean): SentenceRole {
  if (isLead) return 'lead';
  if (QUOTE.test(text)) return 'quote';
  if (figure) return 'number';
  return factWeight(signals) >= 2 ? 'fact' : 'context';
}

/**
 * Weight: fact signals x5 (max 25); the lead +30, the rest of the first two paragraphs +12, later
 * paragraphs 10 minus 1 per paragraph; +4 per topic word (max 16); 8-30 words +8, over 40 -10;
 * dependent openers -10; questions -6; a quotation without its speaker -30.
 */
export function readSentences(source: CleanSource): Sentence[] {
  const { language } = source;
  const topic = topicWords(source.paragraphs, source.title, language);
  const out: Sentence[] = [];
  let leadFound = false;
  source.paragraphs.forEach((paragraph, p) => {
    for (const raw of splitSentences(paragraph)) {
      const text = tidySentence(raw, language);
      const wordCount = countWords(text);
      if (wordCount < 3 || fragmentReason(text, language) === 'no sentence end') continue;
      const signals = sentenceSignals(text, language);
      const figure = findFigure(text);
      const dependent = DEPENDENT_START[language].test(text);
      const isLead = !leadFound && wordCount >= 8 && !text.endsWith('?') && !/^["«“]/u.test(text);
      if (isLead) leadFound = true;
      let weight = Math.min(25, 5 * factWeight(signals));
      weight += isLead ? 30 : p <= 1 ? 12 : Math.max(0, 10 - p);
      weight += Math.min(16, 4 * words(text).filter((w) => topic.has(w.toLowerCase())).length);
      if (wordCount >= 8 && wordCount <= 30) weight += 8;
      if (wordCount > 40) weight -= 10;
      if (dependent) weight -= 10;
      if (text.endsWith('?')) weight -= 6;
      if (/^["«“][^"»”]+["»”][.!?…]?$/u.test(text)) weight -= 30;
      out.push({ index: out.length, paragraph: p, text, words: wordCount, role: roleOf(text, figure, signals, isLead), figure, signals, dependent, weight });
    }
  });
  return out;
}

export const byWeight = (a: Sentence, b: Sentence) => b.weight - a.weight || a.index - b.index;
