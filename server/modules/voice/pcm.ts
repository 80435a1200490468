/** Pure operations on mono float PCM: silence detection, trimming, joining, slicing, waveform peaks. */

export interface SpeechBounds {
  startSample: number;
  endSample: number;
}

export interface TrimOptions {
  /** Windows quieter than this (dBFS RMS) count as silence; default -50. */
  floorDb?: number;
  /** Also silence when more than this many dB under the loudest window; default 40. */
  rangeDb?: number;
  /** Kept before the first sound so onsets are not clipped; default 15 ms. */
  leadPadSec?: number;
  /** Kept after the last sound so decays are not clipped; default 40 ms. */
  tailPadSec?: number;
}

const WINDOW_SEC = 0.01;

function windowLevels(samples: Float32Array, windowSize: number): Float64Array {
  const levels = new Float64Array(Math.ceil(samples.length / windowSize));
  for (let w = 0; w < levels.length; w++) {
    const from = w * windowSize;
    const to = Math.min(samples.length, from + windowSize);
    let sum = 0;
    for (let i = from; i < to; i++) sum += (samples[i] ?? 0) ** 2;
    levels[w] = 10 * Math.log10(sum / Math.max(1, to - from) + 1e-20);
  }
  return levels;
}

/** Where sound starts and ends (10 ms RMS windows against a threshold), or null for silence. */
export function findSpeechBounds(samples: Float32Array, sampleRate: number, options: TrimOptions = {}): SpeechBounds | null {
  const windowSize = Math.max(1, Math.round(sampleRate * WINDOW_SEC));
  const levels = windowLevels(samples, windowSize);
  let loudest = -Infinity;
  for (const level of levels) loudest = Math.max(loudest, level);
  const threshold = Math.max(options.floorDb ?? -50, loudest - (options.rangeDb ?? 40));
  let first = -1;
  let last = -1;
  levels.forEach((level, w) => {
    if (level <= threshold) return;
    if (first < 0) first = w;
    last = w;
  });
  if (first < 0) return null;
  const lead = Math.round((options.leadPadSec ?? 0.015) * sampleRate);
  const tail = Math.round((options.tailPadSec ?? 0.04) * sampleRate);
  return {
    startSample: Math.max(0, first * windowSize - lead),
    endSample: Math.min(samples.length, (last + 1) * windowSize + tail),
  };
}

/** Cuts leading and trailing silence; `leadSec` is how much was removed from the start. */
export function trimSilence(
  samples: Float32Array,
  sampleRate: number,
  options: TrimOptions = {},
): { samples: Float32Array; leadSec: number } | null {
  const bounds = findSpeechBounds(samples, sampleRate, options);
  if (!bounds) return null;
  return { samples: samples.slice(bounds.startSample, bounds.endSample), leadSec: bounds.startSample / sampleRate };
}

/** Joins parts with the given number of silent samples after each part (the last gap is ignored). */
export function joinWithGaps(parts: Float32Array[], gapSamples: number[]): { samples: Float32Array; offsets: number[] } {
  const total = parts.reduce((sum, part, i) => sum + part.length + (i < parts.length - 1 ? (gapSamples[i] ?? 0) : 0), 0);
  const samples = new Float32Array(total);
  const offsets: number[] = [];
  let cursor = 0;
  parts.forEach((part, i) => {
    offsets.push(cursor);
    samples.set(part, cursor);
    cursor += part.length + (i < parts.length - 1 ? (gapSamples[i] ?? 0) : 0);
  });
  return { samples, offsets };
}

export function sliceSeconds(samples: Float32Array, sampleRate: number, start: number, end: number): Float32Array {
  const from = Math.max(0, Math.round(start * sampleRate));
  const to = Math.min(samples.length, Math.round(end * sampleRate));
  return samples.slice(from, Math.max(from, to));
}

/** Peak amplitude (0..1) per bucket: what a waveform view draws. */
export function waveformPeaks(samples: Float32Array, buckets: number): number[] {
  const count = Math.max(1, Math.floor(buckets));
  const size = samples.length / count;
  const peaks: number[] = [];
  for (let b = 0; b < count; b++) {
    let peak = 0;
    const to = Math.min(samples.length, Math.floor((b + 1) * size));
    for (let i = Math.floor(b * size); i < to; i++) peak = Math.max(peak, Math.abs(samples[i] ?? 0));
    peaks.push(Math.round(Math.min(1, peak) * 1000) / 1000);
  }
  return peaks;
}

/** Stretches of silence at least `minSec` long (10 ms windows at least `belowPeakDb` under the loudest). */
export function findPauses(samples: Float32Array, sampleRate: number, options: { minSec?: number; belowPeakDb?: number } = {}): Array<{ start: number; end: number }> {
  const windowSize = Math.max(1, Math.round(sampleRate * WINDOW_SEC));
  const levels = windowLevels(samples, windowSize);
  let loudest = -Infinity;
  for (const level of levels) loudest = Math.max(loudest, level);
  const threshold = Math.max(-60, loudest - (options.belowPeakDb ?? 35));
  const minWindows = Math.ceil((options.minSec ?? 0.2) / WINDOW_SEC);
  const pauses: Array<{ start: number; end: number }> = [];
  let runStart = -1;
  for (let w = 0; w <= levels.length; w++) {
    const quiet = w < levels.length && (levels[w] ?? 0) <= threshold;
    if (quiet && runStart < 0) runStart = w;
    if (!quiet && runStart >= 0) {
      if (w - runStart >= minWindows) pauses.push({ start: (runStart * windowSize) / sampleRate, end: Math.min(samples.length, w * windowSize) / sampleRate });
      runStart = -1;
    }
  }
  return pauses;
}
