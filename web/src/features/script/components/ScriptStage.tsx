import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { stageAbout } from '../../../i18n/stage-text.ts';
import { paths } from '../../../lib/paths.ts';
import type { StageScreenProps } from '../../../lib/stage-screen.ts';
import { StaleBanner } from '../../../components/stage/StaleBanner.tsx';
import { useChoices } from '../hooks/useChoices.ts';
import { isFinished, useJobEvents } from '../../../lib/job-events.ts';
import { useGenerateScript, useLatestScriptJob, useRefreshAfterJob, useSaveFinalScript } from '../hooks/useScript.ts';
import { hasPlaceholders, scriptOf, totalsOf, withBestPicks } from '../script-state.ts';
import { JobProgress } from './JobProgress.tsx';
import { SceneCard } from './SceneCard.tsx';
import { ScriptHistory } from './ScriptHistory.tsx';
import { ScriptTotalsBar } from './ScriptTotalsBar.tsx';
import { SaveToLibrary } from './SaveToLibrary.tsx';
import { StageFooter } from '../../../components/stage/StageFooter.tsx';
import { ConflictDialog } from '../../../components/stage/ConflictDialog.tsx';
import { SceneConflictDialog } from '../../../components/stage/SceneConflictDialog.tsx';
import { isApiError } from '../../../lib/http.ts';
import { conflictingStep } from '../../../lib/steps/use-steps.ts';
import { NearCopyNotice } from './NearCopyNotice.tsx';
import '../script.css';

/** Stage 3: the script constructor. Nothing is (re)generated unless the author asks. */
export function ScriptStage({ project, stage, step }: StageScreenProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const script = scriptOf(step?.data);
  const { choices: stored, setChoice, flush, saving, error: saveError, conflict, resolve, baseVersion } = useChoices(project.id, step);
  const generate = useGenerateScript(project.id);
  const saveFinal = useSaveFinalScript(project.id);
  const refresh = useRefreshAfterJob(project.id);
  const latest = useLatestScriptJob(project.id).data ?? null;
  const [fullJobId, setFullJobId] = useState<string | null>(null);
  const [sceneJobs, setSceneJobs] = useState<Record<string, string>>({});
  const [confirmReplace, setConfirmReplace] = useState(false);
  // A job started elsewhere (stage 2, another tab) is followed too; one that ended meanwhile is taken in.
  const latestIsOther = latest && !Object.values(sceneJobs).includes(latest.id);
  const followed = fullJobId ?? (latestIsOther && !isFinished(latest) ? latest.id : null);
  const fullJob = useJobEvents(followed, () => void refresh());
  const takenIn = useRef<string | null>(null);
  useEffect(() => {
    if (!latestIsOther || latest.state !== 'succeeded' || takenIn.current === latest.id) return;
    takenIn.current = latest.id;
    if (!step || new Date(latest.finishedAt ?? 0) > new Date(step.updatedAt) || !scriptOf(step.data)) void refresh();
  }, [latest, latestIsOther, step, refresh]);
  const failedElsewhere = !followed && latestIsOther && latest.state === 'failed' && (!step || new Date(latest.finishedAt ?? 0) > new Date(step.updatedAt)) ? latest : null;
  const writing = Boolean(followed) && fullJob?.state !== 'failed' && fullJob?.state !== 'succeeded';
  const hasChoices = Object.keys(stored).length > 0 || Boolean(step?.data.finalScript);
  const choices = script ? withBestPicks(script, stored) : stored;

  const startFull = (replace: boolean) => {
    setConfirmReplace(false);
    generate.mutate({ replace }, { onSuccess: (job) => setFullJobId(job.id) });
  };
  const regenerate = (sceneId: string) => generate.mutate({ sceneId }, { onSuccess: (job) => setSceneJobs((jobs) => ({ ...jobs, [sceneId]: job.id })) });
  const finish = async (over?: number) => {
    await flush();
    saveFinal.mutate({ choices, complete: true, baseVersion: over ?? baseVersion() }, { onSuccess: () => void navigate(paths.stage(project.id, 4)) });
  };
  const finalConflict = isApiError(saveFinal.error, 412) ? conflictingStep(saveFinal.error.details) : undefined;

  const totals = script ? totalsOf(script, choices) : null;
  const finalScenes = (step?.data.finalScript as { scenes?: { text?: string }[] } | undefined)?.scenes;
  const finalPreview = finalScenes ? finalScenes.map((s) => s.text ?? '').join(' ').slice(0, 160) : null;
  let bodyNumber = 1;

  return (
    <div className="stack-lg script-stage">
      <p className="lead">{stageAbout(t, stage)}</p>
      {step?.stale && <StaleBanner projectId={project.id} step={step} />}
      {writing && <JobProgress job={fullJob} label={t('script.writing')} />}
      {(fullJob?.state === 'failed' ? fullJob : failedElsewhere) && <JobProgress job={fullJob?.state === 'failed' ? fullJob : failedElsewhere} label="" />}
      {generate.isError && <ErrorNotice error={generate.error} />}
      {!script && !writing && (
        <section className="panel stack" data-testid="no-script">
          <p>{t('script.none')}</p>
          <Button variant="primary" busy={generate.isPending} onClick={() => startFull(false)}>
            {t('script.write')}
          </Button>
        </section>
      )}
      {script && totals && (
        <>
          <ScriptTotalsBar script={script} totals={totals} saving={saving} />
          {script.writer === 'offline' && hasPlaceholders(script) && (
            <Notice tone="info" testId="fill-in-hint" title={t('script.fillInTitle')} actions={<Link to={paths.providers}>{t('script.connectLlm')}</Link>}>
              {t('script.fillInBody')}
            </Notice>
          )}
          <NearCopyNotice projectId={project.id} copyCheck={step?.data.copyCheck} editLink={false} />
          <div className="scenes">
            {script.scenes.map((scene) => (
              <SceneCard
                key={scene.id}
                scene={scene}
                number={scene.role === 'body' ? ++bodyNumber : 1}
                language={script.language}
                choice={choices[scene.id]}
                onChoose={(choice, typing) => setChoice(scene.id, choice, typing)}
                onRegenerate={() => regenerate(scene.id)}
                regenerateJobId={sceneJobs[scene.id] ?? null}
                onRegenerated={() => void refresh()}
                busy={writing}
              />
            ))}
          </div>
          {saveError && <ErrorNotice error={saveError} />}
          <div className="row script-stage__actions">
            <Button variant="primary" disabled={!totals.complete || writing} busy={saveFinal.isPending} onClick={() => void finish().catch(() => {})}>
              {t('script.continue')} →
            </Button>
            {!totals.complete && <span className="muted small">{t('script.chooseAll', { left: totals.scenes - totals.chosen })}</span>}
            <span className="grow" />
            <Button variant="ghost" disabled={writing} onClick={() => (hasChoices ? setConfirmReplace(true) : startFull(false))}>
              {t('script.rewriteAll')}
            </Button>
          </div>
          <SaveToLibrary
            projectId={project.id}
            disabled={!totals.complete || writing}
            saveFinal={async () => {
              await flush();
              await saveFinal.mutateAsync({ choices, complete: false, baseVersion: baseVersion() });
            }}
          />
          {saveFinal.isError && finalConflict === undefined && <ErrorNotice error={saveFinal.error} />}
          {conflict && (
            <SceneConflictDialog
              conflict={conflict}
              order={script.scenes.map((s) => s.id)}
              onSeeTheirs={resolve.seeTheirs}
              onKeepMine={resolve.keepMine}
              onMerge={resolve.merge}
              busy={saving}
            />
          )}
          {finalConflict !== undefined && (
            <ConflictDialog
              theirVersion={finalConflict?.version ?? null}
              onSeeTheirs={() => saveFinal.reset()}
              onKeepMine={() => void finish(finalConflict?.version ?? 0).catch(() => {})}
              busy={saveFinal.isPending}
            />
          )}
          {confirmReplace && (
            <Notice
              tone="warning"
              testId="confirm-rewrite"
              title={t('script.confirmTitle')}
              actions={
                <>
                  <Button small variant="danger" onClick={() => startFull(true)}>
                    {t('script.confirmRewrite')}
                  </Button>
                  <Button small onClick={() => setConfirmReplace(false)}>
                    {t('projects.cancel')}
                  </Button>
                </>
              }
            >
              {t('script.confirmBody')}
            </Notice>
          )}
        </>
      )}
      <ScriptHistory projectId={project.id} currentPreview={finalPreview} />
      <StageFooter project={project} stage={stage} step={step} showData={false} showCompletion={Boolean(step?.data.finalScript || step?.completedAt)} />
    </div>
  );
}
