import { useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { Button } from '../../components/ui/Button.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { ErrorNotice } from '../../components/ui/ErrorNotice.tsx';
import { Loading } from '../../components/ui/Loading.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { useProject } from '../../features/projects/hooks/useProjects.ts';
import { useSteps } from '../../lib/steps/use-steps.ts';
import { useStepEvents } from '../../lib/steps/use-step-events.ts';
import { StageSidebar } from '../../features/workflow/components/StageSidebar.tsx';
import { useStageSync } from '../../features/workflow/hooks/useStageSync.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { stageName } from '../../i18n/stage-text.ts';
import { LAST_STAGE, isStageNumber, type Project, type StageNumber, type Step } from '../../lib/domain.ts';
import { errorText } from '../../lib/error-text.ts';
import { paths } from '../../lib/paths.ts';
import { stageScreen } from '../stage-screens.ts';
import { ProjectMissing } from './ProjectMissing.tsx';

/** /projects/:id/stage/:stage: the stage sidebar and the screen of one stage. */
export function StagePage() {
  const { t } = useI18n();
  const { id = '', stage: rawStage } = useParams();
  const stage = Number(rawStage);
  const project = useProject(id);
  const steps = useSteps(id);
  const sync = useStageSync(isStageNumber(stage) ? project.data : undefined, stage);

  if (project.isPending || steps.isPending) return <Loading />;
  if (project.isError) return <ProjectMissing error={project.error} onRetry={() => void project.refetch()} />;
  if (steps.isError) return <ErrorNotice error={steps.error} onRetry={() => void steps.refetch()} />;

  return (
    <div className="project">
      <div className="project__head">
        <Link to={paths.home} className="back-link">
          ← {t('project.back')}
        </Link>
        <div className="project__title-row">
          <p className="project__title" data-testid="project-title">
            {project.data.title}
          </p>
          <Badge tone="muted">{t(`status.${project.data.status}`)}</Badge>
        </div>
      </div>
      <StageSidebar project={project.data} steps={steps.data} viewing={stage} />
      <section className="project__main" aria-labelledby="stage-heading">
        {isStageNumber(stage) ? (
          <StageContent project={project.data} steps={steps.data} stage={stage} refusal={sync.refusal} />
        ) : (
          <Notice tone="warning">{t('project.invalidStage', { n: rawStage ?? '' })}</Notice>
        )}
      </section>
    </div>
  );
}

interface StageContentProps {
  project: Project;
  steps: Step[];
  stage: StageNumber;
  refusal: unknown;
}

function StageContent({ project, steps, stage, refusal }: StageContentProps) {
  const { t } = useI18n();
  // Edits typed on this screen since it last showed stored data; a change made elsewhere then asks first.
  const edited = useRef(false);
  const [revision, setRevision] = useState(0);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  // Without edits here the screen just takes the new data in (its own writes through other APIs
  // come back this way too, so it is never restarted under the author's hands).
  useStepEvents(project.id, (stages) => {
    if (stages.includes(stage) && edited.current) setChangedElsewhere(true);
  });
  const showTheirs = () => {
    edited.current = false;
    setChangedElsewhere(false);
    setRevision((n) => n + 1);
  };
  const noteEdit = (event: FormEvent) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) edited.current = true;
  };
  const heading = (
    <h1 id="stage-heading" className="stage-heading">
      <span className="stage-heading__number">{t('project.stageNumber', { n: stage, total: LAST_STAGE })}</span>
      {stageName(t, stage)}
    </h1>
  );
  if (refusal) {
    return (
      <div className="stack-lg">
        {heading}
        <Notice tone="warning" testId="stage-refused" title={t('project.stageLockedTitle')}>
          <p>{errorText(refusal, t)}</p>
        </Notice>
        <Link className="btn btn--primary" to={paths.stage(project.id, project.currentStage)}>
          {t('project.goToCurrent', { n: project.currentStage })}
        </Link>
      </div>
    );
  }
  // A stage beyond the furthest reached one is shown only once the server has accepted the move.
  if (stage > project.maxStage) return <Loading />;
  const Screen = stageScreen(stage);
  return (
    <div className="stack-lg" onInput={noteEdit}>
      {heading}
      {changedElsewhere && (
        <Notice
          tone="warning"
          testId="changed-elsewhere"
          title={t('conflict.elsewhereTitle')}
          actions={
            <>
              <Button small variant="primary" onClick={showTheirs}>
                {t('conflict.showTheirs')}
              </Button>
              <Button small onClick={() => setChangedElsewhere(false)}>
                {t('conflict.keepMine')}
              </Button>
            </>
          }
        >
          {t('conflict.elsewhereBody')}
        </Notice>
      )}
      {/* Keyed by stage (drafts never carry over to another stage) and by revision (showing data changed elsewhere starts afresh). */}
      <Screen key={`${project.id}:${stage}:${revision}`} project={project} stage={stage} steps={steps} step={steps.find((s) => s.stepNumber === stage)} />
    </div>
  );
}
