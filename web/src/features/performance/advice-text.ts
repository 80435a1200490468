import type { MessageKey, Translate } from '../../i18n/i18n.tsx';
import type { Advice, Trend } from './api/performance.ts';

/** A trait's value in words: formats, kinds of story, lengths, hooks and moods have catalogue entries; voices are shown as they are. */
export function valueText(value: string, t: Translate, dimension = ''): string {
  const key = (dimension === 'format' ? `format.${value}` : dimension === 'topic' ? `perf.topic.${value}` : `perf.value.${value}`) as MessageKey;
  const text: string | undefined = t(key);
  return typeof text === 'string' ? text : value;
}

/** "1 video" / "4 videos" (Russian needs no plural form here: «видео» does not change). */
export const videosText = (count: number, t: Translate) => (count === 1 ? t('perf.videos.one') : t('perf.videos.many', { count }));

export const dimensionText = (dimension: string, t: Translate) => t(`perf.dimension.${dimension}` as MessageKey);

export const ratioText = (ratio: number, formatNumber: (n: number, digits?: number) => string) => formatNumber(ratio, ratio >= 10 ? 0 : 1);

export function trendText(trend: Trend, t: Translate, formatNumber: (n: number, digits?: number) => string): string {
  return t('perf.advice.trendLine', {
    dimension: dimensionText(trend.dimension, t),
    value: valueText(trend.value, t, trend.dimension),
    ratio: ratioText(trend.medianRatio, formatNumber),
    videos: videosText(trend.videos, t),
  });
}

export function suggestionText(s: Advice['suggestions'][number], t: Translate, formatNumber: (n: number, digits?: number) => string): string {
  return t(`perf.suggest.${s.kind}` as MessageKey, {
    dimension: s.dimension ? dimensionText(s.dimension, t) : '',
    value: s.value ? valueText(s.value, t, s.dimension) : '',
    ratio: ratioText(s.ratio, formatNumber),
    videos: videosText(s.videos, t),
  });
}
