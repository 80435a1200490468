import type { AlignWord } from './align-phrases.ts';
import type { StartCandidate } from './speech-frames.ts';

/** Costs of placing words inside one stretch of speech; a word twice as long as expected costs about 1. */
const COST = {
  duration: 4,
  /** Starting a word at a dip in the level, by how deep the dip is (deeper dips are likelier word edges). */
  valley: (depthDb: number) => 0.25 * Math.max(0.15, 1.4 - 0.12 * depthDb),
  /** Where speech resumes after a short silence (a stop consonant, or a word edge). */
  onset: 0.1,
  /** Anywhere else: used only when the level gives no better place. */
  grid: 1,
};

/** Added to every word's expected and measured length: short words vary most in how long they take. */
const SHORT_WORD_FRAMES = 8;

/**
 * One start per word inside a stretch of speech [start, end) in frames, the first word at its
 * start: dynamic programming over (word, candidate) for the least total cost of word lengths that
 * differ from their letters' share of the stretch, plus the cost of each start's place.
 */
export function placeWordsInPhrase(words: AlignWord[], candidates: StartCandidate[], start: number, end: number): number[] {
  const n = words.length;
  const first = candidates.findIndex((c) => c.frame >= start);
  const usable = first < 0 ? [] : candidates.slice(first);
  if (n === 1 || usable.length < n) return evenly(start, end, words);
  const totalWeight = words.reduce((sum, w) => sum + w.weight, 0);
  const framesPerWeight = (end - start) / totalWeight;
  const durationCost = (word: AlignWord, a: number, b: number) =>
    COST.duration * Math.log((b - a + SHORT_WORD_FRAMES) / (word.weight * framesPerWeight + SHORT_WORD_FRAMES)) ** 2;

  const m = usable.length;
  const best = new Float64Array(n * m).fill(Infinity);
  const back = new Int32Array(n * m).fill(-1);
  best[0] = 0;
  for (let i = 1; i < n; i++) {
    const word = words[i - 1]!;
    const longest = word.weight * framesPerWeight * 4 + 30;
    for (let j = i; j < m; j++) {
      const here = placeCost(usable[j]!);
      for (let k = j - 1; k >= i - 1; k--) {
        if (usable[j]!.frame - usable[k]!.frame > longest) break;
        const previous = best[(i - 1) * m + k]!;
        if (previous === Infinity) continue;
        const cost = previous + here + durationCost(word, usable[k]!.frame, usable[j]!.frame);
        if (cost < best[i * m + j]!) {
          best[i * m + j] = cost;
          back[i * m + j] = k;
        }
      }
    }
  }
  let last = -1;
  let lowest = Infinity;
  for (let j = n - 1; j < m; j++) {
    const cost = best[(n - 1) * m + j]! + durationCost(words[n - 1]!, usable[j]!.frame, end);
    if (cost < lowest) {
      lowest = cost;
      last = j;
    }
  }
  if (last < 0) return evenly(start, end, words);
  const chosen: number[] = [];
  for (let i = n - 1; i >= 0; i--) {
    chosen.unshift(usable[last]!.frame);
    last = back[i * m + last]!;
  }
  return chosen;
}

function placeCost(candidate: StartCandidate): number {
  if (candidate.kind === 'grid') return COST.grid;
  if (candidate.kind === 'valley') return COST.valley(candidate.depthDb);
  return COST.onset;
}

/** Starts shared by the words' weights, when there are too few places to choose from. */
function evenly(start: number, end: number, words: AlignWord[]): number[] {
  const total = words.reduce((sum, w) => sum + w.weight, 0);
  let cursor = start;
  return words.map((w) => {
    const at = Math.round(cursor);
    cursor += ((end - start) * w.weight) / total;
    return at;
  });
}
