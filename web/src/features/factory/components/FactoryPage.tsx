import { Link } from 'react-router';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import { useDrafts, useFactorySettings, useRunNow, useRuns } from '../hooks/useFactory.ts';
import { DraftCard } from './DraftCard.tsx';
import { RunLog } from './RunLog.tsx';
import '../factory.css';

/** /factory: run the factory now, watch what each run did, and review the drafts it filed. */
export function FactoryPage() {
  const { t } = useI18n();
  const settings = useFactorySettings();
  const { run, running, startError, runFailure } = useRunNow();
  const runs = useRuns(running);
  const drafts = useDrafts();
  const usage = settings.data?.usage;

  return (
    <div className="stack-lg">
      <div className="page-head">
        <div className="stack">
          <h1>{t('factory.title')}</h1>
          <p className="lead">{t('factory.lead')}</p>
          {settings.data && (
            <p className="muted small" data-testid="factory-usage">
              {settings.data.rules.enabled ? t('factory.on') : t('factory.off')} · {t('factory.usage', { n: usage?.draftsToday ?? 0, max: settings.data.rules.draftsPerDay })}
            </p>
          )}
        </div>
        <div className="row">
          <Link className="btn btn--secondary" to={paths.factorySettings}>
            {t('factory.settings')}
          </Link>
          <Button variant="primary" busy={running} onClick={run} data-testid="factory-run-now">
            {t('factory.runNow')}
          </Button>
        </div>
      </div>
      {startError && <ErrorNotice error={startError} />}
      {runFailure !== null && <Notice tone="danger" title={t('factory.runFailed')}>{runFailure}</Notice>}
      <div className="factory-layout">
        <section className="stack" aria-label={t('factory.queue')} data-testid="factory-queue">
          <h2>{t('factory.queue')}</h2>
          {drafts.isPending && <Loading />}
          {drafts.isError && <ErrorNotice error={drafts.error} onRetry={() => void drafts.refetch()} />}
          {drafts.data?.length === 0 && <p className="empty">{t('factory.noDrafts')}</p>}
          {drafts.data?.map((draft) => <DraftCard key={draft.id} draft={draft} />)}
        </section>
        <RunLog runs={runs.data ?? []} running={running} />
      </div>
    </div>
  );
}
