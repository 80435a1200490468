import type { TranscriptWord } from '../../../contracts/media-sources.ts';
import type { WordTiming } from '../../../contracts/step-data.ts';

const normal = (word: string) => word.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]/gu, '');

/** How far ahead in the transcript a script word is looked for (skipped fillers, misheard words). */
const LOOKAHEAD = 4;

/**
 * A scene's word times taken from what the transcriber heard: each script word (in order) takes
 * the time of the next matching transcript word inside the scene; a word the transcriber did not
 * hear keeps its estimated time. Returns how many words matched, so the caller can say which
 * source its timings came from.
 */
export function timingsFromTranscript(estimated: WordTiming[], heard: readonly TranscriptWord[], scene: { start: number; end: number }): { words: WordTiming[]; matched: number } {
  const inside = heard.filter((w) => w.start >= scene.start - 0.15 && w.end <= scene.end + 0.15);
  let cursor = 0;
  let matched = 0;
  const words = estimated.map((word) => {
    const target = normal(word.word);
    for (let i = cursor; i < Math.min(inside.length, cursor + LOOKAHEAD); i++) {
      if (normal(inside[i]!.word) !== target) continue;
      cursor = i + 1;
      matched++;
      return { ...word, start: Math.max(scene.start, inside[i]!.start), end: Math.min(scene.end, inside[i]!.end) };
    }
    return word;
  });
  return { words, matched };
}
