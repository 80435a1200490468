import { useMutation } from '@tanstack/react-query';
import { useId, useState, type ChangeEvent } from 'react';
import type { OwnRecording, Stage4Own } from '../../../../../contracts/voice-api.ts';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Step } from '../../../lib/domain.ts';
import { uploadOwnAudio } from '../api/voice.ts';
import type { ScriptScene } from '../script-sync.ts';
import { Recorder } from './Recorder.tsx';

interface OwnVoicePanelProps {
  projectId: string;
  scenes: ScriptScene[];
  own: Stage4Own | null;
  disabled: boolean;
  /** Saves pending script edits first: word timings follow the text. */
  beforeUpload: () => Promise<void>;
  onSaved: (step: Step) => void;
}

type Scope = 'whole' | 'scenes';

const extensionOf = (blob: Blob) => (blob.type.includes('mp4') ? 'm4a' : blob.type.includes('ogg') ? 'ogg' : 'webm');

/** Own voice: one recording of the whole script, or one per scene; uploaded or recorded here. */
export function OwnVoicePanel({ projectId, scenes, own, disabled, beforeUpload, onSaved }: OwnVoicePanelProps) {
  const { t, formatNumber } = useI18n();
  const [scope, setScope] = useState<Scope>(own?.scope ?? 'whole');
  const [round, setRound] = useState(0);
  const upload = useMutation({
    mutationFn: async (input: { file: Blob; name: string; recorded: boolean; sceneId?: string }) => {
      await beforeUpload();
      return uploadOwnAudio(projectId, input.file, input);
    },
    onSuccess: (step) => {
      setRound((n) => n + 1);
      onSaved(step);
    },
  });
  const recordings = own?.scope === 'scenes' ? (own.scenes ?? {}) : {};
  const done = scenes.filter((s) => recordings[s.id]).length;

  return (
    <div className="stack" data-testid="own-voice">
      <p className="field__label voice-own__scope-label">{t('voice.own.scope')}</p>
      <div className="segmented segmented--small" role="group" aria-label={t('voice.own.scope')}>
        {(['whole', 'scenes'] as const).map((value) => (
          <button key={value} type="button" className="segmented__item" aria-pressed={scope === value} onClick={() => setScope(value)}>
            {t(value === 'whole' ? 'voice.own.whole' : 'voice.own.scenes')}
          </button>
        ))}
      </div>
      {scope === 'whole' ? (
        <div className="stack">
          <p className="muted small">{t('voice.own.wholeHint')}</p>
          {own?.whole && <p className="small">{t('voice.own.current', { seconds: formatNumber(own.whole.durationSec) })}</p>}
          <div className="voice-own-actions">
            <FileButton label={t('voice.own.upload')} disabled={disabled || upload.isPending} onFile={(file) => upload.mutate({ file, name: file.name, recorded: false })} />
            <Recorder key={round} busy={upload.isPending} onRecorded={(blob) => upload.mutate({ file: blob, name: `recording.${extensionOf(blob)}`, recorded: true })} />
          </div>
        </div>
      ) : (
        <div className="stack">
          <p className="muted small">{t('voice.own.scenesHint')}</p>
          <p className="small" data-testid="own-progress">
            {t('voice.own.progress', { done, total: scenes.length })}
          </p>
          <ol className="voice-own-scenes">
            {scenes.map((scene, index) => (
              <SceneRecording
                key={scene.id}
                index={index}
                scene={scene}
                recording={recordings[scene.id]}
                busy={upload.isPending && upload.variables?.sceneId === scene.id}
                disabled={disabled || upload.isPending}
                round={round}
                onFile={(file, recorded, name) => upload.mutate({ file, name, recorded, sceneId: scene.id })}
              />
            ))}
          </ol>
        </div>
      )}
      <p className="muted small">{t('voice.own.formats')}</p>
      {upload.isPending && (
        <p className="row small" role="status">
          <span className="spinner spinner--inline" aria-hidden="true" />
          {t('voice.own.uploading')}
        </p>
      )}
      {upload.isError && <ErrorNotice error={upload.error} />}
    </div>
  );
}

interface SceneRecordingProps {
  index: number;
  scene: ScriptScene;
  recording: OwnRecording | undefined;
  busy: boolean;
  disabled: boolean;
  round: number;
  onFile: (file: Blob, recorded: boolean, name: string) => void;
}

function SceneRecording({ index, scene, recording, busy, disabled, round, onFile }: SceneRecordingProps) {
  const { t, formatNumber } = useI18n();
  return (
    <li className="voice-own-scene" data-scene-id={scene.id}>
      <div className="voice-own-scene__text">
        <strong>{t('voice.script.sceneLabel', { n: index + 1 })}</strong> <span className="muted">{scene.text}</span>
      </div>
      <div className="row">
        <span className={recording ? 'badge badge--success' : 'badge badge--muted'}>
          {recording ? t('voice.own.sceneDone', { seconds: formatNumber(recording.durationSec) }) : t('voice.own.sceneMissing')}
        </span>
        <FileButton small label={t('voice.own.uploadScene')} disabled={disabled} onFile={(file) => onFile(file, false, file.name)} />
        <Recorder key={round} compact busy={busy} onRecorded={(blob) => onFile(blob, true, `scene-${index + 1}.${extensionOf(blob)}`)} />
      </div>
    </li>
  );
}

function FileButton({ label, disabled, small, onFile }: { label: string; disabled: boolean; small?: boolean; onFile: (file: File) => void }) {
  const id = useId();
  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) onFile(file);
  };
  return (
    <span className="voice-file">
      <input id={id} type="file" accept="audio/*,.mp3,.wav,.m4a,.ogg" className="visually-hidden" disabled={disabled} onChange={pick} />
      <label htmlFor={id} className={`btn btn--secondary${small ? ' btn--small' : ''}${disabled ? ' btn--disabled' : ''}`} aria-disabled={disabled || undefined}>
        <span aria-hidden="true">⤒</span> {label}
      </label>
    </span>
  );
}
