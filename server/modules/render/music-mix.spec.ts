import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlanSchema, type RenderPlanInput } from '../../../contracts/render-plan.ts';
import { normalizeLoudness } from '../../adapters/ffmpeg/loudness.ts';
import { runFfmpeg } from '../../adapters/ffmpeg/run.ts';
import { AUDIO_SAMPLE_RATE, buildAudioGraph } from './audio-mix.ts';
import { withMusicFile } from './music-track.ts';
import { renderVideo } from './render-video.ts';
import { planFor, speak } from './test-support.ts';

/*
 * Music under the voice, measured on real renders as a viewer would hear them: loudness and true
 * peak of the MP4 (ebur128), no silent stretch once the music has faded in (silencedetect), and the
 * music well under the voice wherever the voice speaks.
 */

const SCENES = [
  { text: 'The council approved the new budget on Tuesday. Schools will get more money next year.' },
  { text: 'Critics say the plan is not enough. The vote was close, seven to five.' },
];

async function ffmpegReport(args: string[]): Promise<string> {
  return runFfmpeg(['-hide_banner', '-nostats', ...args, '-f', 'null', '-']);
}

function summaryValue(report: string, label: string): number {
  const summary = report.slice(report.lastIndexOf('Summary:'));
  const match = new RegExp(`${label}:\\s+(-?[\\d.]+)`).exec(summary);
  if (!match) throw new Error(`no ${label} in the ebur128 summary`);
  return Number(match[1]);
}

/** Interleaved stereo float samples of the audio graph alone (no video, no AAC). */
async function mixSamples(dir: string, plan: RenderPlanInput, totalSamples: number, name: string): Promise<Float32Array> {
  const parsed = await withMusicFile(renderPlanSchema.parse(plan), totalSamples / AUDIO_SAMPLE_RATE, dir);
  const { inputArgs, filters } = buildAudioGraph(parsed, 0, totalSamples);
  const out = join(dir, `${name}.f32`);
  await runFfmpeg(['-y', ...inputArgs, '-filter_complex', filters.join(';'), '-map', '[aout]', '-c:a', 'pcm_f32le', '-f', 'f32le', out]);
  const bytes = await readFile(out);
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

function rmsDb(samples: Float32Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (samples[i] ?? 0) ** 2;
  return 10 * Math.log10(sum / Math.max(1, to - from) + 1e-12);
}

/** Two short renders on a shared two-core machine. */
const RENDER_TIMEOUT_MS = 240_000;

describe('music under the narration', () => {
  let dir = '';
  let voicePath = '';
  let totalSec = 0;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rf-music-mix-'));
    // Narration as stage 4 leaves it: -14 LUFS, true peak under -1 dBTP, pauses between sentences.
    const raw = await speak(dir, SCENES.map((s) => s.text).join(' '), 'en', 'raw.wav');
    voicePath = join(dir, 'voice.wav');
    await normalizeLoudness(raw.path, voicePath, { integratedLufs: -14, maxTruePeakDbtp: -1 });
    totalSec = raw.durationSec + 1;
  }, RENDER_TIMEOUT_MS);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('renders a video whose music fills the pauses, at -14 LUFS and under -1 dBTP', async () => {
    const plan = planFor(SCENES, totalSec, { narration: voicePath });
    plan.music = { generate: { mood: 'calm', seed: 7 } };
    const out = join(dir, 'with-music.mp4');
    await renderVideo(plan, out);

    const loudness = await ffmpegReport(['-i', out, '-vn', '-af', 'ebur128=peak=true']);
    expect(Math.abs(summaryValue(loudness, 'I') + 14)).toBeLessThanOrEqual(1);
    expect(summaryValue(loudness, 'Peak')).toBeLessThanOrEqual(-1);

    // The narration alone has silent gaps between sentences; with music there is none after the fade-in.
    const silences = (file: string) => ffmpegReport(['-ss', '1', '-i', file, '-vn', '-af', 'silencedetect=n=-50dB:d=0.4']).then((r) => r.match(/silence_start/g)?.length ?? 0);
    const voiceOnly = join(dir, 'voice-only.mp4');
    await renderVideo(planFor(SCENES, totalSec, { narration: voicePath }), voiceOnly);
    expect(await silences(voiceOnly)).toBeGreaterThan(0);
    expect(await silences(out)).toBe(0);
  }, RENDER_TIMEOUT_MS);

  it('keeps the music at least 15 dB under the voice while it speaks, and audible in the pauses', async () => {
    const totalSamples = Math.round(totalSec * AUDIO_SAMPLE_RATE);
    const withMusic = planFor(SCENES, totalSec, { narration: voicePath });
    withMusic.music = { generate: { mood: 'upbeat', seed: 3 } };
    const mix = await mixSamples(dir, withMusic, totalSamples, 'mix');
    const voice = await mixSamples(dir, planFor(SCENES, totalSec, { narration: voicePath }), totalSamples, 'voice');
    // The voice passes through the mix unchanged, so the difference is exactly the ducked music.
    const music = mix.map((sample, i) => sample - (voice[i] ?? 0));

    const window = Math.round(0.1 * AUDIO_SAMPLE_RATE) * 2;
    const speaking: Array<{ voice: number; music: number }> = [];
    const pauses: number[] = [];
    for (let at = 2 * AUDIO_SAMPLE_RATE; at + window <= (totalSamples - 2 * AUDIO_SAMPLE_RATE) * 2; at += window) {
      const voiceLevel = rmsDb(voice, at, at + window);
      if (voiceLevel > -35) speaking.push({ voice: voiceLevel, music: rmsDb(music, at, at + window) });
      else if (voiceLevel < -60) pauses.push(rmsDb(music, at, at + window));
    }
    expect(speaking.length).toBeGreaterThan(20);
    expect(pauses.length).toBeGreaterThan(0);
    const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean(speaking.map((l) => l.voice)) - mean(speaking.map((l) => l.music))).toBeGreaterThanOrEqual(15);
    // Between sentences the music comes back up: clearly audible, and louder than under the voice.
    expect(mean(pauses)).toBeGreaterThan(-40);
    expect(mean(pauses)).toBeGreaterThan(mean(speaking.map((l) => l.music)));
  }, RENDER_TIMEOUT_MS);
});
