import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Stage4Audio, Stage4Own } from '../../../../../contracts/voice-api.ts';
import type { VoiceSettings } from '../../../../../contracts/voice.ts';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { voiceLabel } from '../../../i18n/names.ts';
import { isLanguage, type Language } from '../../../lib/formats.ts';
import type { Step } from '../../../lib/domain.ts';
import { paths } from '../../../lib/paths.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import type { StageScreenProps } from '../../../lib/stage-screen.ts';
import { SkipStageForm } from '../../../components/stage/SkipStageForm.tsx';
import { StageCompletion } from '../../../components/stage/StageCompletion.tsx';
import { useMergeStep, useSteps } from '../../../lib/steps/use-steps.ts';
import { voiceCatalogQueryOptions } from '../api/voice.ts';
import { useNarrationJob } from '../hooks/useNarrationJob.ts';
import { useStageScript } from '../hooks/useStageScript.ts';
import { MergeConflictDialog } from '../../../components/stage/MergeConflictDialog.tsx';
import { isApiError } from '../../../lib/http.ts';
import { outdatedScenes } from '../playback.ts';
import { finalScenesOf, type ScriptSync } from '../script-sync.ts';
import { ListenPanel } from './ListenPanel.tsx';
import { NarrationPanel } from './NarrationPanel.tsx';
import { OwnVoicePanel } from './OwnVoicePanel.tsx';
import { ScriptChangedNotice } from './ScriptChangedNotice.tsx';
import { ScriptPanel } from './ScriptPanel.tsx';
import { VoicePicker } from './VoicePicker.tsx';
import { readVoice, sameVoice } from '../voice-settings.ts';
import './voice.css';

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

function languageOf(steps: Step[]): Language {
  const chosen = record(steps.find((s) => s.stepNumber === 1)?.data).language;
  if (isLanguage(chosen)) return chosen;
  const text = (finalScenesOf(steps.find((s) => s.stepNumber === 3)) ?? []).map((s) => s.text).join(' ');
  return /[а-яё]/i.test(text) ? 'ru' : 'en';
}

/**
 * Stage 4: the latest final script in an editor, a generated or own voice for it, and the
 * narration to listen to. The steps are read again on arrival, so the script shown is never an
 * older one than stage 3 holds.
 */
export function VoiceStage({ project }: StageScreenProps) {
  const { t } = useI18n();
  const [arrivedAt] = useState(() => Date.now());
  const steps = useSteps(project.id);
  const refetch = steps.refetch;
  useEffect(() => void refetch(), [refetch]);
  const fresh = steps.dataUpdatedAt >= arrivedAt && !steps.isRefetching;
  const [confirmedFresh, setConfirmedFresh] = useState(false);
  useEffect(() => {
    if (fresh) setConfirmedFresh(true);
  }, [fresh]);

  const all = steps.data ?? [];
  const step3 = all.find((s) => s.stepNumber === 3);
  const step4 = all.find((s) => s.stepNumber === 4);
  const script = useStageScript(project.id, step3, step4, confirmedFresh);

  if (!confirmedFresh) {
    if (steps.isError) return <ErrorNotice error={steps.error} onRetry={() => void refetch()} />;
    return <Loading label={t('voice.loadingScript')} />;
  }
  const skipped = Boolean(step4?.skipReason) && !step4?.completedAt;
  return (
    <div className="stack-lg voice-stage">
      {script.plan.kind === 'no-final-script' ? (
        <Notice tone="info" testId="no-final-script" title={t('voice.noFinalScript')}>
          <Link to={paths.stage(project.id, 3)}>{t('voice.toStage3')}</Link>
        </Notice>
      ) : (
        <>
          {script.plan.kind === 'changed' && (
            <ScriptChangedNotice
              changes={script.plan.changes}
              latest={script.plan.base}
              busy={script.saving}
              onLoad={script.loadNew}
              onKeep={script.keepMine}
            />
          )}
          <ScriptPanel script={script} language={languageOf(all)} audio={audioOf(step4)} sourceVersion={copiedFrom(script.plan)} />
          {!skipped && <VoiceSection projectId={project.id} step4={step4} language={languageOf(all)} script={script} />}
        </>
      )}
      {!audioOf(step4) && !skipped && <p className="muted small">{t('voice.completion.noAudio')}</p>}
      <StageCompletion projectId={project.id} stage={4} step={step4} />
      {!step4?.skipReason && !step4?.completedAt && <SkipStageForm projectId={project.id} stage={4} isCurrent={project.currentStage === 4} />}
    </div>
  );
}

const copiedFrom = (plan: ScriptSync): number | null => (plan.kind === 'copy' ? plan.sourceVersion : plan.kind === 'no-final-script' ? null : plan.copy.sourceVersion);

export const audioOf = (step: Step | undefined) => {
  const audio = record(step?.data).audio as Stage4Audio | undefined;
  return audio && typeof audio.assetId === 'string' && Array.isArray(audio.segments) ? audio : null;
};

interface VoiceSectionProps {
  projectId: string;
  step4: Step | undefined;
  language: Language;
  script: ReturnType<typeof useStageScript>;
}

/** Generated or own voice, then the narration to listen to. */
function VoiceSection({ projectId, step4, language, script }: VoiceSectionProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const data = record(step4?.data);
  const [tab, setTab] = useState<'generated' | 'own'>(data.mode === 'upload' || data.mode === 'record' ? 'own' : 'generated');
  const catalog = useQuery(voiceCatalogQueryOptions(language));
  const merge = useMergeStep(projectId);
  const savedVoice = readVoice(data.voice, language, catalog.data);
  const [voice, setVoice] = useState<VoiceSettings>(savedVoice);
  const savedKey = JSON.stringify(savedVoice);
  useEffect(() => setVoice(JSON.parse(savedKey) as VoiceSettings), [savedKey]);
  const voiceSaved = useRef<Promise<unknown>>(Promise.resolve());
  const narration = useNarrationJob(projectId);
  const audio = audioOf(step4);
  const outdated = outdatedScenes(script.scenes, audio);
  const settingsChanged = audio?.source === 'tts' && !sameVoice(audio.voice, voice);
  const own = (data.own as Stage4Own | undefined) ?? null;

  const changeVoice = (next: VoiceSettings) => {
    setVoice(next);
    voiceSaved.current = merge.mutateAsync({ stepNumber: 4, patch: { data: { voice: next } }, baseVersion: step4?.version ?? 0 }).catch(() => undefined);
  };
  const startNarration = async () => {
    await script.flush();
    await voiceSaved.current;
    const changed = audio ? outdated.filter((id) => script.scenes.some((s) => s.id === id)) : [];
    narration.start.mutate(changed.length > 0 ? changed : undefined);
  };
  const saved = (step: Step) => {
    queryClient.setQueryData<Step[]>(queryKeys.steps(projectId), (steps) => steps?.map((s) => (s.stepNumber === step.stepNumber ? step : s)));
    void queryClient.invalidateQueries({ queryKey: queryKeys.steps(projectId) });
  };
  const voiceUsed = catalog.data?.voices.find((v) => v.provider === audio?.voice?.provider && v.id === audio?.voice?.voiceId);
  const voiceName = voiceUsed ? voiceLabel(t, voiceUsed) : null;
  const blocked = !script.editable || script.scenes.length === 0;

  return (
    <>
      <section className="panel stack" aria-labelledby="voice-source-title">
        <div className="panel__head">
          <h2 id="voice-source-title" className="panel__title">
            {t('voice.source.title')}
          </h2>
        </div>
        <div className="segmented" role="group" aria-label={t('voice.source.tabs')}>
          {(['generated', 'own'] as const).map((value) => (
            <button key={value} type="button" className="segmented__item" aria-pressed={tab === value} onClick={() => setTab(value)}>
              {t(value === 'generated' ? 'voice.source.generated' : 'voice.source.own')}
            </button>
          ))}
        </div>
        {tab === 'generated' ? (
          <>
            {catalog.isPending && <Loading />}
            {catalog.isError && <ErrorNotice error={catalog.error} onRetry={() => void catalog.refetch()} />}
            {catalog.data && <VoicePicker catalog={catalog.data} language={language} voice={voice} onChange={changeVoice} />}
            <NarrationPanel
              narration={narration}
              hasAudio={audio?.source === 'tts'}
              outdated={audio?.source === 'tts' ? outdated : []}
              settingsChanged={settingsChanged}
              audioCreatedAt={audio?.createdAt ?? null}
              disabled={blocked || !voice.voiceId}
              onStart={() => void startNarration()}
            />
            {merge.isError && !isApiError(merge.error, 412) && <ErrorNotice error={merge.error} />}
            <MergeConflictDialog merge={merge} />
          </>
        ) : (
          <OwnVoicePanel projectId={projectId} scenes={script.scenes} own={own} disabled={blocked} beforeUpload={script.flush} onSaved={saved} />
        )}
      </section>
      {audio && (
        <ListenPanel
          key={audio.assetId}
          projectId={projectId}
          audio={audio}
          movableCuts={audio.source === 'own' && own?.scope === 'whole' && own.whole?.assetId === audio.assetId}
          voiceName={voiceName}
          onSaved={saved}
        />
      )}
    </>
  );
}
