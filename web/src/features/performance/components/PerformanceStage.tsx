import { StageFooter } from '../../../components/stage/StageFooter.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { StageScreenProps } from '../../../lib/stage-screen.ts';
import { useProjectPerformance } from '../hooks/usePerformance.ts';
import { AddPublicationForm } from './AddPublicationForm.tsx';
import { AdvicePanel } from './AdvicePanel.tsx';
import { PredictionPanel } from './PredictionPanel.tsx';
import { PublicationCard } from './PublicationCard.tsx';
import '../performance.css';

/** Stage 8: where the video was published, its numbers, predicted against actual, and advice. */
export function PerformanceStage({ project, step }: StageScreenProps) {
  const { t } = useI18n();
  const performance = useProjectPerformance(project.id);
  if (performance.isPending) return <Loading />;
  if (performance.isError) return <ErrorNotice error={performance.error} onRetry={() => void performance.refetch()} />;
  const data = performance.data;
  return (
    <div className="stack-lg">
      <PredictionPanel performance={data} />
      <section className="stack" aria-labelledby="publications-title">
        <h2 id="publications-title">{t('perf.publications.title')}</h2>
        {data.publications.length === 0 && <p className="muted">{t('perf.publications.none')}</p>}
        {data.publications.map((publication) => (
          <PublicationCard key={publication.id} publication={publication} />
        ))}
        <AddPublicationForm projectId={project.id} />
      </section>
      <AdvicePanel advice={data.advice} />
      <StageFooter project={project} stage={8} step={step} showData={false} />
    </div>
  );
}
