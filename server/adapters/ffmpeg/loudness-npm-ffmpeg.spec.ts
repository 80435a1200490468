import { createRequire } from 'node:module';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { espeakWav } from '../tts/testing/speech-audio.ts';
import { decodeToPcm } from './audio.ts';
import { ffmpegBinary } from './binary.ts';
import { measureLoudness, normalizeLoudness } from './loudness.ts';

// The npm-shipped ffmpeg (2018) lacks alimiter's latency option: normalisation must pad and trim itself.
const previous = process.env.FFMPEG_PATH;
process.env.FFMPEG_PATH = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;

describe('loudness normalisation with the npm-shipped ffmpeg', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rf-npm-ffmpeg-'));
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.FFMPEG_PATH;
    else process.env.FFMPEG_PATH = previous;
    await rm(dir, { recursive: true, force: true });
  });

  it('reaches -14 LUFS / -1 dBTP and keeps speech where it was', async () => {
    const binary = await ffmpegBinary();
    expect(binary.source).toBe('env');
    const input = join(dir, 'speech.wav');
    const output = join(dir, 'speech-normalised.wav');
    await writeFile(input, espeakWav('The bundled ffmpeg is older, but the result must be the same.', 'en-us'));
    const result = await normalizeLoudness(input, output, { integratedLufs: -14, maxTruePeakDbtp: -1 });
    const measured = await measureLoudness(output);
    expect(Math.abs(measured.integratedLufs - -14)).toBeLessThanOrEqual(1);
    expect(measured.truePeakDbtp).toBeLessThanOrEqual(-1);

    const before = await decodeToPcm(input);
    const after = await decodeToPcm(output);
    expect(Math.abs(after.length - before.length)).toBeLessThanOrEqual(2);
    const onset = (samples: Float32Array, threshold: number) => samples.findIndex((s) => Math.abs(s) > threshold);
    expect(Math.abs(onset(after, 0.05) - onset(before, 0.05 * 10 ** (result.gainDb / -20)))).toBeLessThan(12);
  });
});
