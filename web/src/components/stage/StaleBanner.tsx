import { Button } from '../ui/Button.tsx';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Step } from '../../lib/domain.ts';
import { useSteps, useUpsertStep } from '../../lib/steps/use-steps.ts';

/**
 * Says that a step was built from an older version of the stage(s) it derives from, instead of
 * silently showing old data. "Keep" re-saves it as built from the current versions.
 */
export function StaleBanner({ projectId, step }: { projectId: string; step: Step }) {
  const { t } = useI18n();
  const steps = useSteps(projectId);
  const keep = useUpsertStep(projectId);
  return (
    <div className="stack">
      <Notice
        tone="warning"
        testId="stale-banner"
        title={t('stale.message', { sources: step.staleSources.join(', ') })}
        actions={
          <>
            <Button small busy={steps.isFetching} onClick={() => void steps.refetch()}>
              {t('stale.reload')}
            </Button>
            <Button small busy={keep.isPending} onClick={() => keep.mutate({ body: { stepNumber: step.stepNumber, data: step.data }, ifMatch: step.version })}>
              {t('stale.keep')}
            </Button>
          </>
        }
      >
        {t('stale.hint')}
      </Notice>
      {keep.isError && <ErrorNotice error={keep.error} />}
    </div>
  );
}
