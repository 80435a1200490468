import { SPEAKING_RATE_WPS } from '../../../contracts/formats.ts';
import { describe, expect, it } from 'vitest';
import type { Step } from '../../../contracts/steps.ts';
import { stepFixture } from '../../../contracts/testing/step-fixture.ts';
import { narrationTimingsFor } from './narration-timings.ts';

const step = (stepNumber: number, data: Record<string, unknown>, extra: Partial<Step> = {}) => stepFixture(stepNumber, { data, ...extra });

const finalScript = { scenes: [{ id: 'a', text: 'One two three four five.' }, { id: 'b', text: 'Six.' }] };
const audio = {
  assetId: 'track',
  durationSec: 3,
  segments: [{ sceneId: 'a', start: 0, end: 2, words: [{ word: 'Heard', start: 0.1, end: 0.5 }] }],
  source: 'tts',
  narratedText: { a: 'Heard' },
  createdAt: '2025-01-01T00:00:00.000Z',
};

describe('narrationTimingsFor', () => {
  it("follows step 4's narration when there is one, even after the script was edited", () => {
    const steps = [
      step(1, { language: 'en' }),
      step(3, { finalScript }),
      step(4, { script: { scenes: [{ id: 'a', text: 'Edited later' }], sourceVersion: 1 }, audio }),
    ];
    expect(narrationTimingsFor(steps)).toEqual({ source: 'narration', audioAssetId: 'track', language: 'en', durationSec: 3, segments: audio.segments });
  });

  it('times the script by reading speed when stage 4 was skipped, even with audio left in it', () => {
    const steps = [step(1, { language: 'en' }), step(3, { finalScript }), step(4, { audio }, { skipReason: 'own voice-over' })];
    const timings = narrationTimingsFor(steps);
    expect(timings.source).toBe('reading-speed');
    expect(timings.audioAssetId).toBeNull();
    // 5 words at the English speaking rate; the next scene after the 0.35 s pause (at least 0.5 s).
    const first = Math.round((5 / SPEAKING_RATE_WPS.en) * 1000) / 1000;
    expect(timings.segments.map((s) => [s.sceneId, s.start, s.end])).toEqual([
      ['a', 0, first],
      ['b', Math.round((first + 0.35) * 1000) / 1000, Math.round((first + 0.85) * 1000) / 1000],
    ]);
    expect(timings.segments[0]!.words!.map((w) => w.word)).toEqual(['One', 'two', 'three', 'four', 'five.']);
  });

  it("uses stage 4's edited copy unless stage 3 changed since, and guesses the language from the text", () => {
    const copy = { scenes: [{ id: 'a', text: 'Привет мир.' }], sourceVersion: 1 };
    const fresh = narrationTimingsFor([step(3, { finalScript }), step(4, { script: copy })]);
    expect(fresh.language).toBe('ru');
    expect(fresh.segments.map((s) => s.sceneId)).toEqual(['a']);
    const stale = narrationTimingsFor([step(3, { finalScript }, { version: 2 }), step(4, { script: copy }, { stale: true, staleSources: [3] })]);
    expect(stale.segments.map((s) => s.sceneId)).toEqual(['a', 'b']);
    expect(narrationTimingsFor([])).toMatchObject({ source: 'reading-speed', durationSec: 0, segments: [] });
  });
});
