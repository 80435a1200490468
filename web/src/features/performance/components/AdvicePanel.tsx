import { Badge } from '../../../components/ui/Badge.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ratioText, suggestionText, trendText, videosText } from '../advice-text.ts';
import type { Advice } from '../api/performance.ts';
import { useSummary } from '../hooks/usePerformance.ts';

/** The deterministic advice from the author's history, and on request the same facts in prose by their LLM. */
export function AdvicePanel({ advice }: { advice: Advice }) {
  const { t, formatNumber, language } = useI18n();
  const summary = useSummary();
  const trends = advice.trends.slice(0, 8);
  return (
    <section className="panel stack" aria-labelledby="advice-title" data-testid="advice">
      <h2 id="advice-title" className="panel__title">
        {t('perf.advice.title')}
      </h2>
      <p className="muted small">{t('perf.advice.basis', { videos: videosText(advice.videos, t) })}</p>
      <h3>{t('perf.advice.suggestions')}</h3>
      <ol className="perf-suggestions" data-testid="suggestions">
        {advice.suggestions.map((s, i) => (
          <li key={i}>{suggestionText(s, t, formatNumber)}</li>
        ))}
      </ol>
      <h3>{t('perf.advice.trends')}</h3>
      {trends.length === 0 ? (
        <p className="muted">{t('perf.advice.noTrends')}</p>
      ) : (
        <ul className="perf-trends">
          {trends.map((trend) => (
            <li key={`${trend.dimension}:${trend.value}`} className={trend.medianRatio >= 1 ? 'perf-up' : 'perf-down'}>
              {trendText(trend, t, formatNumber)} {!trend.enough && <Badge tone="muted">{t('perf.advice.notTrend')}</Badge>}
            </li>
          ))}
        </ul>
      )}
      {advice.misses.length > 0 && (
        <>
          <h3>{t('perf.advice.misses')}</h3>
          <ul className="perf-trends">
            {advice.misses.map((miss) => (
              <li key={miss.projectId}>
                {t(miss.direction === 'over' ? 'perf.advice.miss.over' : 'perf.advice.miss.under', { title: miss.title, score: miss.score, ratio: ratioText(miss.ratio, formatNumber) })}
              </li>
            ))}
          </ul>
        </>
      )}
      {summary.data?.prose ? (
        <div className="stack">
          <h3>{t('perf.prose.title')}</h3>
          <p data-testid="advice-prose">{summary.data.prose}</p>
        </div>
      ) : (
        advice.videos > 0 && (
          <div>
            <Button small onClick={() => summary.mutate(language)} busy={summary.isPending}>
              {t('perf.prose.make')}
            </Button>
          </div>
        )
      )}
      {summary.isError && <ErrorNotice error={summary.error} />}
    </section>
  );
}
