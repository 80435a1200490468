import { Link } from 'react-router';
import { Button } from '../../../components/ui/Button.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n, type MessageKey } from '../../../i18n/i18n.tsx';
import type { Job } from '../../../lib/job-events.ts';
import { MAKE_STAGES, makeStageOf } from '../../../lib/make-video.ts';
import { paths } from '../../../lib/paths.ts';
import '../make.css';

interface MakeProgressProps {
  projectId: string;
  job: Job;
  onCancel: () => void;
  cancelling: boolean;
  onRetry: () => void;
  retrying: boolean;
}

/** One view of the whole fast path: its stages ticked off as they finish, one bar, a way to stop. */
export function MakeProgress({ projectId, job, onCancel, cancelling, onRetry, retrying }: MakeProgressProps) {
  const { t } = useI18n();
  const percent = Math.round(job.progress * 100);
  const at = makeStageOf(job.step);
  const atIndex = job.state === 'succeeded' ? MAKE_STAGES.length : MAKE_STAGES.findIndex((s) => s.key === at);
  const running = job.state === 'queued' || job.state === 'running';
  const failedStage = MAKE_STAGES[Math.max(0, atIndex)] ?? MAKE_STAGES[0];

  return (
    <section className="panel stack make-progress" data-testid="make-progress" aria-labelledby="make-title">
      <h1 id="make-title" className="stage-heading">
        {t('make.title')}
      </h1>
      <p className="muted">{t('make.lead')}</p>
      <ol className="make-stages">
        {MAKE_STAGES.map((stage, index) => {
          const state = index < atIndex ? 'done' : index === atIndex && running ? 'running' : 'waiting';
          return (
            <li key={stage.key} className={`make-stage make-stage--${state}`} data-state={state} data-testid={`make-stage-${stage.key}`}>
              <span className="make-stage__mark" aria-hidden="true">
                {state === 'done' ? '✓' : state === 'running' ? <span className="spinner spinner--inline" /> : '·'}
              </span>
              <span className="grow">{t(`make.stage.${stage.key}` as MessageKey)}</span>
              <span className="muted small">{t(`make.state.${state}` as MessageKey)}</span>
            </li>
          );
        })}
      </ol>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t('make.title')}>
        <div className="progress__bar" style={{ width: `${Math.max(2, percent)}%` }} />
      </div>
      {running && (
        <div className="row">
          <span className="muted small grow" role="status">
            {job.state === 'queued' ? t('make.queued') : t('render.progress.percent', { percent })}
          </span>
          <Button small variant="ghost" busy={cancelling} onClick={onCancel}>
            {t('make.cancel')}
          </Button>
        </div>
      )}
      {job.state === 'failed' && (
        <Notice
          tone="danger"
          title={t('make.failed')}
          testId="make-failed"
          actions={
            <>
              <Button small variant="primary" busy={retrying} onClick={onRetry}>
                {t('make.retry')}
              </Button>
              <Link className="btn btn--small" to={paths.stage(projectId, failedStage.stage)}>
                {t('make.openStage')}
              </Link>
            </>
          }
        >
          {t('make.failedAt', { stage: t(`make.stage.${failedStage.key}` as MessageKey) })}
        </Notice>
      )}
      {job.state === 'cancelled' && (
        <Notice tone="warning" actions={<Button small busy={retrying} onClick={onRetry}>{t('make.retry')}</Button>}>
          {t('make.cancelled')}
        </Notice>
      )}
    </section>
  );
}
