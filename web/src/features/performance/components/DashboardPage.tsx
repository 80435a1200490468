import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useDashboard } from '../hooks/usePerformance.ts';
import { AdvicePanel } from './AdvicePanel.tsx';
import { DashboardCharts } from './DashboardCharts.tsx';
import '../performance.css';

/** /performance: every published video of every project against the author's usual, with advice. */
export function DashboardPage() {
  const { t } = useI18n();
  const dashboard = useDashboard();
  return (
    <div className="stack-lg">
      <div className="page-head">
        <div className="stack">
          <h1>{t('perf.dashboard.title')}</h1>
          <p className="lead">{t('perf.dashboard.lead')}</p>
        </div>
      </div>
      {dashboard.isPending && <Loading />}
      {dashboard.isError && <ErrorNotice error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {dashboard.data && (
        <>
          {dashboard.data.videos.length === 0 ? <p className="empty">{t('perf.dashboard.empty')}</p> : <DashboardCharts videos={dashboard.data.videos} />}
          <AdvicePanel advice={dashboard.data.advice} />
        </>
      )}
    </div>
  );
}
