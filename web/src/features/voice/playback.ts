import type { SceneTiming } from '../../../../contracts/step-data.ts';
import type { Stage4Audio } from '../../../../contracts/voice-api.ts';
import type { ScriptScene } from './script-sync.ts';

export interface TimedWord {
  scene: number;
  word: number;
  start: number;
  end: number;
}

/** Every word of a narration in time order, with the scene and position it belongs to. */
export function timedWords(segments: SceneTiming[]): TimedWord[] {
  return segments.flatMap((segment, scene) => (segment.words ?? []).map((w, word) => ({ scene, word, start: w.start, end: w.end })));
}

/** A word stays lit this long into the silence after it, so the highlight does not flicker between words. */
const LINGER_SEC = 0.3;

/** The index (in `words`) of the word heard at `time`, or -1 between scenes and before the first word. */
export function wordAt(words: TimedWord[], time: number): number {
  let low = 0;
  let high = words.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (words[middle]!.start <= time) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  if (found < 0) return -1;
  const word = words[found]!;
  const next = words[found + 1];
  const lingerUntil = next && next.scene === word.scene ? next.start : word.end + LINGER_SEC;
  return time <= Math.max(word.end, lingerUntil) ? found : -1;
}

export function sceneAt(segments: SceneTiming[], time: number): number {
  return segments.findIndex((s) => time >= s.start && time < s.end);
}

/** Scenes whose text is not what was voiced (edited, added or removed since the narration). */
export function outdatedScenes(scenes: ScriptScene[], audio: Stage4Audio | null | undefined): string[] {
  if (!audio) return [];
  const voiced = audio.narratedText ?? {};
  const now = new Set(scenes.map((s) => s.id));
  return [...scenes.filter((s) => voiced[s.id] !== s.text).map((s) => s.id), ...Object.keys(voiced).filter((id) => !now.has(id))];
}
