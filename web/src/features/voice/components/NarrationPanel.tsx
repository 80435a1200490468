import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n, type Translate } from '../../../i18n/i18n.tsx';
import type { Job } from '../api/voice.ts';
import { isActive, type useNarrationJob } from '../hooks/useNarrationJob.ts';
import { JobFailureMessage } from '../../../components/ui/JobFailureMessage.tsx';

interface NarrationPanelProps {
  narration: ReturnType<typeof useNarrationJob>;
  hasAudio: boolean;
  /** Scenes whose text changed since the narration (empty when it matches). */
  outdated: string[];
  /** The chosen voice is not the one the narration was made with. */
  settingsChanged: boolean;
  /** When the last narration was saved, to tell an old failure from a new one. */
  audioCreatedAt: string | null;
  disabled: boolean;
  onStart: () => void;
}

/** "synthesizing 2/5" and the other job steps of voice.narrate, in the reader's language. */
export function jobStepText(t: Translate, job: Job): string {
  if (job.state === 'queued') return t('voice.narration.queued');
  const step = job.step ?? '';
  const scene = /^synthesizing (\d+)\/(\d+)$/.exec(step);
  if (scene) return t('voice.narration.step.synthesizing', { done: Math.min(Number(scene[2]), Number(scene[1]) + 1), total: scene[2]! });
  if (step === 'normalizing' || step === 'mixing' || step === 'writing' || step === 'storing') return t(`voice.narration.step.${step}`);
  return t('voice.narration.step.working');
}

/** Starts the narration job, follows its progress (with cancel) and reports how it ended. */
export function NarrationPanel({ narration, hasAudio, outdated, settingsChanged, audioCreatedAt, disabled, onStart }: NarrationPanelProps) {
  const { t } = useI18n();
  const { job, start, cancel } = narration;
  const running = isActive(job);
  const endedAfterAudio = job && (!audioCreatedAt || (job.finishedAt ?? job.updatedAt) > audioCreatedAt);
  let label = t('voice.narration.generate');
  if (hasAudio) label = outdated.length > 0 ? t('voice.narration.update', { n: outdated.length }) : t('voice.narration.again');

  return (
    <div className="stack" data-testid="narration-panel">
      {hasAudio && !running && !disabled && (
        <p className={outdated.length || settingsChanged ? 'voice-status voice-status--warning' : 'voice-status'} data-testid="narration-status">
          {outdated.length > 0 ? t('voice.narration.outdated') : settingsChanged ? t('voice.narration.settingsChanged') : t('voice.narration.current')}
        </p>
      )}
      {running && job ? (
        <div className="voice-progress" data-testid="narration-progress">
          <div className="row">
            <span className="spinner spinner--inline" aria-hidden="true" />
            <span className="grow">{jobStepText(t, job)}</span>
            <span className="muted small">{Math.round(job.progress * 100)}%</span>
            <Button small variant="ghost" busy={cancel.isPending} onClick={() => cancel.mutate(job.id)}>
              {t('voice.narration.cancel')}
            </Button>
          </div>
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(job.progress * 100)} aria-label={jobStepText(t, job)}>
            <span className="progress__bar" style={{ width: `${Math.max(2, job.progress * 100)}%` }} />
          </div>
        </div>
      ) : (
        <Button variant={hasAudio && outdated.length === 0 && !settingsChanged ? 'secondary' : 'primary'} busy={start.isPending} disabled={disabled} onClick={onStart}>
          {label}
        </Button>
      )}
      {!running && endedAfterAudio && job?.state === 'failed' && (
        <Notice tone="danger" testId="narration-failed" title={t('voice.narration.failed')}>
          <JobFailureMessage failure={job} />
        </Notice>
      )}
      {!running && endedAfterAudio && job?.state === 'cancelled' && <Notice tone="info">{t('voice.narration.cancelled')}</Notice>}
      {start.isError && <ErrorNotice error={start.error} />}
      {cancel.isError && <ErrorNotice error={cancel.error} />}
    </div>
  );
}
