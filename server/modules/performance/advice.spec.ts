import { describe, expect, it } from 'vitest';
import type { Prediction } from '../../../contracts/performance.ts';
import { adviseFrom, lengthBand } from './advice.ts';
import { actualsOf, type VideoFact } from './baseline.ts';
import type { Step } from '../../../contracts/steps.ts';
import { buildPrediction, hookStyle } from './prediction.ts';

const prediction = (over: Partial<Prediction>): Prediction => ({
  score: 60,
  breakdown: { hook: 60, news: 50, emotion: 50, clarity: 70, audience: 60 },
  format: 'explainer',
  durationSec: 30,
  hookStyle: 'statement',
  voice: 'espeak',
  musicMood: 'calm',
  topic: 'explainer',
  renderedAt: '2026-05-01T00:00:00Z',
  ...over,
});

/** A history: question hooks did well four times; lists twice (not a trend); long videos did poorly three times. */
function history(): VideoFact[] {
  const rows: Array<[number, Partial<Prediction>]> = [
    [3000, { hookStyle: 'question', score: 55 }],
    [2600, { hookStyle: 'question', score: 60 }],
    [2200, { hookStyle: 'question', score: 58 }],
    [2400, { hookStyle: 'question', score: 62 }],
    [1000, { durationSec: 75, score: 85 }],
    [900, { durationSec: 80, score: 60 }],
    [800, { durationSec: 90, score: 61 }],
    [5000, { format: 'list', topic: 'list', score: 50 }],
    [4000, { format: 'list', topic: 'list', score: 52 }],
    [1100, { score: 60 }],
  ];
  return rows.map(([views, over], i) => ({
    publicationId: `00000000-0000-4000-8000-00000000000${i}`,
    projectId: `10000000-0000-4000-8000-00000000000${i}`,
    title: `Video ${i + 1}`,
    platform: 'instagram',
    publishedAt: `2026-05-${String(i + 1).padStart(2, '0')}`,
    latest: { views },
    prediction: prediction(over),
  }));
}

describe('baseline normalisation', () => {
  it('divides by the median of the author’s videos on the same platform, each platform apart', () => {
    const videos: VideoFact[] = [
      ...[100, 300, 200].map((views, i) => ({ ...history()[0]!, publicationId: `a${i}`, projectId: `p${i}`, latest: { views } })),
      { ...history()[0]!, publicationId: 'yt', projectId: 'p9', platform: 'youtube', latest: { views: 50_000 } },
      { ...history()[0]!, publicationId: 'none', projectId: 'p8', platform: 'youtube', latest: null },
    ];
    const actuals = actualsOf(videos);
    expect(actuals.map((a) => [a.publicationId, a.baseline, a.ratio])).toEqual([
      ['a0', 200, 0.5],
      ['a1', 200, 1.5],
      ['a2', 200, 1],
      ['yt', 50_000, 1],
    ]);
  });

  it('falls back to plays, then reach, when a platform reports no views', () => {
    const [only] = actualsOf([{ ...history()[0]!, latest: { reach: 700, likes: 3 } }]);
    expect(only).toMatchObject({ metric: 'reach', value: 700, ratio: 1 });
  });
});

describe('advice from the author’s own history', () => {
  const facts = history();
  const advice = adviseFrom(facts, actualsOf(facts));

  it('counts what beat the usual, and calls nothing under three videos a trend', () => {
    // Median of all ten latest view counts is 2300.
    const question = advice.trends.find((tr) => tr.dimension === 'hookStyle' && tr.value === 'question');
    expect(question).toEqual({ dimension: 'hookStyle', value: 'question', videos: 4, medianRatio: 1.09, enough: true });
    const list = advice.trends.find((tr) => tr.dimension === 'format' && tr.value === 'list');
    expect(list).toMatchObject({ videos: 2, enough: false, medianRatio: 1.96 });
    expect(advice.trends.find((tr) => tr.dimension === 'length' && tr.value === 'over-60')).toMatchObject({ videos: 3, enough: true, medianRatio: 0.39 });
    // Trends with enough videos come first.
    const firstThin = advice.trends.findIndex((tr) => !tr.enough);
    expect(advice.trends.slice(firstThin).every((tr) => !tr.enough)).toBe(true);
  });

  it('names where the prediction was most wrong', () => {
    // The usual score is 60: video 5 scored 85 (1.4x) and got 0.43x; video 8 scored 50 and got 2.17x.
    expect(advice.misses[0]).toMatchObject({ title: 'Video 5', direction: 'over', score: 85, ratio: 0.43 });
    expect(advice.misses.map((m) => m.title)).toEqual(['Video 5', 'Video 7', 'Video 8']);
    expect(advice.misses[2]).toMatchObject({ direction: 'under', score: 50, ratio: 2.17 });
  });

  it('gives three concrete suggestions, strongest evidence first, the same every time', () => {
    expect(advice.suggestions.map((s) => [s.kind, s.dimension, s.value])).toEqual([
      // 20-40 s: seven videos at a median 1.13x; one suggestion per dimension, so over-60 s is not repeated.
      ['repeat', 'length', '20-40'],
      ['avoid', 'hookStyle', 'statement'],
      ['avoid', 'format', 'explainer'],
    ]);
    expect(adviseFrom(facts, actualsOf(facts))).toEqual(advice);
  });

  it('without any numbers asks for published videos', () => {
    const empty = adviseFrom([], []);
    expect(empty).toMatchObject({ videos: 0, trends: [], misses: [] });
    expect(empty.suggestions.map((s) => s.kind)).toEqual(['publish', 'measure', 'vary']);
  });
});

describe('what the render records', () => {
  it('reads the hook style from the opening line in both languages', () => {
    expect(hookStyle('Why do bridges sing in the wind? Engineers know.')).toBe('question');
    expect(hookStyle('Три причины, почему мосты поют.')).toBe('statement');
    expect(hookStyle('3 причины, почему мосты поют.')).toBe('number');
    expect(hookStyle('Вы никогда не слышали, как поёт мост.')).toBe('you');
    expect(lengthBand(45)).toBe('40-60');
    expect(lengthBand(null)).toBeNull();
  });

  it('stores the analysis score and parts, format, length, hook, voice, music and kind of story', () => {
    const step = (stepNumber: number, data: object, skipReason: string | null = null) => ({ stepNumber, data, skipReason }) as unknown as Step;
    const steps = [
      step(1, { format: 'explainer', language: 'en' }),
      step(2, { title: 'Bridges', text: 'Why do bridges sing? Because the wind makes cables vibrate, which means they hum.', analysis: { score: 71, breakdown: { hook: 80, news: 20, emotion: 50, clarity: 90, audience: 70 } } }),
      step(3, { finalScript: { scenes: [{ id: 'a', text: 'Why do bridges sing?', role: 'hook' }, { id: 'b', text: 'The wind.' }] } }),
      step(4, { mode: 'tts', audio: { voice: { provider: 'espeak-ng', voiceId: 'en' } } }),
    ];
    expect(buildPrediction(steps, { durationSec: 12.345, musicMood: 'calm' }, 'Bridges')).toEqual({
      score: 71,
      breakdown: { hook: 80, news: 20, emotion: 50, clarity: 90, audience: 70 },
      format: 'explainer',
      durationSec: 12.3,
      hookStyle: 'question',
      voice: 'espeak-ng',
      musicMood: 'calm',
      topic: 'explainer',
    });
    expect(buildPrediction([step(4, {}, 'own voice')], { durationSec: 5, musicMood: 'none' }, 'x')).toMatchObject({ score: null, voice: 'own', hookStyle: null, topic: null });
  });
});
