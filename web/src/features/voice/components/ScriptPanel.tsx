import type { Stage4Audio } from '../../../../../contracts/voice-api.ts';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { SceneConflictDialog } from '../../../components/stage/SceneConflictDialog.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { countWords, speakingSeconds, type Language } from '../../../lib/formats.ts';
import type { useStageScript } from '../hooks/useStageScript.ts';
import { outdatedScenes } from '../playback.ts';
import { ScriptEditor } from './ScriptEditor.tsx';

interface ScriptPanelProps {
  script: ReturnType<typeof useStageScript>;
  language: Language;
  audio: Stage4Audio | null;
  sourceVersion: number | null;
}

export function ScriptPanel({ script, language, audio, sourceVersion }: ScriptPanelProps) {
  const { t, formatDuration } = useI18n();
  const words = script.scenes.reduce((sum, scene) => sum + countWords(scene.text), 0);
  let status = t('voice.script.saved');
  if (script.saving) status = t('voice.script.saving');
  else if (script.dirty) status = t('voice.script.unsaved');
  return (
    <section className="panel stack" aria-labelledby="voice-script-title">
      <div className="panel__head">
        <h2 id="voice-script-title" className="panel__title">
          {t('voice.script.title')}
        </h2>
        {sourceVersion !== null && <span className="muted small">{t('voice.script.fromVersion', { v: sourceVersion })}</span>}
      </div>
      <p className="muted small">{script.editable ? t('voice.script.hint') : t('voice.script.locked')}</p>
      <ScriptEditor scenes={script.scenes} language={language} editable={script.editable} outdated={outdatedScenes(script.scenes, audio)} onEdit={script.edit} />
      <div className="row voice-script__foot">
        <span className="grow small">{t('voice.script.total', { words, duration: formatDuration(speakingSeconds(words, language)) })}</span>
        <span className="muted small" role="status" data-testid="script-save-status">
          {status}
        </span>
      </div>
      {script.error !== null && <ErrorNotice error={script.error} />}
      {script.conflict && (
        <SceneConflictDialog
          conflict={script.conflict}
          order={script.scenes.map((scene) => scene.id)}
          onSeeTheirs={() => script.resolveConflict('theirs')}
          onKeepMine={() => script.resolveConflict('mine')}
          onMerge={(merged) => script.resolveConflict(merged)}
          busy={script.saving}
        />
      )}
    </section>
  );
}
