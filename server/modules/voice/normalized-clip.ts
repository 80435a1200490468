import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { MAX_TRUE_PEAK_DBTP, TARGET_LOUDNESS_LUFS } from '../../../contracts/voice.ts';
import { decodeToPcm, writeWav } from '../../adapters/ffmpeg/audio.ts';
import { normalizeLoudness } from '../../adapters/ffmpeg/loudness.ts';
import { type Clip, type ClipCache, clipKey } from './clip-cache.ts';

export const LOUDNESS_TARGET = { integratedLufs: TARGET_LOUDNESS_LUFS, maxTruePeakDbtp: MAX_TRUE_PEAK_DBTP } as const;

/**
 * A scene clip brought to the loudness target on its own, cached next to the clip. Normalising
 * scenes separately means regenerating one scene re-normalises only that scene; the joined
 * track is measured afterwards and corrected as a whole only if it misses the target.
 */
export async function normalizedClip(
  clip: Clip,
  sceneKey: string,
  cache: ClipCache,
  workDir: string,
  signal?: AbortSignal,
): Promise<Clip> {
  const key = clipKey({ kind: 'normalized', sceneKey, ...LOUDNESS_TARGET });
  const cached = await cache.get(key);
  if (cached) return cached;
  const id = randomUUID();
  const input = join(workDir, `${id}.in.wav`);
  const output = join(workDir, `${id}.out.wav`);
  try {
    await writeWav(input, clip.samples, clip.sampleRate, 'f32');
    await normalizeLoudness(input, output, LOUDNESS_TARGET, { signal });
    const decoded = await decodeToPcm(output, { sampleRate: clip.sampleRate, signal });
    // Resampling inside the limiter may add or drop a sample; word times assume the original length.
    const samples = new Float32Array(clip.samples.length);
    samples.set(decoded.subarray(0, samples.length));
    const normalized = { ...clip, samples };
    await cache.put(key, normalized);
    return normalized;
  } finally {
    await Promise.all([rm(input, { force: true }), rm(output, { force: true })]);
  }
}
