import type { Actual, Advice, Prediction, Trend } from '../../../contracts/performance.ts';
import { median, type VideoFact } from './baseline.ts';

/** Fewer videos than this share a trait: shown with its count, never called a trend. */
export const MIN_TREND_VIDEOS = 3;
const DIMENSIONS: Array<Trend['dimension']> = ['format', 'length', 'hookStyle', 'topic', 'voice', 'musicMood'];
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Lengths in the bands short-video platforms are talked about in. */
export function lengthBand(seconds: number | null): string | null {
  if (seconds === null) return null;
  if (seconds < 20) return 'under-20';
  if (seconds < 40) return '20-40';
  if (seconds <= 60) return '40-60';
  return 'over-60';
}

function traitOf(prediction: Prediction, dimension: Trend['dimension']): string | null {
  return dimension === 'length' ? lengthBand(prediction.durationSec) : prediction[dimension];
}

interface VideoOutcome {
  projectId: string;
  title: string;
  prediction: Prediction | null;
  /** The median of the video's publications' ratios to the author's usual. */
  ratio: number;
}

/** One outcome per video (project): a video published on two platforms counts once. */
export function outcomesOf(videos: VideoFact[], actuals: Actual[]): VideoOutcome[] {
  const ratios = new Map(actuals.map((a) => [a.publicationId, a.ratio]));
  const byProject = new Map<string, VideoOutcome & { ratios: number[] }>();
  for (const video of videos) {
    const ratio = ratios.get(video.publicationId);
    if (ratio === undefined) continue;
    const entry = byProject.get(video.projectId) ?? { projectId: video.projectId, title: video.title, prediction: video.prediction, ratio: 0, ratios: [] };
    entry.ratios.push(ratio);
    byProject.set(video.projectId, entry);
  }
  return [...byProject.values()].map(({ ratios: list, ...entry }) => ({ ...entry, ratio: round2(median(list)) }));
}

function trendsOf(outcomes: VideoOutcome[]): Trend[] {
  const trends: Trend[] = [];
  for (const dimension of DIMENSIONS) {
    const groups = new Map<string, number[]>();
    for (const outcome of outcomes) {
      const value = outcome.prediction && traitOf(outcome.prediction, dimension);
      if (value) groups.set(value, [...(groups.get(value) ?? []), outcome.ratio]);
    }
    for (const [value, ratios] of groups) {
      trends.push({ dimension, value, videos: ratios.length, medianRatio: round2(median(ratios)), enough: ratios.length >= MIN_TREND_VIDEOS });
    }
  }
  return trends.sort((a, b) => Number(b.enough) - Number(a.enough) || b.medianRatio - a.medianRatio || b.videos - a.videos);
}

/**
 * Where the prediction was most wrong: the score says how a video should do against the author's
 * other videos (its score over their median score); the ratio says how it did.
 */
function missesOf(outcomes: VideoOutcome[]): Advice['misses'] {
  const scored = outcomes.filter((o) => o.prediction?.score != null && o.prediction.score > 0 && o.ratio > 0);
  if (scored.length < 2) return [];
  const usualScore = median(scored.map((o) => o.prediction!.score!));
  return scored
    .map((o) => ({ o, error: Math.log(o.ratio / (o.prediction!.score! / usualScore)) }))
    .filter(({ error }) => Math.abs(error) >= Math.log(1.5))
    .sort((a, b) => Math.abs(b.error) - Math.abs(a.error))
    .slice(0, 3)
    .map(({ o, error }) => ({ projectId: o.projectId, title: o.title, score: o.prediction!.score!, ratio: o.ratio, direction: error < 0 ? ('over' as const) : ('under' as const) }));
}

/**
 * Three suggestions for the next script, strongest evidence first: repeat what beat the usual in
 * three or more videos, avoid what fell short in three or more, try again what did well in fewer
 * (to learn whether it holds); then ask for more published videos.
 */
function suggestionsOf(trends: Trend[]): Advice['suggestions'] {
  const used = new Set<string>();
  const pick = (kind: string, trend: Trend) => {
    used.add(trend.dimension);
    return { kind, dimension: trend.dimension, value: trend.value, ratio: trend.medianRatio, videos: trend.videos };
  };
  const out: Advice['suggestions'] = [];
  const candidates: Array<[string, (t: Trend) => boolean]> = [
    ['repeat', (t) => t.enough && t.medianRatio > 1.1],
    ['avoid', (t) => t.enough && t.medianRatio < 0.9],
    // One video is an anecdote: "try again" needs at least two.
    ['try', (t) => !t.enough && t.videos >= 2 && t.medianRatio > 1.1],
  ];
  for (const [kind, test] of candidates) {
    const ordered = kind === 'avoid' ? [...trends].sort((a, b) => a.medianRatio - b.medianRatio) : trends;
    for (const trend of ordered) if (out.length < 3 && test(trend) && !used.has(trend.dimension)) out.push(pick(kind, trend));
  }
  for (const kind of ['publish', 'measure', 'vary']) if (out.length < 3) out.push({ kind, dimension: '', value: '', ratio: 0, videos: 0 });
  return out;
}

/** Advice from the author's own history; the same data always gives the same advice. */
export function adviseFrom(videos: VideoFact[], actuals: Actual[]): Omit<Advice, 'prose'> {
  const outcomes = outcomesOf(videos, actuals);
  const trends = trendsOf(outcomes);
  return { videos: outcomes.length, trends, misses: missesOf(outcomes), suggestions: suggestionsOf(trends) };
}
