import { splitWords, type WordToken } from './words.ts';

export type PhraseEnding = 'sentence' | 'clause' | 'none';

/** A caption-sized piece of a scene, synthesised and measured on its own when the voice gives no alignment. */
export interface Phrase {
  text: string;
  words: WordToken[];
  /** What ends it, which decides the pause after it. */
  ending: PhraseEnding;
}

export const DEFAULT_MAX_PHRASE_WORDS = 5;

/** Pauses after a phrase at speed 1, in seconds; they shrink as speed grows. */
export const PHRASE_GAP_SEC: Record<PhraseEnding, number> = { sentence: 0.3, clause: 0.15, none: 0.04 };

const CLOSERS = /["'»”’)\]]+$/u;

function endingOf(word: string): PhraseEnding {
  const bare = word.replace(CLOSERS, '');
  if (/[.!?…]$/u.test(bare)) return 'sentence';
  if (/[,;:—–-]$/u.test(bare)) return 'clause';
  return 'none';
}

function phraseOf(text: string, words: WordToken[], ending: PhraseEnding): Phrase {
  const first = words[0]!;
  const last = words[words.length - 1]!;
  return { text: text.slice(first.start, last.end), words, ending };
}

/** Splits a clause longer than maxWords into nearly equal chunks (7 words: 4 + 3). */
function chunkClause(text: string, words: WordToken[], ending: PhraseEnding, maxWords: number): Phrase[] {
  const count = Math.ceil(words.length / maxWords);
  const phrases: Phrase[] = [];
  let from = 0;
  for (let i = 0; i < count; i++) {
    const to = Math.round(((i + 1) * words.length) / count);
    phrases.push(phraseOf(text, words.slice(from, to), i === count - 1 ? ending : 'none'));
    from = to;
  }
  return phrases;
}

/**
 * Splits text at sentence and clause punctuation into phrases of at most maxWords words. A clause
 * of one or two words ("However,") joins the next one when they fit together, so no phrase is a
 * lone word synthesised out of context.
 */
export function splitPhrases(text: string, maxWords = DEFAULT_MAX_PHRASE_WORDS): Phrase[] {
  const clauses: Array<{ words: WordToken[]; ending: PhraseEnding }> = [];
  let current: WordToken[] = [];
  for (const word of splitWords(text)) {
    current.push(word);
    const ending = endingOf(word.text);
    if (ending !== 'none') {
      clauses.push({ words: current, ending });
      current = [];
    }
  }
  if (current.length > 0) clauses.push({ words: current, ending: 'sentence' });

  const phrases: Phrase[] = [];
  let pending: { words: WordToken[]; ending: PhraseEnding } | null = null;
  for (const clause of clauses) {
    if (pending && pending.ending === 'clause' && pending.words.length <= 2 && pending.words.length + clause.words.length <= maxWords) {
      pending = { words: [...pending.words, ...clause.words], ending: clause.ending };
      continue;
    }
    if (pending) phrases.push(...chunkClause(text, pending.words, pending.ending, maxWords));
    pending = clause;
  }
  if (pending) phrases.push(...chunkClause(text, pending.words, pending.ending, maxWords));
  return phrases;
}
