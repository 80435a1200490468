import { SPEAKING_RATE_WPS, type Language } from '../../../contracts/formats.ts';
import type { SceneTiming } from '../../../contracts/step-data.ts';
import { DEFAULT_SCENE_PAUSE_SEC, type NarrationTimings } from '../../../contracts/voice.ts';
import { NarrationInputError } from './errors.ts';
import { distributeWords, round, tidyWordTimings } from './word-timing.ts';
import { splitWords } from './words.ts';

export interface TextScene {
  id: string;
  text: string;
}

/** A pause found in a recording, in seconds. */
export interface Pause {
  start: number;
  end: number;
}

/** Word times spread over [start, end] in proportion to each word's estimated speaking time. */
export function estimateWordTimings(text: string, start: number, end: number, language: Language) {
  const words = splitWords(text).map((w) => w.text);
  const span = end - start;
  return tidyWordTimings(distributeWords(words, 0, span, language), Math.floor(span * 1000) / 1000, 0).map((w) => ({
    ...w,
    start: round(w.start + start),
    end: round(w.end + start),
  }));
}

/**
 * Caption timings by reading speed alone, for projects without narration (stage 4 skipped):
 * each scene lasts its words divided by the language's speaking rate, scenes separated by a pause.
 */
export function timeByReadingSpeed(
  scenes: TextScene[],
  language: Language,
  options: { pauseSec?: number; wordsPerSecond?: number } = {},
): NarrationTimings {
  const rate = options.wordsPerSecond ?? SPEAKING_RATE_WPS[language];
  const pause = options.pauseSec ?? DEFAULT_SCENE_PAUSE_SEC;
  const segments: SceneTiming[] = [];
  let cursor = 0;
  scenes.forEach((scene, i) => {
    const words = splitWords(scene.text).length;
    const length = Math.max(0.5, words / rate);
    const start = round(cursor);
    const end = round(cursor + length);
    segments.push({ sceneId: scene.id, start, end, words: estimateWordTimings(scene.text, start, end, language) });
    cursor = end + (i < scenes.length - 1 ? pause : 0);
  });
  return { durationSec: round(cursor), segments };
}

/**
 * Scene boundaries for own audio: the duration shared evenly, or in proportion to each scene's
 * word count. With pauses found in the recording, each boundary moves to the middle of the
 * nearest pause within `maxShiftSec` (default a quarter of the shorter neighbouring scene).
 */
export function proposeSceneBoundaries(
  scenes: TextScene[],
  durationSec: number,
  options: { weightByWords?: boolean; pauses?: Pause[]; maxShiftSec?: number } = {},
): Array<{ sceneId: string; start: number; end: number }> {
  if (scenes.length === 0) return [];
  const weights = scenes.map((s) => (options.weightByWords === false ? 1 : Math.max(1, splitWords(s.text).length)));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const cuts: number[] = [];
  let cumulative = 0;
  for (let i = 0; i < scenes.length - 1; i++) {
    cumulative += weights[i]!;
    cuts.push((durationSec * cumulative) / total);
  }
  const snapped = cuts.map((cut, i) => {
    const previous = i === 0 ? 0 : cuts[i - 1]!;
    const next = i === cuts.length - 1 ? durationSec : cuts[i + 1]!;
    const limit = options.maxShiftSec ?? Math.min(cut - previous, next - cut) / 4;
    let best = cut;
    let bestDistance = Infinity;
    for (const pause of options.pauses ?? []) {
      const middle = (pause.start + pause.end) / 2;
      const distance = Math.abs(middle - cut);
      if (distance <= limit && distance < bestDistance) {
        best = middle;
        bestDistance = distance;
      }
    }
    return best;
  });
  const edges = [0, ...snapped, durationSec];
  return scenes.map((scene, i) => ({ sceneId: scene.id, start: round(edges[i]!), end: round(edges[i + 1]!) }));
}

/** Timings for own audio once its scene boundaries are set: word times estimated inside each scene. */
export function timeScenesWithin(
  scenes: TextScene[],
  boundaries: Array<{ sceneId: string; start: number; end: number }>,
  durationSec: number,
  language: Language,
): NarrationTimings {
  const byId = new Map(boundaries.map((b) => [b.sceneId, b]));
  let previousEnd = 0;
  const segments = scenes.map((scene) => {
    const bounds = byId.get(scene.id);
    if (!bounds) throw new NarrationInputError(`boundaries: scene "${scene.id}" has none`);
    if (!(bounds.end > bounds.start) || bounds.start < previousEnd - 0.0005 || bounds.end > durationSec + 0.0005) {
      throw new NarrationInputError(
        `boundaries: scene "${scene.id}" (${bounds.start}..${bounds.end}) must follow the previous scene (ends ${previousEnd}) and end by ${durationSec}`,
      );
    }
    previousEnd = bounds.end;
    const start = round(bounds.start);
    const end = Math.min(round(bounds.end), Math.floor(durationSec * 1000) / 1000);
    return { sceneId: scene.id, start, end, words: estimateWordTimings(scene.text, start, end, language) };
  });
  return { durationSec: Math.floor(durationSec * 1000) / 1000, segments };
}
