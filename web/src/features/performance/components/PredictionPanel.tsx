import { useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/i18n.tsx';
import { ratioText, valueText, videosText } from '../advice-text.ts';
import type { ProjectPerformance, Publication } from '../api/performance.ts';

/** Predicted (what the render knew) beside actual (each publication against the author's usual). */
export function PredictionPanel({ performance }: { performance: ProjectPerformance }) {
  const { t, formatNumber } = useI18n();
  const prediction = performance.prediction;
  const platformOf = (id: string) => performance.publications.find((p) => p.id === id)?.platform ?? 'other';
  const rows: Array<[MessageKey, string | null]> = prediction
    ? [
        ['perf.prediction.format', prediction.format && valueText(prediction.format, t, 'format')],
        ['perf.prediction.length', prediction.durationSec === null ? null : t('perf.prediction.seconds', { seconds: formatNumber(prediction.durationSec, 0) })],
        ['perf.prediction.hookStyle', prediction.hookStyle && valueText(prediction.hookStyle, t)],
        ['perf.prediction.voice', prediction.voice && valueText(prediction.voice, t)],
        ['perf.prediction.musicMood', prediction.musicMood && valueText(prediction.musicMood, t)],
        ['perf.prediction.topic', prediction.topic && valueText(prediction.topic, t, 'topic')],
      ]
    : [];
  return (
    <div className="perf-compare">
      <section className="panel stack" aria-labelledby="prediction-title" data-testid="prediction">
        <h2 id="prediction-title" className="panel__title">
          {t('perf.prediction.title')}
        </h2>
        {!prediction ? (
          <p className="muted">{t('perf.prediction.none')}</p>
        ) : (
          <>
            <p className="perf-big">
              {prediction.score ?? '—'}
              <span className="muted small"> / 100 · {t('perf.prediction.score')}</span>
            </p>
            <p className="small muted">
              {Object.entries(prediction.breakdown)
                .map(([part, value]) => `${t(`perf.breakdown.${part}` as MessageKey) ?? part} ${value}`)
                .join(' · ')}
            </p>
            <dl className="perf-facts">
              {rows
                .filter(([, value]) => value)
                .map(([label, value]) => (
                  <div key={label}>
                    <dt>{t(label)}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
            </dl>
          </>
        )}
      </section>
      <section className="panel stack" aria-labelledby="actual-title" data-testid="actual">
        <h2 id="actual-title" className="panel__title">
          {t('perf.actual.title')}
        </h2>
        {performance.actuals.length === 0 && <p className="muted">{t('perf.actual.none')}</p>}
        {performance.actuals.map((actual) => (
          <div key={actual.publicationId} className="stack">
            <p className={`perf-big ${actual.ratio >= 1 ? 'perf-up' : 'perf-down'}`}>{t('perf.actual.ratio', { ratio: ratioText(actual.ratio, formatNumber) })}</p>
            <p className="small muted">
              {t('perf.actual.detail', {
                platform: t(`perf.platform.${platformOf(actual.publicationId)}` as `perf.platform.${Publication['platform']}`),
                value: formatNumber(actual.value, 0),
                metric: t(`perf.metric.${actual.metric}`).toLowerCase(),
                baseline: formatNumber(actual.baseline, 0),
                videos: videosText(actual.videosInBaseline, t),
              })}
            </p>
          </div>
        ))}
      </section>
    </div>
  );
}
