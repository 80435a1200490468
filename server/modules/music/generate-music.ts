import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MusicMood } from '../../../contracts/music.ts';
import { ffmpegToBuffer } from '../../adapters/ffmpeg/audio.ts';
import { measureLoudness } from '../../adapters/ffmpeg/loudness.ts';
import { findFluidSynth, renderMidi } from '../../adapters/music/fluidsynth.ts';
import { composeMusic } from './compose.ts';
import { scoreToMidi } from './midi-file.ts';
import { synthesizeScore, type StereoPcm } from './synth.ts';

/** Generated music is written at this loudness, like a mastered track; the plan's volume sets it under the voice. */
export const GENERATED_MUSIC_LUFS = -14;
const SAMPLE_RATE = 44_100;

export type MusicEngine = 'fluidsynth' | 'builtin';

export interface GeneratedMusic {
  path: string;
  engine: MusicEngine;
  tempo: number;
}

export interface GenerateMusicRequest {
  mood: MusicMood;
  seed: number;
  durationSec: number;
  /** 'auto' uses fluidsynth with a General MIDI soundfont when installed, else the built-in synthesiser. */
  engine?: 'auto' | MusicEngine;
  signal?: AbortSignal;
}

function interleave(pcm: StereoPcm): Buffer {
  const frames = pcm.left.length;
  let peak = 1e-9;
  for (let i = 0; i < frames; i++) peak = Math.max(peak, Math.abs(pcm.left[i]!), Math.abs(pcm.right[i]!));
  // Peak at -3 dBFS before loudness normalisation, so nothing clips on the way.
  const gain = 0.7 / peak;
  const out = new Float32Array(frames * 2);
  for (let i = 0; i < frames; i++) {
    out[2 * i] = pcm.left[i]! * gain;
    out[2 * i + 1] = pcm.right[i]! * gain;
  }
  return Buffer.from(out.buffer);
}

/**
 * Writes a music bed in the mood to `outPath` (16-bit stereo WAV at GENERATED_MUSIC_LUFS), at
 * least `durationSec` long: a chord progression composed from the seed, played by fluidsynth
 * with a General MIDI soundfont when installed, else by the built-in synthesiser.
 */
export async function generateMusic(request: GenerateMusicRequest, outPath: string): Promise<GeneratedMusic> {
  const score = composeMusic(request.mood, request.seed, request.durationSec);
  const synth = request.engine === 'builtin' ? null : findFluidSynth();
  if (request.engine === 'fluidsynth' && !synth) throw new Error('fluidsynth or a General MIDI soundfont is not installed');
  const workDir = await mkdtemp(join(tmpdir(), 'reelforge-music-'));
  try {
    const raw = join(workDir, 'raw.wav');
    if (synth) {
      const midi = join(workDir, 'score.mid');
      await writeFile(midi, scoreToMidi(score));
      await renderMidi(synth, midi, raw, SAMPLE_RATE, request.signal);
    } else {
      const pcm = synthesizeScore(score, SAMPLE_RATE, request.seed);
      request.signal?.throwIfAborted();
      const args = ['-f', 'f32le', '-ar', String(SAMPLE_RATE), '-ac', '2', '-i', 'pipe:0', '-c:a', 'pcm_f32le', '-y', raw];
      await ffmpegToBuffer(args, { input: interleave(pcm), signal: request.signal });
    }
    const measured = await measureLoudness(raw, { signal: request.signal });
    const gainDb = Math.min(30, GENERATED_MUSIC_LUFS - measured.integratedLufs);
    await ffmpegToBuffer(['-i', raw, '-af', `volume=${gainDb.toFixed(2)}dB`, '-c:a', 'pcm_s16le', '-y', outPath], { signal: request.signal });
    return { path: outPath, engine: synth ? 'fluidsynth' : 'builtin', tempo: score.tempo };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
