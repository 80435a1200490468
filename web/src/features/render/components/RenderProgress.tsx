import { Button } from '../../../components/ui/Button.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n, type MessageKey } from '../../../i18n/i18n.tsx';
import type { Job } from '../api/render.ts';
import { JobFailureMessage } from '../../../components/ui/JobFailureMessage.tsx';

const STEPS = ['preparing', 'validating', 'preparing visuals', 'writing captions', 'encoding', 'finishing', 'done'];

/** A running render: what it is doing, how far it is, and a way to stop it. */
export function RenderProgress({ job, onCancel, cancelling }: { job: Job; onCancel: () => void; cancelling: boolean }) {
  const { t } = useI18n();
  const percent = Math.round(job.progress * 100);
  const step = job.step && STEPS.includes(job.step) ? t(`render.step.${job.step}` as MessageKey) : (job.step ?? '');
  return (
    <div className="render-progress" role="status" data-testid="render-progress">
      <div className="row">
        <span className="spinner spinner--inline" aria-hidden="true" />
        <strong className="grow">{t('render.progress.label')}</strong>
        <span className="render-progress__percent">{t('render.progress.percent', { percent })}</span>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={t('render.progress.label')}
      >
        <div className="progress__bar" style={{ width: `${Math.max(2, percent)}%` }} />
      </div>
      <div className="row">
        <span className="muted small grow" data-testid="render-step">
          {job.state === 'queued' ? t('render.progress.queued') : step}
        </span>
        <Button small variant="ghost" busy={cancelling} onClick={onCancel}>
          {t('render.action.cancel')}
        </Button>
      </div>
    </div>
  );
}

/** How the last render ended, when it did not succeed. */
export function RenderOutcome({ job }: { job: Job }) {
  const { t } = useI18n();
  if (job.state === 'failed') {
    return (
      <Notice tone="danger" title={t('render.failed')} testId="render-failed">
        <JobFailureMessage failure={job} />
      </Notice>
    );
  }
  if (job.state === 'cancelled') return <Notice tone="warning">{t('render.cancelled')}</Notice>;
  return null;
}
