/**
 * Whether a script copies the transcript it was written from. Measure: the share of the script's
 * word 5-grams (lower-case, punctuation dropped) that occur in the transcript. A retelling shares
 * names and short phrases but few runs of five words; at 30% or more, a third of the script reads
 * as the original's own wording, so it is flagged.
 */
export const NEAR_COPY = { ngram: 5, threshold: 0.3 } as const;

export interface NearCopyCheck {
  ngram: number;
  threshold: number;
  /** Share (0..1) of the script's 5-grams found in the transcript. */
  share: number;
  flagged: boolean;
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];

function ngrams(list: readonly string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= list.length; i++) out.push(list.slice(i, i + n).join(' '));
  return out;
}

export function nearCopyCheck(script: string, transcript: string): NearCopyCheck {
  const { ngram, threshold } = NEAR_COPY;
  const scriptGrams = ngrams(words(script), ngram);
  const sourceGrams = new Set(ngrams(words(transcript), ngram));
  const copied = scriptGrams.filter((gram) => sourceGrams.has(gram)).length;
  const share = scriptGrams.length ? copied / scriptGrams.length : 0;
  return { ngram, threshold, share: Math.round(share * 1000) / 1000, flagged: share >= threshold };
}
