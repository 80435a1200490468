import { PAUSE_FRAMES, forEachSilence, type SpeechFrames } from './speech-frames.ts';

/** A word to align: its expected share of speaking time and whether punctuation follows it. */
export interface AlignWord {
  text: string;
  weight: number;
  endsPhrase: boolean;
  /** The last word of a scene: the speaker most likely pauses after it. */
  endsScene?: boolean;
}

/** Words [firstWord, endWord) spoken in frames [start, end). */
export interface PhraseGroup {
  firstWord: number;
  endWord: number;
  start: number;
  end: number;
}

const COST = {
  /** Spread of a word's length around its expected length (log), and of the pace along the recording. */
  wordSpread: 0.16,
  paceSpread: 0.03,
  /** A pause inside a word: a stop consonant's closure costs little, a long silence a lot. */
  pauseInWord: (frames: number) => 0.5 + 0.25 * (frames - PAUSE_FRAMES),
  pauseWithoutPunctuation: 0.6,
  pauseMissingAtSceneEnd: 2,
  punctuationWithoutPause: 0.3,
};

/** Stretches of speech between pauses, in frames [start, end), inside [from, to). */
export function speechChunks(frames: SpeechFrames, from: number, to: number): Array<{ start: number; end: number }> {
  const chunks: Array<{ start: number; end: number }> = [];
  const pauses: Array<[number, number]> = [];
  forEachSilence(frames.voiced.subarray(from, to), (a, b) => {
    if (b - a >= PAUSE_FRAMES) pauses.push([from + a, from + b]);
  });
  let cursor = from;
  for (const [a, b] of [...pauses, [to, to] as [number, number]]) {
    let start = -1;
    let lastVoiced = -1;
    for (let f = cursor; f < a; f++) {
      if (!frames.voiced[f]) continue;
      if (start < 0) start = f;
      lastVoiced = f;
    }
    if (start >= 0) chunks.push({ start, end: lastVoiced + 1 });
    cursor = b;
  }
  return chunks;
}

/**
 * Which pauses of the recording fall between which words: dynamic programming over (chunk, word)
 * so that each run of chunks holds words whose expected length matches its speaking time, pauses
 * fall at punctuation where they can, and a pause inside a word is short.
 */
export function groupWordsIntoChunks(frames: SpeechFrames, words: AlignWord[], chunks: Array<{ start: number; end: number }>): PhraseGroup[] {
  const n = words.length;
  const k = chunks.length;
  if (n === 0 || k === 0) return [];
  const active = (a: number, b: number) => frames.activeBefore[b]! - frames.activeBefore[a]!;
  const weightBefore = [0];
  words.forEach((w, i) => weightBefore.push(weightBefore[i]! + w.weight));
  const punctuationBefore = [0];
  words.forEach((w, i) => punctuationBefore.push(punctuationBefore[i]! + (w.endsPhrase && i < n - 1 ? 1 : 0)));
  const rate = active(chunks[0]!.start, chunks[k - 1]!.end) / weightBefore[n]!;
  const groupCost = (c: number, c2: number, w: number, w2: number) => {
    const spoken = active(chunks[c]!.start, chunks[c2 - 1]!.end);
    const expected = (weightBefore[w2]! - weightBefore[w]!) * rate;
    const variance = COST.wordSpread / (w2 - w) + COST.paceSpread;
    let cost = Math.log((spoken + 5) / (expected + 5)) ** 2 / (2 * variance);
    for (let p = c + 1; p < c2; p++) cost += COST.pauseInWord(chunks[p]!.start - chunks[p - 1]!.end);
    // Punctuation inside the group (its last word's punctuation is judged by the next pause).
    cost += COST.punctuationWithoutPause * (punctuationBefore[w2 - 1]! - punctuationBefore[w]!);
    if (w2 < n) {
      const last = words[w2 - 1]!;
      if (!last.endsPhrase) cost += COST.pauseWithoutPunctuation;
    }
    return cost;
  };
  const missedSceneEnds = (w: number, w2: number) => {
    let count = 0;
    for (let i = w; i < w2 - 1; i++) if (words[i]!.endsScene) count++;
    return count * COST.pauseMissingAtSceneEnd;
  };

  // best[c][w]: chunks before c hold words before w exactly.
  const best = Array.from({ length: k + 1 }, () => new Float64Array(n + 1).fill(Infinity));
  const back = Array.from({ length: k + 1 }, () => new Int32Array(2 * (n + 1)).fill(-1));
  best[0]![0] = 0;
  for (let c = 0; c < k; c++) {
    for (let w = 0; w < n; w++) {
      const here = best[c]![w]!;
      if (here === Infinity) continue;
      for (let c2 = c + 1; c2 <= k && c2 - c <= 6; c2++) {
        for (let w2 = w + 1; w2 <= n && w2 - w <= 40; w2++) {
          if (c2 === k && w2 !== n) continue;
          const cost = here + groupCost(c, c2, w, w2) + missedSceneEnds(w, w2);
          if (cost < best[c2]![w2]!) {
            best[c2]![w2] = cost;
            back[c2]![2 * w2] = c;
            back[c2]![2 * w2 + 1] = w;
          }
        }
      }
    }
  }
  if (best[k]![n] === Infinity) return [{ firstWord: 0, endWord: n, start: chunks[0]!.start, end: chunks[k - 1]!.end }];
  const groups: PhraseGroup[] = [];
  for (let c2 = k, w2 = n; c2 > 0; ) {
    const c = back[c2]![2 * w2]!;
    const w = back[c2]![2 * w2 + 1]!;
    groups.unshift({ firstWord: w, endWord: w2, start: chunks[c]!.start, end: chunks[c2 - 1]!.end });
    c2 = c;
    w2 = w;
  }
  return groups;
}
