import { describe, expect, it } from 'vitest';
import { TRACK_SAMPLE_RATE } from '../../adapters/ffmpeg/audio.ts';
import { proposeBoundaries } from './own-boundaries.ts';

/** A recording made of tone bursts ("speech") and silences, with the seconds of each. */
function recording(parts: Array<['sound' | 'silence', number]>): Float32Array {
  const total = parts.reduce((sum, [, sec]) => sum + sec, 0);
  const samples = new Float32Array(Math.round(total * TRACK_SAMPLE_RATE));
  let at = 0;
  for (const [kind, sec] of parts) {
    const count = Math.round(sec * TRACK_SAMPLE_RATE);
    if (kind === 'sound') for (let i = 0; i < count; i++) samples[at + i] = 0.5 * Math.sin((2 * Math.PI * 220 * i) / TRACK_SAMPLE_RATE);
    at += count;
  }
  return samples;
}

const scenes = [
  { id: 'a', text: 'one two three four' },
  { id: 'b', text: 'five six seven eight' },
  { id: 'c', text: 'nine ten' },
];

describe('proposeBoundaries', () => {
  it('puts each cut in the pause between scenes even when the words mispredict where it is', () => {
    // Scene a is spoken slowly, b fast: by words the first cut would fall 1.2 s early.
    const samples = recording([['silence', 0.6], ['sound', 4], ['silence', 0.8], ['sound', 1.6], ['silence', 0.7], ['sound', 1.2], ['silence', 0.5]]);
    const duration = samples.length / TRACK_SAMPLE_RATE;
    const boundaries = proposeBoundaries(samples, scenes, duration);
    expect(boundaries[0]).toMatchObject({ sceneId: 'a', start: 0 });
    expect(boundaries[0]!.end).toBeCloseTo(5, 1);
    expect(boundaries[1]!.start).toBe(boundaries[0]!.end);
    expect(boundaries[1]!.end).toBeCloseTo(7.35, 1);
    expect(boundaries[2]!.end).toBe(Math.round(duration * 1000) / 1000);
  });

  it('prefers the long pause between scenes to a short breath inside one, and falls back to the words without pauses', () => {
    const samples = recording([['sound', 1.5], ['silence', 0.15], ['sound', 1.5], ['silence', 1], ['sound', 3], ['silence', 0.8], ['sound', 1.5]]);
    const cuts = proposeBoundaries(samples, scenes, samples.length / TRACK_SAMPLE_RATE).map((b) => b.end);
    expect(cuts[0]).toBeCloseTo(3.65, 1);
    expect(cuts[1]).toBeCloseTo(7.55, 1);

    const continuous = recording([['sound', 5]]);
    const even = proposeBoundaries(continuous, scenes, 5).map((b) => b.end);
    expect(even[0]).toBeCloseTo(2, 1);
    expect(even[1]).toBeCloseTo(4, 1);
  });
});
