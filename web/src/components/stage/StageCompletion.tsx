import { Link, useNavigate } from 'react-router';
import { Button } from '../ui/Button.tsx';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { stageName } from '../../i18n/stage-text.ts';
import { LAST_STAGE, isStageNumber, type StageNumber, type Step } from '../../lib/domain.ts';
import { paths } from '../../lib/paths.ts';
import { isApiError } from '../../lib/http.ts';
import { useMergeStep } from '../../lib/steps/use-steps.ts';
import { MergeConflictDialog } from './MergeConflictDialog.tsx';

interface StageCompletionProps {
  projectId: string;
  stage: StageNumber;
  step: Step | undefined;
}

/** Whether the stage is finished, the button that finishes it, and the way on to the next one. */
export function StageCompletion({ projectId, stage, step }: StageCompletionProps) {
  const { t, formatDate } = useI18n();
  const merge = useMergeStep(projectId);
  const navigate = useNavigate();
  const next = stage + 1;
  const finished = Boolean(step?.completedAt || step?.skipReason);
  const patch = (body: { completedAt?: string | null; skipReason?: null }) => merge.mutate({ stepNumber: stage, patch: body, baseVersion: step?.version ?? 0 });

  let status: string;
  if (step?.completedAt) status = t('stage.completedOn', { date: formatDate(step.completedAt, true) });
  else if (step?.skipReason) status = t('stage.skippedBecause', { reason: step.skipReason });
  else status = t('stage.notCompleted');

  return (
    <section className="panel completion" data-testid="stage-completion">
      <p className="completion__status" data-testid="stage-status">
        {status}
      </p>
      <div className="row">
        {/* One button finishes the stage and goes on; only the last stage has nowhere to go. */}
        {!finished && isStageNumber(next) && (
          <Button
            variant="primary"
            busy={merge.isPending}
            // The promise, not a mutate callback: finishing moves this panel out of "Advanced", which remounts it.
            onClick={() =>
              void merge
                .mutateAsync({ stepNumber: stage, patch: { completedAt: new Date().toISOString() }, baseVersion: step?.version ?? 0 })
                .then(() => navigate(paths.stage(projectId, next)))
                .catch(() => {})
            }
          >
            {t('stage.continue', { n: next, name: stageName(t, next) })} →
          </Button>
        )}
        {!finished && stage === LAST_STAGE && (
          <Button variant="primary" busy={merge.isPending} onClick={() => patch({ completedAt: new Date().toISOString() })}>
            {t('stage.markComplete')}
          </Button>
        )}
        {step?.completedAt && (
          <Button variant="ghost" busy={merge.isPending} onClick={() => patch({ completedAt: null })}>
            {t('stage.markIncomplete')}
          </Button>
        )}
        {step?.skipReason && !step.completedAt && (
          <Button variant="ghost" busy={merge.isPending} onClick={() => patch({ skipReason: null })}>
            {t('stage.undoSkip')}
          </Button>
        )}
        {finished && isStageNumber(next) && (
          <Link className="btn btn--primary" to={paths.stage(projectId, next)}>
            {t('stage.continue', { n: next, name: stageName(t, next) })} →
          </Link>
        )}
        {finished && stage === LAST_STAGE && <span className="muted">{t('stage.allDone')}</span>}
      </div>
      {merge.isError && !isApiError(merge.error, 412) && <ErrorNotice error={merge.error} />}
      <MergeConflictDialog merge={merge} />
    </section>
  );
}
