import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { espeakWav } from '../tts/testing/speech-audio.ts';
import { decodeToPcm, encodeWav, ffmpegToBuffer, writeWav } from './audio.ts';
import { measureLoudness, normalizeLoudness } from './loudness.ts';
import { probeMedia } from './probe.ts';

function tone(seconds: number, amplitude: number, rate = 48_000): Float32Array {
  const samples = new Float32Array(Math.round(seconds * rate));
  for (let i = 0; i < samples.length; i++) samples[i] = amplitude * Math.sin((2 * Math.PI * 440 * i) / rate);
  return samples;
}

function firstLoudSample(samples: Float32Array, threshold = 0.01): number {
  return samples.findIndex((s) => Math.abs(s) > threshold);
}

describe('audio helpers', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rf-audio-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('writes WAV (16-bit and float) that ffmpeg reads back sample for sample', async () => {
    const samples = tone(0.5, 0.5);
    for (const encoding of ['s16', 'f32'] as const) {
      const file = join(dir, `tone-${encoding}.wav`);
      await writeWav(file, samples, 48_000, encoding);
      const info = await probeMedia(file);
      expect(info.streams[0]).toMatchObject({ codecType: 'audio', sampleRate: 48_000, channels: 1 });
      const decoded = await decodeToPcm(file);
      expect(decoded.length).toBe(samples.length);
      const worst = decoded.reduce((max, v, i) => Math.max(max, Math.abs(v - samples[i]!)), 0);
      expect(worst).toBeLessThan(encoding === 's16' ? 1e-4 : 1e-7);
    }
  });

  it('decodes in-memory MP3 and raw 16-bit PCM at 48 kHz mono', async () => {
    const wav = encodeWav(tone(1, 0.3, 24_000), 24_000);
    const mp3 = await ffmpegToBuffer(['-i', 'pipe:0', '-f', 'mp3', 'pipe:1'], { input: wav });
    const fromMp3 = await decodeToPcm({ data: mp3, format: 'mp3' });
    expect(Math.abs(fromMp3.length / 48_000 - 1)).toBeLessThan(0.06);
    const raw = wav.subarray(44);
    const fromRaw = await decodeToPcm({ data: raw, format: 'pcm_s16le', sampleRate: 24_000 });
    expect(fromRaw.length).toBe(48_000);
    await expect(decodeToPcm({ data: Buffer.from('not audio at all'), format: 'mp3' })).rejects.toThrow(/ffmpeg exited/);
  });

  it('normalises synthetic speech to -14 LUFS within 1 LU with true peak at or below -1 dBTP, without shifting it in time', async () => {
    for (const [text, voice] of [
      ['Loudness normalisation keeps every narration equally loud on every phone.', 'en-us'],
      ['Нормализация громкости делает каждую озвучку одинаково громкой.', 'ru'],
    ] as const) {
      const input = join(dir, `speech-${voice}.wav`);
      const output = join(dir, `speech-${voice}-normalised.wav`);
      await writeFile(input, espeakWav(text, voice));
      const result = await normalizeLoudness(input, output, { integratedLufs: -14, maxTruePeakDbtp: -1 });
      const measured = await measureLoudness(output);
      expect(result.mode).toBe('loudness');
      expect(Math.abs(measured.integratedLufs - -14)).toBeLessThanOrEqual(1);
      expect(measured.truePeakDbtp).toBeLessThanOrEqual(-1);
      expect(result.after).toEqual(measured);

      const before = await decodeToPcm(input);
      const after = await decodeToPcm(output);
      expect(Math.abs(after.length - before.length)).toBeLessThanOrEqual(2);
      expect(Math.abs(firstLoudSample(after, 0.05) - firstLoudSample(before, 0.05 * 10 ** (result.gainDb / -20)))).toBeLessThan(12);
      expect((await probeMedia(output)).streams[0]).toMatchObject({ sampleRate: 48_000, channels: 1, codecName: 'pcm_s16le' });
    }
  });

  it('only sets the peak of audio too short to measure loudness', async () => {
    const input = join(dir, 'blip.wav');
    await writeWav(input, tone(0.2, 0.05), 48_000);
    const result = await normalizeLoudness(input, join(dir, 'blip-out.wav'), { integratedLufs: -14, maxTruePeakDbtp: -1 });
    expect(result.mode).toBe('peak');
    expect(result.after.truePeakDbtp).toBeLessThanOrEqual(-1);
    expect(result.after.truePeakDbtp).toBeGreaterThan(-3);
  });
});
