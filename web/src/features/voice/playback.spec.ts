import { describe, expect, it } from 'vitest';
import type { Stage4Audio } from '../../../../contracts/voice-api.ts';
import { outdatedScenes, sceneAt, timedWords, wordAt } from './playback.ts';

const segments = [
  { sceneId: 'a', start: 0, end: 1.2, words: [{ word: 'One', start: 0.05, end: 0.4 }, { word: 'two.', start: 0.55, end: 1.1 }] },
  { sceneId: 'b', start: 2, end: 3, words: [{ word: 'Three', start: 2.1, end: 2.9 }] },
];

describe('word highlight while playing', () => {
  const words = timedWords(segments);

  it('finds the word being said, keeps it through the short gap before the next, and none between scenes', () => {
    expect(words.map((w) => [w.scene, w.word])).toEqual([[0, 0], [0, 1], [1, 0]]);
    expect(wordAt(words, 0)).toBe(-1);
    expect(wordAt(words, 0.2)).toBe(0);
    expect(wordAt(words, 0.5)).toBe(0);
    expect(wordAt(words, 0.6)).toBe(1);
    expect(wordAt(words, 1.3)).toBe(1);
    expect(wordAt(words, 1.6)).toBe(-1);
    expect(wordAt(words, 2.5)).toBe(2);
    expect(wordAt(words, 9)).toBe(-1);
    expect(sceneAt(segments, 2.5)).toBe(1);
    expect(sceneAt(segments, 1.5)).toBe(-1);
  });

  it('lists scenes edited, added or removed since the narration', () => {
    const audio = { narratedText: { a: 'One two.', b: 'Three' } } as unknown as Stage4Audio;
    expect(outdatedScenes([{ id: 'a', text: 'One two.' }, { id: 'b', text: 'Three' }], audio)).toEqual([]);
    expect(outdatedScenes([{ id: 'a', text: 'One, two.' }, { id: 'c', text: 'New' }], audio)).toEqual(['a', 'c', 'b']);
    expect(outdatedScenes([{ id: 'a', text: 'x' }], null)).toEqual([]);
  });
});
