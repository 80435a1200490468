import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { Badge } from '../../../components/ui/Badge.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Batch } from '../../../lib/batch.ts';
import { http } from '../../../lib/http.ts';
import { paths } from '../../../lib/paths.ts';
import { JobFailureMessage } from '../../../components/ui/JobFailureMessage.tsx';
import '../batch.css';

const STATE_TONE = { waiting: 'muted', making: 'accent', done: 'success', failed: 'warning' } as const;

/** /batches/:id: one view of a batch, every item with its state, read again every second until all are finished. */
export function BatchPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const batch = useQuery({
    queryKey: ['batches', id],
    queryFn: ({ signal }) => http.get<Batch>(`/api/batches/${encodeURIComponent(id)}`, signal),
    refetchInterval: (query) => (query.state.data?.finished ? false : 1000),
  });
  if (batch.isPending) return <Loading />;
  if (batch.isError) return <ErrorNotice error={batch.error} onRetry={() => void batch.refetch()} />;
  const { items, counts, finished, makeVideo } = batch.data;
  return (
    <div className="stack-lg" data-testid="batch-progress" data-finished={finished || undefined}>
      <div className="stack">
        <h1>{t('batch.title')}</h1>
        <p className="lead">{t('batch.lead')}</p>
        <p className="muted" role="status">
          {t('batch.summary', counts)}
          {finished ? ` · ${t('batch.finished')}` : ''}
        </p>
      </div>
      <ol className="stack batch-items">
        {items.map((item) => (
          <li key={item.position} className="card stack" data-testid="batch-item" data-state={item.state}>
            <div className="row">
              <Badge tone="muted">{t(`batch.kind.${item.kind}`)}</Badge>
              <strong className="grow">{item.label}</strong>
              <Badge tone={STATE_TONE[item.state]}>{t(`batch.state.${item.state}`)}</Badge>
            </div>
            {item.state === 'making' && (
              <div className="progress batch-item__bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(item.progress * 100)} aria-label={item.label}>
                <div className="progress__bar" style={{ width: `${Math.max(2, Math.round(item.progress * 100))}%` }} />
              </div>
            )}
            {item.error && <p className="small field__error"><JobFailureMessage failure={{ error: item.error }} /></p>}
            {item.projectId && (
              <div className="row small">
                <Link to={paths.project(item.projectId)}>{t('batch.openProject')}</Link>
                {makeVideo && item.state === 'done' && <Link to={paths.stage(item.projectId, 7)}>{t('batch.openVideo')}</Link>}
              </div>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
