import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlanSchema } from '../../../contracts/render-plan.ts';
import { runFfmpeg } from '../../adapters/ffmpeg/run.ts';
import { AUDIO_SAMPLE_RATE, buildAudioGraph } from './audio-mix.ts';
import { escapeFilterValue } from './filter-graph.ts';
import { makeTone, planFor, speak } from './test-support.ts';

/** Runs only the audio part of the render graph and returns the mix as interleaved float samples. */
async function mixSamples(dir: string, plan: unknown, totalSamples: number, name: string): Promise<Float32Array> {
  const parsed = renderPlanSchema.parse(plan);
  const { inputArgs, filters } = buildAudioGraph(parsed, 0, totalSamples);
  const out = join(dir, `${name}.f32`);
  await runFfmpeg(['-y', ...inputArgs, '-filter_complex', filters.join(';'), '-map', '[aout]', '-c:a', 'pcm_f32le', '-f', 'f32le', out]);
  const bytes = await readFile(out);
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

function rmsDb(samples: Float32Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (samples[i] ?? 0) ** 2;
  return 10 * Math.log10(sum / Math.max(1, to - from) + 1e-12);
}

describe('audio graph', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rf-audio-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps speech at least 10 dB above the ducked music, and lets the music back up after', async () => {
    const voice = await speak(dir, 'Speech over music must stay clear and loud enough to follow.');
    const music = await makeTone(dir, 2);
    const total = voice.durationSec + 1.5;
    const totalSamples = Math.round(total * AUDIO_SAMPLE_RATE);
    const scenes = [{ text: 'Speech over music' }];
    const withMusic = await mixSamples(dir, planFor(scenes, total, { narration: voice.path, music }), totalSamples, 'mix');
    const voiceOnly = await mixSamples(dir, planFor(scenes, total, { narration: voice.path }), totalSamples, 'voice');
    expect(withMusic.length).toBe(totalSamples * 2);
    expect(voiceOnly.length).toBe(totalSamples * 2);

    // The voice passes through unchanged, so the difference is exactly the (ducked) music.
    const musicPart = withMusic.map((sample, i) => sample - (voiceOnly[i] ?? 0));
    const window = Math.round(0.05 * AUDIO_SAMPLE_RATE) * 2;
    const speechLevels: Array<{ voice: number; music: number }> = [];
    for (let at = 0; at + window <= Math.round(voice.durationSec * AUDIO_SAMPLE_RATE) * 2; at += window) {
      const level = rmsDb(voiceOnly, at, at + window);
      if (level > -30) speechLevels.push({ voice: level, music: rmsDb(musicPart, at, at + window) });
    }
    expect(speechLevels.length).toBeGreaterThan(10);
    const meanVoice = speechLevels.reduce((s, l) => s + l.voice, 0) / speechLevels.length;
    const meanMusic = speechLevels.reduce((s, l) => s + l.music, 0) / speechLevels.length;
    expect(meanVoice - meanMusic).toBeGreaterThan(10);

    // In the last half second there is no speech: the music is back (looped past its 2 s) and louder than under the voice.
    const tail = rmsDb(musicPart, (totalSamples - AUDIO_SAMPLE_RATE / 2) * 2, totalSamples * 2);
    expect(tail).toBeGreaterThan(meanMusic + 3);
  });

  it('makes a silent stereo track when there is no audio at all', async () => {
    const samples = await mixSamples(dir, planFor([{ text: 'quiet' }], 1), AUDIO_SAMPLE_RATE, 'silence');
    expect(samples.length).toBe(AUDIO_SAMPLE_RATE * 2);
    expect(samples.every((s) => s === 0)).toBe(true);
  });

  it('escapes paths for filter options', () => {
    expect(escapeFilterValue("/tmp/it's: [a],b;c")).toBe("/tmp/it\\\\\\'s\\\\: \\[a\\]\\,b\\;c");
  });
});
