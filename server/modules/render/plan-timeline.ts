import { RENDER_FPS } from '../../../contracts/render-plan.ts';
import type { CaptionWord } from '../../../contracts/render-plan.ts';
import type { SceneTiming } from '../../../contracts/step-data.ts';

export interface SnappedScene {
  sceneId: string;
  start: number;
  end: number;
  words: CaptionWord[];
}

/** A scene lasts at least this long on screen, even when its narration is shorter. */
const MIN_SCENE_SEC = 2 / RENDER_FPS + 0.01;
const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Narration segments as contiguous scenes on the output timeline: the first starts at 0, each
 * next one where the previous ends (a pause between two scenes stays with the scene before it,
 * so the picture changes when the next scene starts speaking), and the last ends no earlier than
 * the audio. Overlapping segments meet in the middle; words are kept inside their scene.
 */
export function snapSceneTimings(segments: SceneTiming[], audioDurationSec: number): SnappedScene[] {
  const boundaries: number[] = [0];
  for (let i = 1; i < segments.length; i++) {
    const previous = segments[i - 1]!;
    const next = segments[i]!;
    const boundary = next.start >= previous.end ? next.start : (previous.end + next.start) / 2;
    boundaries.push(Math.max(boundary, boundaries[i - 1]! + MIN_SCENE_SEC));
  }
  const lastEnd = Math.max(segments[segments.length - 1]?.end ?? 0, audioDurationSec, boundaries[boundaries.length - 1]! + MIN_SCENE_SEC);
  return segments.map((segment, i) => {
    const start = round(boundaries[i]!);
    const end = round(i + 1 < segments.length ? boundaries[i + 1]! : lastEnd);
    return { sceneId: segment.sceneId, start, end, words: clampWords(segment.words ?? [], start, end) };
  });
}

function clampWords(words: ReadonlyArray<{ word: string; start: number; end: number }>, start: number, end: number): CaptionWord[] {
  const result: CaptionWord[] = [];
  let previousStart = start;
  for (const word of words) {
    const text = word.word.trim();
    if (!text) continue;
    const wordStart = round(Math.min(Math.max(word.start, previousStart, start), end));
    const wordEnd = round(Math.min(Math.max(word.end, wordStart), end));
    result.push({ word: text, start: wordStart, end: wordEnd });
    previousStart = wordStart;
  }
  return result;
}
