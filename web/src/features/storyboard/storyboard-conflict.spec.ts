import { describe, expect, it } from 'vitest';
import type { StoryboardView } from './api/storyboard.ts';
import { changedParts, conflictParts } from './storyboard-conflict.ts';

const scene = (sceneId: string, motion = 'pan-right') => ({ sceneId, visual: null, motion, transition: 'cut', text: sceneId, keywords: [] }) as unknown as StoryboardView['scenes'][number];
const view = (scenes: StoryboardView['scenes'], volume = 0.2) =>
  ({ version: 1, scenes, music: null, musicMood: { choice: 'auto', mood: null, volume, duck: true }, captionStyle: { colour: '#ffffff' } }) as unknown as StoryboardView;

describe('changedParts', () => {
  it('names the scenes whose choices differ, in screen order, and music and captions as null', () => {
    const base = view([scene('hook'), scene('body'), scene('cta')]);
    expect(changedParts(base, view([scene('hook'), scene('body', 'zoom-in'), scene('cta', 'none')]))).toEqual(['body', 'cta']);
    expect(changedParts(base, view([scene('hook'), scene('body'), scene('cta')], 0.5))).toEqual([null]);
    expect(changedParts(base, base)).toEqual([]);
  });

  it('ignores what the author does not choose (texts, timings, key words)', () => {
    const base = view([scene('hook')]);
    expect(changedParts(base, view([{ ...scene('hook'), text: 'other words', startSec: 3, keywords: ['x'] }]))).toEqual([]);
  });
});

describe('conflictParts', () => {
  it('puts a part changed on both sides under both, and keeps the others apart', () => {
    expect(conflictParts('body', ['hook', 'body', null])).toEqual({ mine: [], theirs: ['hook', null], both: ['body'] });
    expect(conflictParts(null, ['hook'])).toEqual({ mine: [null], theirs: ['hook'], both: [] });
  });
});
