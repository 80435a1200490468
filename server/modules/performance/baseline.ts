import type { Actual, MetricValues, Platform, Prediction } from '../../../contracts/performance.ts';

/** One published video with its latest numbers, as advice and baselines see it. */
export interface VideoFact {
  publicationId: string;
  projectId: string;
  title: string;
  platform: Platform;
  publishedAt: string;
  /** The latest reading's values (readings are cumulative, so the latest is the whole story so far). */
  latest: MetricValues | null;
  prediction: Prediction | null;
}

/** The reach figure compared across videos: views where the platform reports them, else plays, else reach. */
export function headline(values: MetricValues | null): { metric: Actual['metric']; value: number } | null {
  if (!values) return null;
  for (const metric of ['views', 'plays', 'reach'] as const) {
    const value = values[metric];
    if (value !== undefined) return { metric, value };
  }
  return null;
}

export function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Each video against the author's usual on its platform: the median of their videos' headline
 * numbers there. "2.3x your usual" means the same for an account of 300 views and one of 3 million.
 */
export function actualsOf(videos: VideoFact[]): Actual[] {
  const byPlatform = new Map<Platform, Array<{ video: VideoFact; metric: Actual['metric']; value: number }>>();
  for (const video of videos) {
    const figure = headline(video.latest);
    if (!figure) continue;
    const list = byPlatform.get(video.platform) ?? [];
    list.push({ video, ...figure });
    byPlatform.set(video.platform, list);
  }
  const actuals: Actual[] = [];
  for (const [platform, list] of byPlatform) {
    const baseline = median(list.map((entry) => entry.value));
    for (const entry of list) {
      actuals.push({
        publicationId: entry.video.publicationId,
        platform,
        metric: entry.metric,
        value: entry.value,
        baseline,
        ratio: baseline > 0 ? round2(entry.value / baseline) : entry.value > 0 ? 1 : 0,
        videosInBaseline: list.length,
      });
    }
  }
  return actuals;
}
