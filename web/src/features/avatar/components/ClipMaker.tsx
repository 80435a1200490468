import { useState } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { MergeConflictDialog } from '../../../components/stage/MergeConflictDialog.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { isApiError } from '../../../lib/http.ts';
import type { AvatarPlacement, AvatarState } from '../api/avatar.ts';
import { isActive, useAvatarCatalog, useClipJob } from '../hooks/useAvatar.ts';
import { AvatarPicture } from './AvatarPicture.tsx';
import { PlacementChoice } from './PlacementChoice.tsx';
import { jobStepText } from '../../../lib/job-step.ts';
import { JobFailureMessage } from '../../../components/ui/JobFailureMessage.tsx';

/** Choose an avatar, what it says (the narration, or the script in a HeyGen voice) and where it goes; then make the clip. */
export function ClipMaker({ projectId, state, stepVersion }: { projectId: string; state: AvatarState; stepVersion: number }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(state.status !== 'ready');
  if (!open) {
    return (
      <div className="row">
        <Button onClick={() => setOpen(true)} data-testid="make-another">
          {t('avatar.maker.again')}
        </Button>
      </div>
    );
  }
  return <ClipForm projectId={projectId} state={state} stepVersion={stepVersion} />;
}

function ClipForm({ projectId, state, stepVersion }: { projectId: string; state: AvatarState; stepVersion: number }) {
  const { t } = useI18n();
  const catalog = useAvatarCatalog(true);
  const { job, start, follow, cancel } = useClipJob(projectId, state);
  const [avatarId, setAvatarId] = useState(state.avatarId);
  const [source, setSource] = useState<'narration' | 'script'>(state.source ?? (state.narration ? 'narration' : 'script'));
  const [voiceId, setVoiceId] = useState(state.voiceId ?? '');
  const [placement, setPlacement] = useState<AvatarPlacement>(state.placement);
  const running = isActive(job);
  const avatars = catalog.data?.avatars ?? [];
  const voices = catalog.data?.voices ?? [];
  const chosenVoice = voiceId || avatars.find((a) => a.id === avatarId)?.defaultVoiceId || '';
  const canStart = Boolean(avatarId) && (source === 'narration' ? Boolean(state.narration) : Boolean(chosenVoice));
  const waiting = !running && state.status === 'processing';

  return (
    <section className="panel stack" aria-labelledby="clip-maker-title">
      <h2 id="clip-maker-title" className="panel__title">
        {state.status === 'ready' ? t('avatar.maker.again') : t('avatar.maker.title')}
      </h2>
      {catalog.isPending && <p className="muted">{t('avatar.catalog.loading')}</p>}
      {catalog.isError && <ErrorNotice error={catalog.error} onRetry={() => void catalog.refetch()} />}
      {avatars.length > 0 && (
        <fieldset className="choice-group">
          <legend className="field__label">{t('avatar.maker.avatar')}</legend>
          <ul className="avatar-grid">
            {avatars.map((avatar) => (
              <li key={avatar.id}>
                <button type="button" className="avatar-option" aria-pressed={avatar.id === avatarId} onClick={() => setAvatarId(avatar.id)} disabled={running}>
                  <AvatarPicture url={avatar.previewImageUrl} name={avatar.name} />
                  <span>{avatar.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <fieldset className="choice-group">
        <legend className="field__label">{t('avatar.maker.source')}</legend>
        <label className="avatar-radio">
          <input type="radio" name="avatar-source" checked={source === 'narration'} disabled={!state.narration || running} onChange={() => setSource('narration')} />
          <span>
            {t('avatar.source.narration')}
            <span className="muted small avatar-radio__hint">{state.narration ? t('avatar.source.narrationHint') : t('avatar.source.noNarration')}</span>
          </span>
        </label>
        <label className="avatar-radio">
          <input type="radio" name="avatar-source" checked={source === 'script'} disabled={running} onChange={() => setSource('script')} />
          <span>
            {t('avatar.source.script')}
            <span className="muted small avatar-radio__hint">{t('avatar.source.scriptHint')}</span>
          </span>
        </label>
        {source === 'script' && voices.length > 0 && (
          <label className="field">
            <span className="field__label">{t('avatar.maker.voice')}</span>
            <select className="input" value={chosenVoice} onChange={(e) => setVoiceId(e.target.value)} disabled={running}>
              <option value="" disabled>
                {t('avatar.maker.chooseVoice')}
              </option>
              {voices.map((voice) => (
                <option key={voice.id} value={voice.id}>
                  {[voice.name, voice.language, voice.gender].filter(Boolean).join(' · ')}
                </option>
              ))}
            </select>
          </label>
        )}
      </fieldset>
      <PlacementChoice value={placement} onChange={setPlacement} disabled={running} />
      {running && job ? (
        <div className="stack" data-testid="avatar-progress">
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(job.progress * 100)} aria-label={t('avatar.job.progress')}>
            <div className="progress__bar" style={{ width: `${Math.round(job.progress * 100)}%` }} />
          </div>
          <p className="muted small">{job.step ? jobStepText(job.step, t) : t('avatar.job.queued')}</p>
          <div className="row">
            <Button small onClick={() => cancel.mutate(job.id)} busy={cancel.isPending}>
              {t('avatar.job.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="row">
          <Button
            variant="primary"
            disabled={!canStart}
            busy={start.isPending}
            onClick={() => start.mutate({ body: { avatarId: avatarId!, source, voiceId: source === 'script' ? chosenVoice : undefined, placement }, baseVersion: stepVersion })}
            data-testid="make-clip"
          >
            {t('avatar.maker.make')}
          </Button>
          {waiting && (
            <Button onClick={() => follow.mutate()} busy={follow.isPending}>
              {t('avatar.job.checkAgain')}
            </Button>
          )}
        </div>
      )}
      {state.status === 'failed' && state.error && !running && (
        <Notice tone="danger" title={t('avatar.job.failed')}>
          <JobFailureMessage failure={state} />
        </Notice>
      )}
      {job?.state === 'failed' && job.error !== state.error && !running && (
        <Notice tone="danger">
          <JobFailureMessage failure={job} />
        </Notice>
      )}
      {start.isError && !isApiError(start.error, 412) && <ErrorNotice error={start.error} />}
      <MergeConflictDialog merge={start} keepHint={t('conflict.avatarKeepHint')} />
      {follow.isError && <ErrorNotice error={follow.error} />}
      <p className="muted small">{t('avatar.maker.cost')}</p>
    </section>
  );
}
