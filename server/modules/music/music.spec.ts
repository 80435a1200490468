import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUSIC_MOODS } from '../../../contracts/music.ts';
import { decodeToPcm } from '../../adapters/ffmpeg/audio.ts';
import { measureLoudness } from '../../adapters/ffmpeg/loudness.ts';
import { probeMedia } from '../../adapters/ffmpeg/probe.ts';
import { chooseMood } from './choose-mood.ts';
import { composeMusic, secondsPerBeat } from './compose.ts';
import { generateMusic, GENERATED_MUSIC_LUFS } from './generate-music.ts';
import { scoreToMidi } from './midi-file.ts';
import { chordTones, MOOD_STYLES } from './moods.ts';
import { musicSeed, resolveMusic } from './music-choice.ts';

/** Energy of one frequency in the samples (Goertzel). */
function energyAt(samples: Float32Array, sampleRate: number, frequency: number): number {
  const k = 2 * Math.cos((2 * Math.PI * frequency) / sampleRate);
  let s1 = 0;
  let s2 = 0;
  for (const sample of samples) {
    const s0 = sample + k * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  return s1 * s1 + s2 * s2 - k * s1 * s2;
}

/** Share of the energy of each pitch class over MIDI notes 40..83 (a chromagram). */
function chroma(samples: Float32Array, sampleRate: number): number[] {
  const classes = new Array<number>(12).fill(0);
  // Short frames (about 5 Hz wide bins) so slightly detuned voices still count for their note.
  for (let at = 0; at + 4096 <= samples.length; at += 4096) {
    const frame = samples.subarray(at, at + 4096);
    for (let pitch = 40; pitch < 84; pitch++) classes[pitch % 12]! += energyAt(frame, sampleRate, 440 * 2 ** ((pitch - 69) / 12));
  }
  const total = classes.reduce((a, b) => a + b, 0);
  return classes.map((energy) => energy / total);
}

describe('composition', () => {
  it('is the same for the same seed, differs between seeds, and lasts the video', () => {
    const a = composeMusic('calm', 11, 40);
    expect(composeMusic('calm', 11, 40)).toEqual(a);
    expect(JSON.stringify(composeMusic('calm', 12, 40))).not.toBe(JSON.stringify(a));
    expect(a.bars * a.beatsPerBar * secondsPerBeat(a)).toBeGreaterThanOrEqual(40);
    for (const mood of MUSIC_MOODS) {
      const score = composeMusic(mood, 5, 30);
      const [low, high] = MOOD_STYLES[mood].tempo;
      expect(score.tempo).toBeGreaterThanOrEqual(low);
      expect(score.tempo).toBeLessThanOrEqual(high);
      // The pad holds a chord in every bar: nothing falls silent between sentences.
      const pad = score.parts.find((p) => p.role === 'pad')!;
      for (let bar = 0; bar < score.bars; bar++) expect(pad.notes.some((n) => n.beat <= bar * 4 && n.beat + n.beats >= (bar + 1) * 4)).toBe(true);
    }
  });

  it('writes a Standard MIDI File with a tempo track and one track per part', () => {
    const score = composeMusic('upbeat', 3, 10);
    const midi = scoreToMidi(score);
    expect(midi.subarray(0, 4).toString('latin1')).toBe('MThd');
    expect(midi.readUInt16BE(8)).toBe(1);
    expect(midi.readUInt16BE(10)).toBe(score.parts.length + 1);
    const noteOns = [...midi].filter((byte, i) => (byte & 0xf0) === 0x90 && midi[i + 2]! > 0 && midi[i + 1]! < 128).length;
    expect(noteOns).toBeGreaterThanOrEqual(score.parts.reduce((sum, p) => sum + p.notes.length, 0));
  });
});

describe('mood and choice', () => {
  it('gives grave news serious music and lists upbeat music', () => {
    expect(chooseMood('news', 'Three people died when the bridge collapsed on Monday.')).toBe('serious');
    expect(chooseMood('news', 'В результате аварии погибли два человека.')).toBe('serious');
    expect(chooseMood('listicle', 'Five tips for a better morning routine.')).toBe('upbeat');
    expect(chooseMood('explainer', 'A new scam warns users of a threat to their accounts; the danger is real.')).toBe('tense');
    expect(chooseMood('hot-take', 'This killer feature is great.')).toBe('upbeat');
  });

  it('resolves the stored choice: off, a track over a mood, a mood, or automatic', () => {
    expect(resolveMusic(null, 'news', '')).toEqual({ kind: 'off', choice: 'off' });
    expect(resolveMusic({ mood: 'off' }, 'news', '').kind).toBe('off');
    expect(resolveMusic({ mood: 'calm', assetId: 'a1', volume: 0.3 }, 'news', '')).toMatchObject({ kind: 'track', assetId: 'a1', volume: 0.3, duck: true });
    expect(resolveMusic({ mood: 'tense' }, 'listicle', '')).toMatchObject({ kind: 'generated', mood: 'tense', volume: 0.2 });
    expect(resolveMusic(undefined, 'listicle', 'Ten things')).toMatchObject({ kind: 'generated', choice: 'auto', mood: 'upbeat' });
    expect(musicSeed('p-1')).toBe(musicSeed('p-1'));
    expect(musicSeed('p-1')).not.toBe(musicSeed('p-2'));
  });
});

describe('generated music', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rf-music-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  for (const engine of ['builtin', 'fluidsynth'] as const) {
    it(`${engine}: plays the progression's chords at the mastered loudness, as long as asked`, async () => {
      const score = composeMusic('calm', 21, 12);
      const out = join(dir, `${engine}.wav`);
      const result = await generateMusic({ mood: 'calm', seed: 21, durationSec: 12, engine }, out);
      expect(result.engine).toBe(engine);
      expect((await probeMedia(out)).durationSec).toBeGreaterThanOrEqual(12);
      const loudness = await measureLoudness(out);
      expect(Math.abs(loudness.integratedLufs - GENERATED_MUSIC_LUFS)).toBeLessThanOrEqual(1);

      // In the first bar only the pad and the bass play the first chord: its three notes dominate.
      const sampleRate = 22_050;
      const samples = await decodeToPcm(out, { sampleRate });
      const barSec = score.beatsPerBar * secondsPerBeat(score);
      const firstBar = samples.subarray(Math.round(0.8 * sampleRate), Math.round(barSec * 0.95 * sampleRate));
      const tonicPad = score.parts.find((p) => p.role === 'pad')!.notes.filter((n) => n.beat === 0).map((n) => n.pitch % 12);
      const shares = chroma(firstBar, sampleRate);
      const chordShare = [...new Set(tonicPad)].reduce((sum, pc) => sum + shares[pc]!, 0);
      // Three of twelve pitch classes carry most of the sound: a chord, not noise or a single tone.
      expect(chordShare).toBeGreaterThan(0.6);
      for (const pc of new Set(tonicPad)) expect(shares[pc]).toBeGreaterThan(0.05);
    }, 120_000);
  }

  it('maps chord symbols to pitch classes', () => {
    expect(chordTones({ root: 9, quality: 'minor' }, 0)).toEqual([9, 0, 4]);
    expect(chordTones({ root: 7, quality: 'major' }, 2)).toEqual([9, 1, 4]);
  });
});
