import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { stageName } from '../../../i18n/stage-text.ts';
import { isStageNumber } from '../../../lib/domain.ts';
import type { StageScreenProps } from '../../../lib/stage-screen.ts';
import { StageCompletion } from '../../../components/stage/StageCompletion.tsx';
import { StageFooter } from '../../../components/stage/StageFooter.tsx';
import type { Aspect, Quality, RenderState } from '../api/render.ts';
import { isActive, useRender, useRenderState } from '../hooks/useRender.ts';
import { problemText } from '../problem-text.ts';
import { PublishPanel } from './PublishPanel.tsx';
import { RenderOutcome, RenderProgress } from './RenderProgress.tsx';
import { RenderSettings } from './RenderSettings.tsx';
import { Downloads, VideoPlayer } from './VideoResult.tsx';
import { NearCopyNotice } from '../../script/components/NearCopyNotice.tsx';
import { useSteps } from '../../../lib/steps/use-steps.ts';
import '../render.css';

/** Stage 7: settings, the render with live progress, the finished video, downloads and the publishing text. */
export function RenderStage({ project, step }: StageScreenProps) {
  const state = useRenderState(project.id);
  const steps = useSteps(project.id);
  if (state.isPending) return <Loading />;
  if (state.isError) return <ErrorNotice error={state.error} onRetry={() => void state.refetch()} />;
  return (
    <div className="stack-lg">
      <RenderWorkspace projectId={project.id} state={state.data} staleSources={step?.staleSources ?? []} />
      <NearCopyNotice projectId={project.id} copyCheck={steps.data?.find((s) => s.stepNumber === 3)?.data.copyCheck} editLink />
      <PublishPanel projectId={project.id} saved={state.data.publish} />
      {/* Once there is a video, finishing the stage is the next thing to do; before, it sits under Advanced. */}
      {state.data.outputs && <StageCompletion projectId={project.id} stage={7} step={step} />}
      <StageFooter project={project} stage={7} step={step} showCompletion={!state.data.outputs} showData={false} />
    </div>
  );
}

function RenderWorkspace({ projectId, state, staleSources }: { projectId: string; state: RenderState; staleSources: number[] }) {
  const { t } = useI18n();
  const { job, start, cancel } = useRender(projectId, state);
  const [settings, setSettings] = useState<{ aspect: Aspect; quality: Quality }>(state.settings);
  const running = isActive(job);
  const outputs = state.outputs;
  const problems = state.problems;
  const outdated = Boolean(outputs?.aspect && outputs.aspect !== settings.aspect);
  const player = useRef<HTMLElement>(null);
  const arrivedWithVideo = Boolean((useLocation().state as { showVideo?: boolean } | null)?.showVideo);
  const shownVideo = useRef(arrivedWithVideo ? null : (outputs?.video.id ?? null));
  // A video that just finished (here, or by "make video") is brought into view: on a phone it is below the fold.
  useEffect(() => {
    const id = outputs?.video.id ?? null;
    if (!id || id === shownVideo.current) return;
    shownVideo.current = id;
    player.current?.scrollIntoView({ block: 'start' });
  }, [outputs?.video.id]);

  return (
    <div className="render-layout">
      <section ref={player} className="panel render-stage" aria-labelledby="render-result-title">
        <h2 id="render-result-title" className="panel__title">
          {t('render.result.title')}
        </h2>
        {outputs ? (
          <VideoPlayer outputs={outputs} />
        ) : (
          <div className={`render-placeholder render-player--${settings.aspect.replace(':', 'x')}`}>
            <p className="muted">{t('render.result.empty')}</p>
          </div>
        )}
      </section>

      <div className="stack-lg">
        <section className="panel stack" aria-labelledby="render-settings-title">
          <h2 id="render-settings-title" className="panel__title">
            {t('render.settings.title')}
          </h2>
          <RenderSettings aspect={settings.aspect} quality={settings.quality} disabled={running} onChange={setSettings} />
          {state.timing && <p className="muted small">{t(state.timing === 'narration' ? 'render.timing.narration' : 'render.timing.readingSpeed')}</p>}
          {problems.length > 0 && (
            <Notice tone="warning" title={t('render.problems.title')} testId="render-problems">
              <ul className="render-problems">
                {problems.map((problem) => (
                  <li key={`${problem.path}:${problem.message}`}>
                    {problemText(problem, t)} <code className="muted small">{problem.path}</code>
                  </li>
                ))}
              </ul>
            </Notice>
          )}
          {outputs && !running && staleSources.length > 0 && (
            <Notice
              tone="warning"
              testId="render-stale"
              title={t('render.stale.title')}
              actions={
                <Button small variant="primary" busy={start.isPending} disabled={problems.length > 0} onClick={() => start.mutate(settings)}>
                  {t('render.action.rerender')}
                </Button>
              }
            >
              {t('render.stale.body', { stages: staleSources.filter(isStageNumber).map((n) => stageName(t, n)).join(', ') })}
            </Notice>
          )}
          {running && job ? (
            <RenderProgress job={job} cancelling={cancel.isPending} onCancel={() => cancel.mutate(job.id)} />
          ) : (
            <div className="row">
              <Button variant="primary" busy={start.isPending} disabled={problems.length > 0} onClick={() => start.mutate(settings)} data-testid="render-button">
                {outputs ? t('render.action.rerender') : t('render.action.render')}
              </Button>
            </div>
          )}
          {!running && job && <RenderOutcome job={job} />}
          {start.isError && <ErrorNotice error={start.error} />}
          {cancel.isError && <ErrorNotice error={cancel.error} />}
        </section>

        {outputs && (
          <section className="panel stack">
            {outdated && <p className="muted small">{t('render.result.outdated')}</p>}
            <Downloads outputs={outputs} />
          </section>
        )}
      </div>
    </div>
  );
}
