import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Language } from '../../../contracts/formats.ts';
import type { SceneTiming } from '../../../contracts/step-data.ts';
import { DEFAULT_SCENE_PAUSE_SEC, MAX_SCENE_PAUSE_SEC } from '../../../contracts/voice.ts';
import { decodeToPcm, TRACK_SAMPLE_RATE, writeWav } from '../../adapters/ffmpeg/audio.ts';
import { measureLoudness, normalizeLoudness, type LoudnessMeasurement } from '../../adapters/ffmpeg/loudness.ts';
import type { TtsProvider } from '../../adapters/tts/types.ts';
import { assembleTrack, timingProblems } from './assemble.ts';
import { ClipCache } from './clip-cache.ts';
import { NarrationInputError } from './errors.ts';
import { Semaphore } from './limit.ts';
import { LOUDNESS_TARGET, normalizedClip } from './normalized-clip.ts';
import { sliceSeconds } from './pcm.ts';
import { sceneClip, type SceneClip } from './scene-clip.ts';

export interface NarrationProgress {
  phase: 'synthesizing' | 'normalizing' | 'mixing' | 'writing' | 'done';
  /** 0..1 over the whole narration. */
  fraction: number;
  scenesDone: number;
  scenesTotal: number;
}

export interface NarrateInput {
  scenes: Array<{ id: string; text: string }>;
  language: Language;
  provider: TtsProvider;
  voiceId: string;
  speed?: number;
  pitch?: number;
  /** Silence between scenes; default 0.35 s. */
  pauseSec?: number;
  /** Keeps synthesised phrases and scenes between runs; shared by every narration of a project. */
  cacheDir: string;
  /** Receives narration.wav and one scene-NNN.wav per scene. */
  workDir: string;
  onProgress?: (progress: NarrationProgress) => void;
  signal?: AbortSignal;
}

export interface NarrationResult {
  /** 48 kHz mono 16-bit WAV, loudness-normalised: what the render muxes. */
  trackFile: string;
  durationSec: number;
  segments: SceneTiming[];
  /** Each scene cut from the normalised track, for playing one scene alone. */
  sceneFiles: Array<{ sceneId: string; file: string; durationSec: number }>;
  reusedSceneIds: string[];
  synthesizedSceneIds: string[];
  /** Provider calls made (0 when everything came from the cache). */
  synthesisCalls: number;
  timingSource: Record<string, 'alignment' | 'phrases' | 'estimate'>;
  loudness: LoudnessMeasurement;
}

/** Silence after the last scene, so the track does not stop on the last consonant. */
const TRACK_TAIL_SEC = 0.15;
/** ffmpeg runs for loudness are CPU-bound: two at a time. */
const NORMALIZE_CONCURRENCY = 2;

function validate(input: NarrateInput): void {
  if (input.scenes.length === 0) throw new NarrationInputError('scenes: at least one scene is needed');
  const seen = new Set<string>();
  input.scenes.forEach((scene, i) => {
    if (!scene.id) throw new NarrationInputError(`scenes[${i}].id: missing`);
    if (seen.has(scene.id)) throw new NarrationInputError(`scenes[${i}].id: "${scene.id}" is used twice`);
    seen.add(scene.id);
    if (!/[\p{L}\p{N}]/u.test(scene.text)) throw new NarrationInputError(`scenes[${i}].text: scene "${scene.id}" has nothing to say`);
  });
  const speed = input.speed ?? 1;
  if (!(speed >= 0.25 && speed <= 4)) throw new NarrationInputError(`speed: ${speed} is outside 0.25..4`);
  const pause = input.pauseSec ?? DEFAULT_SCENE_PAUSE_SEC;
  if (!(pause >= 0 && pause <= MAX_SCENE_PAUSE_SEC)) throw new NarrationInputError(`pauseSec: ${pause} is outside 0..${MAX_SCENE_PAUSE_SEC}`);
}

/**
 * Narrates scenes with one voice: per-scene clips (cached by text, voice and settings), joined
 * with pauses, normalised to -14 LUFS / -1 dBTP, with scene and word timings for captions.
 */
export async function narrate(input: NarrateInput): Promise<NarrationResult> {
  validate(input);
  const { scenes } = input;
  // One failed scene stops the others, so a failing job does not keep spending provider credits.
  const failFast = new AbortController();
  const signal = input.signal ? AbortSignal.any([input.signal, failFast.signal]) : failFast.signal;
  const total = scenes.length;
  const report = (phase: NarrationProgress['phase'], fraction: number, scenesDone: number) =>
    input.onProgress?.({ phase, fraction, scenesDone, scenesTotal: total });
  await mkdir(input.workDir, { recursive: true });

  let calls = 0;
  let done = 0;
  report('synthesizing', 0, 0);
  const context = {
    voice: { provider: input.provider, voiceId: input.voiceId, language: input.language, speed: input.speed ?? 1, pitch: input.pitch },
    cache: new ClipCache(input.cacheDir),
    limiter: new Semaphore(Math.max(1, input.provider.maxConcurrency)),
    signal,
    onSynthesis: () => void calls++,
  };
  const clips: SceneClip[] = await Promise.all(
    scenes.map(async (scene) => {
      const clip = await sceneClip(context, scene).catch((error: unknown) => {
        failFast.abort(error);
        throw error;
      });
      done++;
      report('synthesizing', 0.7 * (done / total), done);
      return clip;
    }),
  );

  report('normalizing', 0.7, total);
  const normalizer = new Semaphore(NORMALIZE_CONCURRENCY);
  let normalizedCount = 0;
  const normalized = await Promise.all(
    clips.map(async ({ clip, key }) => {
      const result = await normalizer.run(() => normalizedClip(clip, key, context.cache, input.workDir, signal));
      normalizedCount++;
      report('normalizing', 0.7 + 0.2 * (normalizedCount / total), total);
      return result;
    }),
  );

  signal?.throwIfAborted();
  report('mixing', 0.9, total);
  const named = scenes.map((scene, i) => ({ sceneId: scene.id, clip: normalized[i]! }));
  const assembled = assembleTrack(named, input.pauseSec ?? DEFAULT_SCENE_PAUSE_SEC, TRACK_SAMPLE_RATE);
  let track = new Float32Array(assembled.samples.length + Math.round(TRACK_TAIL_SEC * TRACK_SAMPLE_RATE));
  track.set(assembled.samples);
  const trackFile = join(input.workDir, 'narration.wav');
  await writeWav(trackFile, track, TRACK_SAMPLE_RATE, 's16');
  let loudness = await measureLoudness(trackFile, { signal });
  if (!withinTarget(loudness)) {
    // Rare (very short scenes): correct the joined track as a whole; timing is preserved sample for sample.
    const corrected = join(input.workDir, 'narration.corrected.wav');
    loudness = (await normalizeLoudness(trackFile, corrected, LOUDNESS_TARGET, { signal })).after;
    await rename(corrected, trackFile);
    const decoded = await decodeToPcm(trackFile, { signal });
    track = new Float32Array(track.length);
    track.set(decoded.subarray(0, track.length));
    await writeWav(trackFile, track, TRACK_SAMPLE_RATE, 's16');
  }

  report('writing', 0.95, total);
  const durationSec = Math.floor((track.length / TRACK_SAMPLE_RATE) * 1000) / 1000;
  const problems = timingProblems({ durationSec, segments: assembled.segments });
  if (problems.length > 0) throw new Error(`narration timings are inconsistent: ${problems.slice(0, 3).join('; ')}`);
  const sceneFiles = await Promise.all(
    assembled.segments.map(async (segment, i) => {
      const file = join(input.workDir, `scene-${String(i + 1).padStart(3, '0')}.wav`);
      const samples = sliceSeconds(track, TRACK_SAMPLE_RATE, segment.start, segment.end);
      await writeWav(file, samples, TRACK_SAMPLE_RATE, 's16');
      return { sceneId: segment.sceneId, file, durationSec: samples.length / TRACK_SAMPLE_RATE };
    }),
  );
  report('done', 1, total);
  return {
    trackFile,
    durationSec,
    segments: assembled.segments,
    sceneFiles,
    reusedSceneIds: scenes.filter((_, i) => clips[i]!.reused).map((s) => s.id),
    synthesizedSceneIds: scenes.filter((_, i) => !clips[i]!.reused).map((s) => s.id),
    synthesisCalls: calls,
    timingSource: Object.fromEntries(scenes.map((s, i) => [s.id, clips[i]!.clip.timingSource ?? 'phrases'])),
    loudness,
  };
}

/** Within half the allowed 1 LU, so the track stays inside the bar after encoding. */
function withinTarget(loudness: LoudnessMeasurement): boolean {
  return Math.abs(loudness.integratedLufs - LOUDNESS_TARGET.integratedLufs) <= 0.5 && loudness.truePeakDbtp <= LOUDNESS_TARGET.maxTruePeakDbtp;
}
