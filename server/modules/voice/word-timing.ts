import type { Language } from '../../../contracts/formats.ts';
import type { WordTiming } from '../../../contracts/step-data.ts';
import type { TtsAlignment } from '../../adapters/tts/types.ts';
import { splitWords, wordWeight } from './words.ts';

/** Shares [start, end] among words in proportion to their estimated speaking time. */
export function distributeWords(words: string[], start: number, end: number, language: Language): WordTiming[] {
  const weights = words.map((word) => wordWeight(word, language));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const span = Math.max(0, end - start);
  const timings: WordTiming[] = [];
  let cursor = start;
  words.forEach((word, i) => {
    const next = i === words.length - 1 ? end : cursor + (span * (weights[i] ?? 0)) / (total || 1);
    timings.push({ word, start: cursor, end: next });
    cursor = next;
  });
  return timings;
}

/**
 * Word times from a provider's alignment, for the text that was sent. Character alignments are
 * grouped into the same words splitWords() finds. When the provider normalised the text so its
 * words no longer match the script's one to one ("2020" read as "twenty twenty"), the script's
 * words are spread over the aligned speech instead: captions always show what the author wrote.
 */
export function wordsFromAlignment(text: string, alignment: TtsAlignment, language: Language): WordTiming[] {
  const expected = splitWords(text).map((w) => w.text);
  const timed = alignedWords(alignment);
  if (timed.length === expected.length) return timed.map((word, i) => ({ ...word, word: expected[i]! }));
  if (timed.length === 0) return [];
  return distributeWords(expected, timed[0]!.start, Math.max(...timed.map((w) => w.end)), language);
}

function alignedWords(alignment: TtsAlignment): WordTiming[] {
  if (alignment.unit === 'word') return alignment.items.map((item) => ({ word: item.text, start: item.start, end: item.end }));
  const aligned = alignment.items.map((item) => item.text).join('');
  const starts: number[] = [];
  const ends: number[] = [];
  for (const item of alignment.items) {
    for (let k = 0; k < item.text.length; k++) {
      starts.push(item.start);
      ends.push(item.end);
    }
  }
  return splitWords(aligned).map((word) => ({ word: word.text, start: starts[word.start] ?? 0, end: ends[word.end - 1] ?? 0 }));
}

/**
 * Moves word times by `shiftSec` (e.g. minus the trimmed leading silence), keeps them inside
 * [0, durationSec] and makes them strictly increasing: each word starts where the previous ended
 * at the earliest and lasts at least a few milliseconds.
 */
export function tidyWordTimings(words: WordTiming[], durationSec: number, shiftSec = 0): WordTiming[] {
  const minimum = Math.min(0.02, durationSec / Math.max(1, words.length) / 2);
  const tidy: WordTiming[] = [];
  let floor = 0;
  words.forEach((word, i) => {
    const remaining = words.length - i;
    const latestStart = durationSec - remaining * minimum;
    const start = Math.min(Math.max(word.start + shiftSec, floor), latestStart);
    const end = Math.min(Math.max(word.end + shiftSec, start + minimum), durationSec - (remaining - 1) * minimum);
    tidy.push({ ...word, start: round(start), end: round(end) });
    floor = end;
  });
  return tidy;
}

/** Millisecond precision: finer is meaningless for captions and keeps step data small. */
export function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
