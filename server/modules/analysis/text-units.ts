/*
 * Paragraph, sentence and word splitting shared by the analyser and the offline writer.
 * Deterministic and dependency-free; tuned for English and Russian news prose.
 */

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'’\u00AD-]|[.,](?=\p{N}))*/gu;

/** Words as a reader would count them; "25,000", "1.1" and "co-founder" count once. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

export function countWords(text: string): number {
  return words(text).length;
}

export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n|\r\n\s*\r\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}

const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'vs', 'e.g', 'i.e', 'inc', 'ltd', 'co', 'corp', 'u.s', 'u.k', 'u.n',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'fig', 'approx', 'gen',
    'gov', 'sen', 'rep', 'mt', 'ft', 'est', 'dept', 'univ',
    'г', 'гг', 'т.е', 'т.д', 'т.п', 'т.к', 'др', 'пр', 'ул', 'д', 'им', 'руб', 'тыс', 'млн', 'млрд', 'см', 'стр', 'проф',
    'акад', 'т', 'н.э', 'рис', 'ок', 'чел', 'обл', 'пос', 'просп',
  ].map((a) => a.toLowerCase()),
);

const BOUNDARY = /([.!?…]+)(["'»”’)\]]*)\s+(?=["'«“„([]?[\p{Lu}\p{N}—–-])/gu;

function isAbbreviationBefore(text: string, dotIndex: number): boolean {
  const before = text.slice(Math.max(0, dotIndex - 12), dotIndex);
  const token = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
  if (!token) return false;
  if (ABBREVIATIONS.has(token)) return true;
  // A single capital letter before a dot is an initial ("J. K. Rowling", "А. С. Пушкин").
  return /^\p{Lu}$/u.test(before.slice(-1)) && !/\p{L}/u.test(before.slice(-2, -1));
}

function sentencesOfParagraph(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const match of paragraph.matchAll(BOUNDARY)) {
    const punctuation = match[1] ?? '';
    const index = match.index ?? 0;
    if (punctuation === '.' && isAbbreviationBefore(paragraph, index)) continue;
    const end = index + punctuation.length + (match[2]?.length ?? 0);
    out.push(paragraph.slice(start, end).trim());
    start = index + match[0].length;
  }
  out.push(paragraph.slice(start).trim());
  return out.filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** Sentences in reading order; each line of the text is at least its own sentence. */
export function splitSentences(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .flatMap(sentencesOfParagraph);
}

export interface SentenceRecord {
  text: string;
  /** Index among all sentences. */
  index: number;
  paragraph: number;
  /** Position inside its paragraph. */
  indexInParagraph: number;
  wordCount: number;
}

export function sentenceRecords(text: string): SentenceRecord[] {
  const records: SentenceRecord[] = [];
  splitParagraphs(text.replace(/\r\n/g, '\n')).forEach((paragraph, p) => {
    splitSentences(paragraph).forEach((sentence, i) => {
      records.push({ text: sentence, index: records.length, paragraph: p, indexInParagraph: i, wordCount: countWords(sentence) });
    });
  });
  return records;
}

export function secondsForWords(wordCount: number, wordsPerSecond: number): number {
  return Math.round((wordCount / wordsPerSecond) * 10) / 10;
}
