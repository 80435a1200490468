import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Job } from '../api/script.ts';
import { JobFailureMessage } from '../../../components/ui/JobFailureMessage.tsx';
import { jobStepText } from '../../../lib/job-step.ts';

/** A job's live state: a progress bar with what it is doing, or why it failed. */
export function JobProgress({ job, label }: { job: Job | null; label: string }) {
  const { t } = useI18n();
  if (job?.state === 'failed') {
    return (
      <Notice tone="danger" title={t('script.jobFailed')}>
        <JobFailureMessage failure={job} />
      </Notice>
    );
  }
  if (job?.state === 'cancelled') return <Notice tone="warning">{t('script.jobCancelled')}</Notice>;
  const percent = Math.round((job?.progress ?? 0) * 100);
  return (
    <div className="job-progress" role="status" data-testid="job-progress">
      <div className="row">
        <span className="spinner spinner--inline" aria-hidden="true" />
        <span>{label}</span>
        <span className="muted small">{job?.state === 'queued' ? t('script.jobQueued') : jobStepText(job?.step, t)}</span>
      </div>
      <div className="progress" aria-hidden="true">
        <div className="progress__bar" style={{ width: `${Math.max(4, percent)}%` }} />
      </div>
    </div>
  );
}
