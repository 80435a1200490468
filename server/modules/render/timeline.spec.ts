import { describe, expect, it } from 'vitest';
import { renderSceneSchema } from '../../../contracts/render-plan.ts';
import type { Transition } from '../../../contracts/render-plan.ts';
import { buildTimeline, clipFrames } from './timeline.ts';

function scenes(bounds: number[], transitions: Transition[]) {
  return bounds.slice(0, -1).map((start, i) =>
    renderSceneSchema.parse({
      sceneId: `s${i}`,
      start,
      end: bounds[i + 1],
      text: 'x',
      visual: { kind: 'card', design: 'grid', palette: 'mono', keywords: [] },
      transition: transitions[i] ?? 'cut',
    }),
  );
}

describe('buildTimeline', () => {
  it('gives each scene the frames of its narration segment and the total of the last end', () => {
    const timeline = buildTimeline(scenes([0, 1.5, 3.01, 4.2], ['cut', 'cut', 'cut']), 30, true);
    expect(timeline.totalFrames).toBe(126);
    expect(timeline.clips.map((c) => [c.startFrame, c.sceneFrames])).toEqual([[0, 45], [45, 45], [90, 36]]);
    expect(timeline.clips.map(clipFrames).reduce((a, b) => a + b, 0)).toBe(126);
  });

  it('overlaps clips by half a crossfade on each side when xfade exists', () => {
    const timeline = buildTimeline(scenes([0, 2, 4], ['cut', 'crossfade']), 30, true);
    const [first, second] = timeline.clips;
    expect(second?.join).toBe('xfade');
    expect(second?.xfadeFrames).toBe(12);
    expect(first?.leadOut).toBe(6);
    expect(second?.leadIn).toBe(6);
    // The crossfade eats exactly the overlap: clip lengths minus the overlap equal the total.
    expect(clipFrames(first!) + clipFrames(second!) - 12).toBe(timeline.totalFrames);
  });

  it('falls back to a fade through black without xfade, keeping scene lengths', () => {
    const timeline = buildTimeline(scenes([0, 2, 4], ['cut', 'crossfade']), 30, false);
    const [first, second] = timeline.clips;
    expect(second?.join).toBe('fade');
    expect(first?.fadeOutFrames).toBe(6);
    expect(second?.fadeInFrames).toBe(6);
    expect(clipFrames(first!) + clipFrames(second!)).toBe(timeline.totalFrames);
  });

  it('shortens transitions for short scenes and cuts when there is no room', () => {
    const shortened = buildTimeline(scenes([0, 0.6, 3], ['cut', 'fade']), 30, true);
    expect(shortened.clips[1]?.fadeInFrames).toBe(3);
    const cut = buildTimeline(scenes([0, 0.1, 3], ['cut', 'crossfade']), 30, true);
    expect(cut.clips[1]?.join).toBe('cut');
  });
});
