import { Link } from 'react-router';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import type { StageScreenProps } from '../../../lib/stage-screen.ts';
import { SkipStageForm } from '../../../components/stage/SkipStageForm.tsx';
import { StageCompletion } from '../../../components/stage/StageCompletion.tsx';
import { useAvatarState } from '../hooks/useAvatar.ts';
import { ClipMaker } from './ClipMaker.tsx';
import { ClipResult } from './ClipResult.tsx';
import '../avatar.css';

/** Stage 5 (optional): a talking-head clip from HeyGen, in a corner or as the whole picture; or skip it. */
export function AvatarStage({ project, step }: StageScreenProps) {
  const { t } = useI18n();
  const state = useAvatarState(project.id);
  if (state.isPending) return <Loading />;
  if (state.isError) return <ErrorNotice error={state.error} onRetry={() => void state.refetch()} />;
  const avatar = state.data;
  const finished = Boolean(step?.completedAt || step?.skipReason);

  return (
    <div className="stack-lg">
      <section className="panel stack">
        <h2 className="panel__title">{t('avatar.intro.title')}</h2>
        <p className="lead">{t('avatar.intro.text')}</p>
      </section>
      {!avatar.provider.configured ? (
        <Notice
          tone="info"
          title={t('avatar.notConfigured.title')}
          testId="avatar-not-configured"
          actions={
            <Link className="btn btn--small" to={paths.providers}>
              {t('avatar.notConfigured.settings')}
            </Link>
          }
        >
          {t('avatar.notConfigured.text')}
        </Notice>
      ) : (
        <>
          {avatar.status === 'ready' && avatar.clip && <ClipResult projectId={project.id} state={avatar} stepVersion={step?.version ?? 0} />}
          <ClipMaker key={avatar.status === 'ready' ? 'ready' : 'making'} projectId={project.id} state={avatar} stepVersion={step?.version ?? 0} />
        </>
      )}
      {!finished && avatar.status !== 'ready' && <SkipStageForm projectId={project.id} stage={5} isCurrent={project.currentStage === 5} />}
      <StageCompletion projectId={project.id} stage={5} step={step} />
    </div>
  );
}
