import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { MetricReading, Publication } from '../api/performance.ts';
import { useRefreshPublication, useRemovePublication, useRemoveReading } from '../hooks/usePerformance.ts';
import { CsvImport } from './CsvImport.tsx';
import { MetricsForm } from './MetricsForm.tsx';

const COLUMNS = ['views', 'plays', 'reach', 'likes', 'comments', 'shares', 'saves', 'followersGained', 'avgWatchSec', 'watchRatio'] as const;
const READ_BY_PROVIDER = new Set(['youtube', 'instagram']);

/** One publication: where, when, its numbers over time, and the ways to add more. */
export function PublicationCard({ publication }: { publication: Publication }) {
  const { t, formatDate } = useI18n();
  const remove = useRemovePublication();
  const refresh = useRefreshPublication();
  const platform = t(`perf.platform.${publication.platform}`);
  return (
    <article className="panel stack" aria-label={platform} data-testid="publication">
      <div className="row perf-publication-head">
        <div className="stack grow">
          <h3 className="card__title">{platform}</h3>
          <a href={publication.url} target="_blank" rel="noreferrer noopener" className="small perf-url">
            {publication.url}
          </a>
          <span className="muted small">{t('perf.publications.published', { date: formatDate(publication.publishedAt) })}</span>
        </div>
        <Button small variant="ghost" onClick={() => remove.mutate(publication.id)} busy={remove.isPending}>
          {t('perf.publications.remove')}
        </Button>
      </div>
      {READ_BY_PROVIDER.has(publication.platform) && (
        <div className="row">
          <p className="small muted grow">{refreshText(publication, t, formatDate)}</p>
          <Button small onClick={() => refresh.mutate(publication.id)} busy={refresh.isPending}>
            {t('perf.publications.refresh')}
          </Button>
        </div>
      )}
      {refresh.isError && <ErrorNotice error={refresh.error} />}
      <Readings publication={publication} />
      <details>
        <summary>{t('perf.form.title')}</summary>
        <MetricsForm publicationId={publication.id} />
      </details>
      <details>
        <summary>{t('perf.csv.title')}</summary>
        <CsvImport publicationId={publication.id} />
      </details>
    </article>
  );
}

function refreshText(publication: Publication, t: ReturnType<typeof useI18n>['t'], formatDate: (iso: string, withTime?: boolean) => string): string {
  const platform = t(`perf.source.${publication.platform as 'youtube' | 'instagram'}`);
  switch (publication.refreshStatus) {
    case 'none':
      return t('perf.refresh.auto');
    case 'ok':
      return t('perf.refresh.ok', { platform, when: publication.refreshedAt ? formatDate(publication.refreshedAt, true) : '' });
    default:
      return t(`perf.refresh.${publication.refreshStatus}`, { error: publication.refreshError ?? '' });
  }
}

function Readings({ publication }: { publication: Publication }) {
  const { t, formatDate, formatNumber } = useI18n();
  const remove = useRemoveReading(publication.id);
  const columns = COLUMNS.filter((column) => publication.readings.some((r) => r[column] !== undefined));
  const cell = (reading: MetricReading, column: (typeof COLUMNS)[number]) => {
    const value = reading[column];
    if (value === undefined) return '—';
    if (column === 'watchRatio') return `${formatNumber(value * 100, 0)}%`;
    return formatNumber(value, column === 'avgWatchSec' ? 1 : 0);
  };
  if (publication.readings.length === 0) return <p className="muted small">{t('perf.readings.none')}</p>;
  return (
    <div className="perf-table-wrap">
      <table className="perf-table" aria-label={t('perf.readings.title')}>
        <thead>
          <tr>
            <th scope="col">{t('perf.metric.readAt')}</th>
            {columns.map((column) => (
              <th key={column} scope="col">
                {t(`perf.metric.${column}`)}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{t('perf.readings.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {publication.readings.map((reading) => (
            <tr key={reading.id}>
              <td>
                {formatDate(reading.readAt)} <span className="muted small">{t(`perf.source.${reading.source}`)}</span>
              </td>
              {columns.map((column) => (
                <td key={column}>{cell(reading, column)}</td>
              ))}
              <td>
                <Button small variant="ghost" aria-label={t('perf.readings.remove')} onClick={() => remove.mutate(reading.id)}>
                  ×
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
