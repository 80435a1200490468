import { describe, expect, it } from 'vitest';
import { SPEAKING_RATE_WPS } from '../../../contracts/formats.ts';
import { narrationTimingsSchema } from '../../../contracts/voice.ts';
import { proposeSceneBoundaries, timeByReadingSpeed } from './reading-speed.ts';
import { expectUsableTimings } from './testing/expect-timings.ts';
import { ENGLISH_SCENES, RUSSIAN_SCENES } from './testing/scripts.ts';
import { countWords } from './words.ts';

describe('timing by reading speed (stage 4 skipped)', () => {
  it('gives each scene its words divided by the speaking rate, with pauses between scenes', () => {
    for (const [language, scenes] of [
      ['en', ENGLISH_SCENES],
      ['ru', RUSSIAN_SCENES],
    ] as const) {
      const timings = timeByReadingSpeed(scenes, language, { pauseSec: 0.5 });
      expect(narrationTimingsSchema.safeParse(timings).success).toBe(true);
      expectUsableTimings(timings, scenes);
      timings.segments.forEach((segment, i) => {
        expect(segment.end - segment.start).toBeCloseTo(countWords(scenes[i]!.text) / SPEAKING_RATE_WPS[language], 2);
        if (i > 0) expect(segment.start - timings.segments[i - 1]!.end).toBeCloseTo(0.5, 3);
      });
      expect(timings.durationSec).toBe(timings.segments.at(-1)!.end);
    }
  });

  it('gives longer words more time', () => {
    const timings = timeByReadingSpeed([{ id: 'a', text: 'A extraordinarily long word.' }], 'en');
    const [a, extraordinarily] = timings.segments[0]!.words!;
    expect(extraordinarily!.end - extraordinarily!.start).toBeGreaterThan(3 * (a!.end - a!.start));
  });
});

describe('scene boundaries for own audio', () => {
  it('shares the duration by word count and covers the whole recording', () => {
    const boundaries = proposeSceneBoundaries(
      [
        { id: 'a', text: 'one two' },
        { id: 'b', text: 'one two three four five six' },
      ],
      8,
    );
    expect(boundaries).toEqual([
      { sceneId: 'a', start: 0, end: 2 },
      { sceneId: 'b', start: 2, end: 8 },
    ]);
  });

  it('moves a boundary to a nearby pause but not to a far one', () => {
    const scenes = [
      { id: 'a', text: 'one' },
      { id: 'b', text: 'two' },
    ];
    expect(proposeSceneBoundaries(scenes, 10, { pauses: [{ start: 5.6, end: 6 }] })[0]!.end).toBeCloseTo(5.8, 5);
    expect(proposeSceneBoundaries(scenes, 10, { pauses: [{ start: 8, end: 8.4 }] })[0]!.end).toBe(5);
  });
});
