import type { Language } from '../../../contracts/formats.ts';
import type { SceneTiming, WordTiming } from '../../../contracts/step-data.ts';
import type { SceneBoundary } from '../../../contracts/voice-api.ts';
import { TRACK_SAMPLE_RATE } from '../../adapters/ffmpeg/audio.ts';
import { alignScript } from './align-words.ts';
import { proposeBoundaries } from './own-boundaries.ts';
import { estimateWordTimings, timeScenesWithin, type TextScene } from './reading-speed.ts';
import { speechFrames } from './speech-frames.ts';
import { round } from './word-timing.ts';

/** How each scene's word times were found: aligned to the recording, or estimated when no speech was found in it. */
export type OwnTimingSource = 'aligned' | 'reading-speed';

export interface OwnTimings {
  durationSec: number;
  segments: SceneTiming[];
  timingSource: Record<string, OwnTimingSource>;
}

/**
 * Scene boundaries for one recording of the whole script, from the script aligned to it: each cut
 * in the middle of the silence between a scene's last word and the next scene's first. Without
 * an alignment (no speech found), the cuts come from pauses and word counts alone.
 */
export function boundariesFromAlignment(samples: Float32Array, scenes: TextScene[], durationSec: number, language: Language): SceneBoundary[] {
  const aligned = alignScript(speechFrames(samples, TRACK_SAMPLE_RATE), scenes.map((s) => s.text), 0, durationSec, language);
  if (scenes.length === 0 || aligned.some((words) => words.length === 0)) return proposeBoundaries(samples, scenes, durationSec);
  const cuts = aligned.slice(1).map((words, i) => round((aligned[i]!.at(-1)!.end + words[0]!.start) / 2));
  const edges = [0, ...cuts, round(durationSec)];
  return scenes.map((scene, i) => ({ sceneId: scene.id, start: edges[i]!, end: Math.min(edges[i + 1]!, Math.floor(durationSec * 1000) / 1000) }));
}

/**
 * Word times for own audio once its scene boundaries are set (400 via NarrationInputError when
 * they overlap or leave the audio): each scene's text aligned to the speech inside its bounds.
 */
export function alignOwnAudio(samples: Float32Array, scenes: TextScene[], boundaries: SceneBoundary[], durationSec: number, language: Language): OwnTimings {
  const checked = timeScenesWithin(scenes, boundaries, durationSec, language);
  const frames = speechFrames(samples, TRACK_SAMPLE_RATE);
  const textOf = new Map(scenes.map((s) => [s.id, s.text]));
  const timingSource: Record<string, OwnTimingSource> = {};
  const segments = checked.segments.map((segment) => {
    const text = textOf.get(segment.sceneId) ?? '';
    const [words = []] = alignScript(frames, [text], segment.start, segment.end, language);
    timingSource[segment.sceneId] = words.length > 0 ? 'aligned' : 'reading-speed';
    return { ...segment, words: words.length > 0 ? words : fallbackWords(segment, text, language) };
  });
  return { durationSec: checked.durationSec, segments, timingSource };
}

/** Word times of one text spoken through a whole clip (mono, TRACK_SAMPLE_RATE); empty when no speech is found in it. */
export function alignSpokenText(samples: Float32Array, text: string, language: Language): WordTiming[] {
  const [words = []] = alignScript(speechFrames(samples, TRACK_SAMPLE_RATE), [text], 0, samples.length / TRACK_SAMPLE_RATE, language);
  return words;
}

function fallbackWords(segment: SceneTiming, text: string, language: Language): WordTiming[] {
  return segment.words ?? estimateWordTimings(text, segment.start, segment.end, language);
}
