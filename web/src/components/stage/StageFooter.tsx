import { useI18n } from '../../i18n/i18n.tsx';
import type { Project, StageNumber, Step } from '../../lib/domain.ts';
import { StageCompletion } from './StageCompletion.tsx';
import { StepDataEditor } from './StepDataEditor.tsx';
import { StepDataView } from './StepDataView.tsx';

interface StageFooterProps {
  project: Project;
  stage: StageNumber;
  step: Step | undefined;
  /** Offer the generic "mark complete" (stage 3 only once a final script exists). */
  showCompletion?: boolean;
  /** Show the saved data laid out for reading (not where the screen already shows all of it). */
  showData?: boolean;
}

/**
 * Below a stage's own screen: a finished stage shows its completion and the way on; the generic
 * "mark complete" of an unfinished one, the saved data and the raw JSON editor sit under a
 * collapsed "Advanced" section.
 */
export function StageFooter({ project, stage, step, showCompletion = true, showData = true }: StageFooterProps) {
  const { t } = useI18n();
  const finished = Boolean(step?.completedAt || step?.skipReason);
  const completion = showCompletion && <StageCompletion projectId={project.id} stage={stage} step={step} />;
  return (
    <>
      {finished && completion}
      <details className="panel stage-advanced">
        <summary className="stage-advanced__summary">{t('stage.advanced')}</summary>
        <div className="stack">
          {!finished && completion}
          {showData && <StepDataView data={step?.data} />}
          <StepDataEditor projectId={project.id} stage={stage} step={step} />
        </div>
      </details>
    </>
  );
}
