import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleTrack } from './assemble.ts';
import { ClipCache, clipKey, pruneClipCache } from './clip-cache.ts';
import { findPauses, findSpeechBounds, joinWithGaps, sliceSeconds, trimSilence, waveformPeaks } from './pcm.ts';

const RATE = 48_000;

function burst(silenceBefore: number, sound: number, silenceAfter: number): Float32Array {
  const samples = new Float32Array(Math.round((silenceBefore + sound + silenceAfter) * RATE));
  const from = Math.round(silenceBefore * RATE);
  for (let i = 0; i < sound * RATE; i++) samples[from + i] = 0.5 * Math.sin((2 * Math.PI * 300 * i) / RATE);
  return samples;
}

describe('pcm', () => {
  it('trims leading and trailing silence, keeping short pads, and reports the cut', () => {
    const trimmed = trimSilence(burst(0.5, 1, 0.7), RATE)!;
    expect(trimmed.leadSec).toBeCloseTo(0.5 - 0.015, 2);
    expect(trimmed.samples.length / RATE).toBeCloseTo(1 + 0.015 + 0.04, 2);
    expect(trimSilence(new Float32Array(RATE), RATE)).toBeNull();
    expect(findSpeechBounds(burst(0, 0.2, 0), RATE)).toEqual({ startSample: 0, endSample: 0.2 * RATE });
  });

  it('joins parts with gaps, slices by seconds, finds pauses and draws peaks', () => {
    const { samples, offsets } = joinWithGaps([burst(0, 1, 0), burst(0, 0.5, 0)], [RATE / 2, RATE]);
    expect(offsets).toEqual([0, 1.5 * RATE]);
    expect(samples.length).toBe(2 * RATE);
    expect(sliceSeconds(samples, RATE, 1.5, 9).length).toBe(RATE / 2);
    const pauses = findPauses(samples, RATE, { minSec: 0.3 });
    expect(pauses).toHaveLength(1);
    expect(pauses[0]!.start).toBeCloseTo(1, 1);
    expect(pauses[0]!.end).toBeCloseTo(1.5, 1);
    const peaks = waveformPeaks(samples, 4);
    expect(peaks).toHaveLength(4);
    expect(peaks[0]).toBeCloseTo(0.5, 2);
    expect(peaks[2]).toBe(0);
  });

  it('assembles scenes with pauses and offsets their word times', () => {
    const clip = (seconds: number) => ({ samples: new Float32Array(seconds * RATE), sampleRate: RATE, words: [{ word: 'w', start: 0.1, end: 0.9 }] });
    const { samples, segments } = assembleTrack(
      [
        { sceneId: 'a', clip: clip(1) },
        { sceneId: 'b', clip: clip(2) },
      ],
      0.5,
      RATE,
    );
    expect(samples.length).toBe(3.5 * RATE);
    expect(segments).toEqual([
      { sceneId: 'a', start: 0, end: 1, words: [{ word: 'w', start: 0.1, end: 0.9 }] },
      { sceneId: 'b', start: 1.5, end: 3.5, words: [{ word: 'w', start: 1.6, end: 2.4 }] },
    ]);
  });
});

describe('clip cache', () => {
  it('stores and returns clips by a stable key; anything changed is a different key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rf-clip-cache-'));
    try {
      const cache = new ClipCache(join(dir, 'cache'));
      const key = clipKey({ text: 'Hi.', voiceId: 'en-us', speed: 1 });
      expect(clipKey({ speed: 1, voiceId: 'en-us', text: 'Hi.' })).toBe(key);
      expect(clipKey({ text: 'Hi.', voiceId: 'en-us', speed: 1.1 })).not.toBe(key);
      expect(await cache.get(key)).toBeNull();

      const clip = { samples: burst(0, 0.1, 0), sampleRate: RATE, words: [{ word: 'Hi.', start: 0, end: 0.1 }], timingSource: 'phrases' as const };
      await cache.put(key, clip);
      const back = await cache.get(key);
      expect(back?.words).toEqual(clip.words);
      expect(back?.timingSource).toBe('phrases');
      expect(Array.from(back!.samples)).toEqual(Array.from(clip.samples));
      expect((await readdir(join(dir, 'cache'))).sort()).toEqual([`${key}.json`, `${key}.pcm`]);

      expect(await pruneClipCache(join(dir, 'cache'), 60_000)).toBe(0);
      expect(await pruneClipCache(join(dir, 'cache'), 60_000, Date.now() + 120_000)).toBe(1);
      expect(await readdir(join(dir, 'cache'))).toEqual([]);

      await cache.put(key, clip);
      await writeFile(join(dir, 'cache', `${key}.pcm`), Buffer.alloc(12));
      expect(await cache.get(key)).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
