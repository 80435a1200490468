import type { SceneTiming } from '../../../contracts/step-data.ts';
import type { Clip } from './clip-cache.ts';
import { joinWithGaps } from './pcm.ts';
import { round } from './word-timing.ts';

/** Joins scene clips with a pause between scenes; scene and word times follow the clips' positions. */
export function assembleTrack(
  scenes: Array<{ sceneId: string; clip: Clip }>,
  pauseSec: number,
  sampleRate: number,
): { samples: Float32Array; segments: SceneTiming[] } {
  const pause = Math.round(pauseSec * sampleRate);
  const { samples, offsets } = joinWithGaps(
    scenes.map((s) => s.clip.samples),
    scenes.map(() => pause),
  );
  const segments = scenes.map(({ sceneId, clip }, i) => {
    const offset = (offsets[i] ?? 0) / sampleRate;
    return {
      sceneId,
      start: round(offset),
      end: round(offset + clip.samples.length / sampleRate),
      words: clip.words.map((w) => ({ word: w.word, start: round(w.start + offset), end: round(w.end + offset) })),
    };
  });
  return { samples, segments };
}

/** Problems that make timings unusable for captions; empty when every time is ordered and inside the audio. */
export function timingProblems(timings: { durationSec: number; segments: SceneTiming[] }): string[] {
  const problems: string[] = [];
  let sceneFloor = 0;
  for (const segment of timings.segments) {
    const where = `scene "${segment.sceneId}"`;
    if (segment.start < sceneFloor) problems.push(`${where} starts at ${segment.start}, before the previous scene ends (${sceneFloor})`);
    if (segment.end <= segment.start) problems.push(`${where} ends at ${segment.end}, not after its start ${segment.start}`);
    if (segment.end > timings.durationSec) problems.push(`${where} ends at ${segment.end}, after the audio (${timings.durationSec})`);
    let wordFloor = segment.start;
    for (const word of segment.words ?? []) {
      if (word.start < wordFloor) problems.push(`${where}: "${word.word}" starts at ${word.start}, before ${wordFloor}`);
      if (word.end <= word.start) problems.push(`${where}: "${word.word}" ends at ${word.end}, not after its start ${word.start}`);
      if (word.end > segment.end) problems.push(`${where}: "${word.word}" ends at ${word.end}, after the scene (${segment.end})`);
      wordFloor = Math.max(wordFloor, word.end);
    }
    sceneFloor = Math.max(sceneFloor, segment.end);
  }
  return problems;
}
