import { expect } from 'vitest';
import type { SceneTiming } from '../../../../contracts/step-data.ts';
import { timingProblems } from '../assemble.ts';
import { splitWords } from '../words.ts';

/** Every scene and word time ordered, non-empty and inside the audio; one timed word per script word. */
export function expectUsableTimings(timings: { durationSec: number; segments: SceneTiming[] }, scenes: Array<{ id: string; text: string }>): void {
  expect(timingProblems(timings)).toEqual([]);
  expect(timings.segments.map((s) => s.sceneId)).toEqual(scenes.map((s) => s.id));
  let previous = 0;
  timings.segments.forEach((segment, i) => {
    const words = segment.words ?? [];
    expect(words.map((w) => w.word)).toEqual(splitWords(scenes[i]!.text).map((w) => w.text));
    for (const time of [segment.start, ...words.flatMap((w) => [w.start, w.end]), segment.end]) {
      expect(time).toBeGreaterThanOrEqual(previous);
      expect(time).toBeLessThanOrEqual(timings.durationSec);
      previous = time;
    }
  });
}
