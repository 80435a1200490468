import { Badge } from '../../../components/ui/Badge.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { isFormatId } from '../../../lib/formats.ts';
import type { AnalysisResult } from '../api/content.ts';

const BREAKDOWN = ['hook', 'news', 'emotion', 'clarity', 'audience'] as const;

export const scoreTone = (score: number) => (score >= 65 ? 'high' : score >= 50 ? 'medium' : 'low');

interface AnalysisPanelProps {
  analysis: Partial<AnalysisResult>;
  /** The text changed since this analysis was made. */
  outdated: boolean;
  chosenFormat: string | null;
}

/** The potential score with its breakdown, the verdict, key facts, recommended format and speaking time. */
export function AnalysisPanel({ analysis, outdated, chosenFormat }: AnalysisPanelProps) {
  const { t, formatDuration } = useI18n();
  const score = analysis.score ?? 0;
  const recommended = isFormatId(analysis.recommendedFormat) ? analysis.recommendedFormat : null;
  return (
    <section className="panel stack analysis" aria-labelledby="analysis-title" data-testid="analysis">
      <div className="panel__head">
        <h2 id="analysis-title" className="panel__title">
          {t('content.analysisTitle')}
        </h2>
        {analysis.analyser && <span className="muted small">{t('content.analysedBy', { writer: t(`writer.${analysis.analyser}`) })}</span>}
      </div>
      {outdated && <p className="notice notice--info small">{t('content.analysisOutdated')}</p>}
      <div className="analysis__top">
        <div className={`analysis__score analysis__score--${scoreTone(score)}`} data-testid="analysis-score" aria-label={t('content.scoreLabel', { score })}>
          <span className="analysis__score-value">{score}</span>
          <span className="analysis__score-max">/ 100</span>
        </div>
        <div className="stack analysis__summary">
          <p className="analysis__verdict" data-testid="analysis-verdict">
            {analysis.verdict}
          </p>
          <div className="row">
            {recommended && (
              <Badge tone={recommended === chosenFormat ? 'success' : 'accent'}>{t('content.recommendedFormat', { format: t(`format.${recommended}`) })}</Badge>
            )}
            {analysis.speakingTimeSec !== undefined && <Badge tone="muted">{t('content.readAloud', { time: formatDuration(analysis.speakingTimeSec) })}</Badge>}
          </div>
        </div>
      </div>
      <dl className="breakdown">
        {BREAKDOWN.map((key) => {
          const value = analysis.breakdown?.[key] ?? 0;
          return (
            <div className="breakdown__row" key={key}>
              <dt>{t(`content.breakdown.${key}`)}</dt>
              <dd>
                <span className="breakdown__bar" aria-hidden="true">
                  <span className={`breakdown__fill breakdown__fill--${scoreTone(value)}`} style={{ width: `${value}%` }} />
                </span>
                <span className="breakdown__value">{value}</span>
              </dd>
            </div>
          );
        })}
      </dl>
      {analysis.keyFacts && analysis.keyFacts.length > 0 && (
        <div className="stack">
          <h3>{t('content.keyFacts')}</h3>
          <ul className="key-facts" data-testid="key-facts">
            {analysis.keyFacts.map((fact) => (
              <li key={fact}>{fact}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
