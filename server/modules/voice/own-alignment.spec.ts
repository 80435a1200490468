import { describe, expect, it } from 'vitest';
import { TRACK_SAMPLE_RATE } from '../../adapters/ffmpeg/audio.ts';
import { alignScript, spokenLength } from './align-words.ts';
import { speechFrames } from './speech-frames.ts';
import { measureOwnVoiceAlignment, OWN_VOICE_SCRIPTS, percentile } from './testing/own-voice-accuracy.ts';

/** Tone bursts ("words") of the given seconds, with the given silences before each. */
function bursts(parts: Array<[silenceSec: number, soundSec: number]>): { samples: Float32Array; starts: number[] } {
  const total = parts.reduce((sum, [a, b]) => sum + a + b, 0) + 0.3;
  const samples = new Float32Array(Math.round(total * TRACK_SAMPLE_RATE));
  const starts: number[] = [];
  let at = 0;
  for (const [silence, sound] of parts) {
    at += silence;
    starts.push(at);
    const from = Math.round(at * TRACK_SAMPLE_RATE);
    const count = Math.round(sound * TRACK_SAMPLE_RATE);
    for (let i = 0; i < count; i++) samples[from + i] = 0.4 * Math.sin((2 * Math.PI * 180 * i) / TRACK_SAMPLE_RATE) * Math.sin((Math.PI * i) / count);
    at += sound;
  }
  return { samples, starts };
}

describe('aligning a known script to a recording', () => {
  it('gives longer words more time, digits their spoken length, and English weak words less', () => {
    expect(spokenLength('extraordinary', 'en')).toBeGreaterThan(3 * spokenLength('cat', 'en'));
    expect(spokenLength('2024', 'ru')).toBeGreaterThan(spokenLength('год', 'ru') * 4);
    expect(spokenLength('the', 'en')).toBeLessThan(spokenLength('she', 'en'));
  });

  it('puts the pauses between the words they follow, even when the words mispredict the pace', () => {
    // "One" is drawn out: by letters alone "two" would belong before the first pause.
    const { samples, starts } = bursts([[0.3, 0.6], [0.35, 0.35], [0.05, 0.45], [0.4, 0.45]]);
    const [words] = alignScript(speechFrames(samples, TRACK_SAMPLE_RATE), ['One, two three. Four'], 0, samples.length / TRACK_SAMPLE_RATE, 'en');
    expect(words!.map((w) => w.word)).toEqual(['One,', 'two', 'three.', 'Four']);
    words!.forEach((w, i) => expect(Math.abs(w.start - starts[i]!)).toBeLessThan(0.05));
    expect(words![0]!.end).toBeLessThan(starts[1]!);
  });

  it('returns no words for a silent stretch, so the caller can fall back to an estimate', () => {
    const silent = new Float32Array(TRACK_SAMPLE_RATE * 2);
    expect(alignScript(speechFrames(silent, TRACK_SAMPLE_RATE), ['two words'], 0, 2, 'en')).toEqual([[]]);
  });

  // Accuracy, not speed: festival speaks both scripts of each language with known word starts.
  for (const language of ['en', 'ru'] as const) {
    it(`${language}: own-voice captions start within 80 ms (median) and 200 ms (90th percentile) of the spoken words`, async () => {
      const errors: number[] = [];
      for (const scenes of OWN_VOICE_SCRIPTS[language]) {
        const result = await measureOwnVoiceAlignment(scenes, language);
        expect(result.cutsBetweenScenes.every(Boolean)).toBe(true);
        errors.push(...result.errors);
      }
      expect(errors.length).toBeGreaterThan(70);
      expect(percentile(errors, 0.5)).toBeLessThanOrEqual(0.08);
      expect(percentile(errors, 0.9)).toBeLessThanOrEqual(0.2);
    }, 60_000);
  }
});
