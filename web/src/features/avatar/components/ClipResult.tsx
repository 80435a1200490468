import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { MergeConflictDialog } from '../../../components/stage/MergeConflictDialog.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { isApiError } from '../../../lib/http.ts';
import type { AvatarState } from '../api/avatar.ts';
import { usePlacement } from '../hooks/useAvatar.ts';
import { PlacementChoice } from './PlacementChoice.tsx';

/** The finished clip, playing, and where it goes in the video (changed at once). */
export function ClipResult({ projectId, state, stepVersion }: { projectId: string; state: AvatarState; stepVersion: number }) {
  const { t, formatDuration } = useI18n();
  const placement = usePlacement(projectId);
  const clip = state.clip!;
  const seconds = typeof clip.meta.durationSec === 'number' ? Math.round(clip.meta.durationSec * 10) / 10 : null;
  return (
    <section className="panel stack avatar-result" aria-labelledby="clip-result-title" data-testid="avatar-clip">
      <h2 id="clip-result-title" className="panel__title">
        {t('avatar.result.title')}
      </h2>
      <div className="avatar-result__body">
        <video className="avatar-result__video" src={`${clip.url}#t=0.1`} controls playsInline preload="metadata" />
        <div className="stack">
          {seconds !== null && <p className="muted small">{t('avatar.result.length', { duration: formatDuration(seconds, 1) })}</p>}
          <PlacementChoice value={state.placement} onChange={(next) => placement.mutate({ placement: next, baseVersion: stepVersion })} disabled={placement.isPending} />
          <p className="muted small">{t(state.placement === 'corner' ? 'avatar.result.cornerHint' : 'avatar.result.fullHint')}</p>
          {placement.isError && !isApiError(placement.error, 412) && <ErrorNotice error={placement.error} />}
          <MergeConflictDialog merge={placement} keepHint={t('conflict.avatarKeepHint')} />
        </div>
      </div>
    </section>
  );
}
