/** Energy frames of a recording and the places where a word may start, for aligning a known text to it. */

export const FRAME_SEC = 0.01;

/** Silence shorter than this is a stop consonant's closure, not a pause between words. */
export const PAUSE_FRAMES = 6;

export interface SpeechFrames {
  /** Level per 10 ms frame, dB, smoothed over 30 ms. */
  levels: Float64Array;
  /** Whether each frame is heard (above the silence threshold). */
  voiced: Uint8Array;
  /** Prefix sums of frames that are not part of a pause, for speaking time between two frames. */
  activeBefore: Int32Array;
}

export interface StartCandidate {
  frame: number;
  /** 'onset': speech resumes after silence (gapFrames long); 'valley': a dip in the level `depthDb` deep. */
  kind: 'onset' | 'valley' | 'grid';
  gapFrames: number;
  depthDb: number;
}

function percentile(values: Float64Array, p: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? -120;
}

export function speechFrames(samples: Float32Array, sampleRate: number): SpeechFrames {
  const size = Math.max(1, Math.round(sampleRate * FRAME_SEC));
  const count = Math.max(1, Math.ceil(samples.length / size));
  const raw = new Float64Array(count);
  for (let f = 0; f < count; f++) {
    const from = f * size;
    const to = Math.min(samples.length, from + size);
    let sum = 0;
    for (let i = from; i < to; i++) sum += (samples[i] ?? 0) ** 2;
    raw[f] = 10 * Math.log10(sum / Math.max(1, to - from) + 1e-12);
  }
  const levels = new Float64Array(count);
  for (let f = 0; f < count; f++) {
    const a = raw[Math.max(0, f - 1)]!;
    const c = raw[Math.min(count - 1, f + 1)]!;
    levels[f] = 10 * Math.log10((10 ** (a / 10) + 10 ** (raw[f]! / 10) + 10 ** (c / 10)) / 3);
  }
  const floor = percentile(levels, 0.05);
  const peak = percentile(levels, 0.98);
  // Half way (in dB) between the background and loud speech, but never far under the speech.
  const threshold = Math.max(floor + 0.3 * (peak - floor), peak - 40);
  const voiced = new Uint8Array(count);
  for (let f = 0; f < count; f++) voiced[f] = levels[f]! > threshold ? 1 : 0;
  const inPause = new Uint8Array(count);
  forEachSilence(voiced, (start, end) => {
    if (end - start >= PAUSE_FRAMES) inPause.fill(1, start, end);
  });
  const activeBefore = new Int32Array(count + 1);
  for (let f = 0; f < count; f++) activeBefore[f + 1] = activeBefore[f]! + (inPause[f] ? 0 : 1);
  return { levels, voiced, activeBefore };
}

/** Calls back with [start, end) of every run of unvoiced frames. */
export function forEachSilence(voiced: Uint8Array, callback: (start: number, end: number) => void): void {
  let run = -1;
  for (let f = 0; f <= voiced.length; f++) {
    const silent = f < voiced.length && !voiced[f];
    if (silent && run < 0) run = f;
    if (!silent && run >= 0) {
      callback(run, f);
      run = -1;
    }
  }
}

/**
 * Where words may start: speech onsets after a silence, dips in the level between two louder
 * stretches (syllable boundaries), and, so an alignment always exists, a coarse grid over speech.
 */
export function startCandidates(frames: SpeechFrames, from: number, to: number): StartCandidate[] {
  const { levels, voiced } = frames;
  const found = new Map<number, StartCandidate>();
  let silentSince = from;
  for (let f = from; f < to; f++) {
    if (!voiced[f]) continue;
    const gap = f - silentSince;
    if (f === from || !voiced[f - 1]) found.set(f, { frame: f, kind: 'onset', gapFrames: f === from ? PAUSE_FRAMES : gap, depthDb: 0 });
    silentSince = f + 1;
  }
  for (let f = from + 1; f < to - 1; f++) {
    if (!voiced[f] || found.has(f) || levels[f]! > levels[f - 1]! || levels[f]! > levels[f + 1]!) continue;
    const depth = Math.min(riseAround(levels, f, -1, from, to), riseAround(levels, f, 1, from, to));
    if (depth >= 2) found.set(f, { frame: f, kind: 'valley', gapFrames: 0, depthDb: depth });
  }
  for (let f = from; f < to; f += 5) {
    if (voiced[f] && !found.has(f)) found.set(f, { frame: f, kind: 'grid', gapFrames: 0, depthDb: 0 });
  }
  return [...found.values()].sort((a, b) => a.frame - b.frame);
}

/** How far the level climbs from frame f within 150 ms in one direction. */
function riseAround(levels: Float64Array, f: number, step: 1 | -1, from: number, to: number): number {
  let highest = levels[f]!;
  for (let g = f + step, n = 0; g >= from && g < to && n < 15; g += step, n++) highest = Math.max(highest, levels[g]!);
  return highest - levels[f]!;
}
