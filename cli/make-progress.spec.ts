import { describe, expect, it } from 'vitest';
import { makeProgressOf, renderProgressOf } from './make-progress.ts';

describe('the video.make job progress as the CLI stages', () => {
  it('reads the stage from the step and the fraction within its share', () => {
    expect(makeProgressOf(0.125, 'script: writing scene 2')).toEqual({ stage: 'script', fraction: 0.5, detail: 'writing scene 2' });
    expect(makeProgressOf(0.25, 'voice')).toEqual({ stage: 'voice', fraction: 0, detail: undefined });
    expect(makeProgressOf(0.5, 'storyboard')).toMatchObject({ stage: 'visuals', fraction: 0 });
  });

  it('splits the render into visuals and the encoder', () => {
    // 0.55 + 0.45 * 0.05: half of the render's preparing tenth.
    expect(makeProgressOf(0.5725, 'render: preparing visuals')).toMatchObject({ stage: 'visuals', detail: 'preparing visuals' });
    expect(makeProgressOf(0.5725, 'render: preparing visuals').fraction).toBeCloseTo(0.5);
    expect(makeProgressOf(1, 'render: encoding')).toEqual({ stage: 'render', fraction: 1, detail: 'encoding' });
    // The render stage before its job reports a step is still the visuals, so the stages stay in order.
    expect(makeProgressOf(0.55, 'render')).toEqual({ stage: 'visuals', fraction: 0 });
    expect(renderProgressOf(0.55, 'encoding').fraction).toBeCloseTo(0.5);
  });

  it('falls back on the progress when the step names no stage', () => {
    expect(makeProgressOf(0.3, null).stage).toBe('voice');
    expect(makeProgressOf(0, 'queued').stage).toBe('script');
  });
});
