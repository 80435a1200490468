import { useI18n } from '../../i18n/i18n.tsx';
import { stageAbout } from '../../i18n/stage-text.ts';
import { isSkippable } from '../../lib/domain.ts';
import type { StageScreenProps } from '../../lib/stage-screen.ts';
import { SkipStageForm } from './SkipStageForm.tsx';
import { StageCompletion } from './StageCompletion.tsx';
import { StaleBanner } from './StaleBanner.tsx';
import { StepDataEditor } from './StepDataEditor.tsx';
import { StepDataView } from './StepDataView.tsx';

/**
 * The screen of a stage whose real editor is not built yet: what the stage will do, its saved
 * data in readable form, completion (and skip for 4 and 5), and a raw JSON editor.
 */
export function PlaceholderStage({ project, stage, step }: StageScreenProps) {
  const { t } = useI18n();
  return (
    <div className="stack-lg">
      <section className="panel">
        <h2 className="panel__title">{t('stage.whatItDoes')}</h2>
        <p className="lead">{stageAbout(t, stage)}</p>
      </section>
      {step?.stale && <StaleBanner projectId={project.id} step={step} />}
      <StageCompletion projectId={project.id} stage={stage} step={step} />
      {isSkippable(stage) && !step?.skipReason && !step?.completedAt && (
        <SkipStageForm projectId={project.id} stage={stage} isCurrent={project.currentStage === stage} />
      )}
      <section className="panel stack">
        <div className="panel__head">
          <h2 className="panel__title">{t('stage.savedData')}</h2>
          {step && <span className="muted small">{t('stage.version', { v: step.version })}</span>}
        </div>
        <StepDataView data={step?.data} />
      </section>
      <StepDataEditor projectId={project.id} stage={stage} step={step} />
    </div>
  );
}
