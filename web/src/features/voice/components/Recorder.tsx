import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

interface RecorderProps {
  busy: boolean;
  onRecorded: (audio: Blob) => void;
  /** Shorter controls for a scene row. */
  compact?: boolean;
}

type State = { kind: 'idle' } | { kind: 'recording'; startedAt: number } | { kind: 'recorded'; blob: Blob; url: string } | { kind: 'failed'; message: string };

/** Records from the microphone with MediaRecorder (WebM/Opus in Chromium, Firefox; MP4 in Safari). */
export function Recorder({ busy, onRecorded, compact }: RecorderProps) {
  const { t, formatClock } = useI18n();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [now, setNow] = useState(0);
  const recorder = useRef<MediaRecorder | null>(null);
  const supported = typeof MediaRecorder !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);

  useEffect(() => {
    if (state.kind !== 'recording') return;
    const timer = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(timer);
  }, [state.kind]);
  useEffect(() => () => recorder.current?.stream.getTracks().forEach((track) => track.stop()), []);
  useEffect(() => {
    if (state.kind !== 'recorded') return;
    return () => URL.revokeObjectURL(state.url);
  }, [state]);

  if (!supported) return <p className="muted small">{t('voice.record.unsupported')}</p>;

  const start = async () => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const chunks: Blob[] = [];
      const media = new MediaRecorder(stream);
      media.addEventListener('dataavailable', (event) => event.data.size > 0 && chunks.push(event.data));
      media.addEventListener('stop', () => {
        stream.getTracks().forEach((track) => track.stop());
        const blob = new Blob(chunks, { type: media.mimeType || 'audio/webm' });
        setState({ kind: 'recorded', blob, url: URL.createObjectURL(blob) });
      });
      recorder.current = media;
      media.start(250);
      setNow(Date.now());
      setState({ kind: 'recording', startedAt: Date.now() });
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  if (state.kind === 'recording') {
    return (
      <div className="row voice-recorder voice-recorder--live" data-testid="recorder">
        <span className="voice-recorder__dot" aria-hidden="true" />
        <span role="status">{t('voice.record.recording', { time: formatClock((now - state.startedAt) / 1000) })}</span>
        <Button small variant="danger" onClick={() => recorder.current?.stop()}>
          <span aria-hidden="true">■</span> {t('voice.record.stop')}
        </Button>
      </div>
    );
  }
  if (state.kind === 'recorded') {
    return (
      <div className="row voice-recorder" data-testid="recorder">
        <audio controls src={state.url} aria-label={t('voice.record.preview')} className="voice-recorder__audio" />
        <Button small variant="primary" busy={busy} onClick={() => onRecorded(state.blob)}>
          {t('voice.record.use')}
        </Button>
        <Button small variant="ghost" disabled={busy} onClick={() => setState({ kind: 'idle' })}>
          {t('voice.record.discard')}
        </Button>
      </div>
    );
  }
  return (
    <div className="stack">
      <Button small={compact} onClick={() => void start()} disabled={busy}>
        <span aria-hidden="true">●</span> {t('voice.record.start')}
      </Button>
      {state.kind === 'failed' && <Notice tone="warning">{t('voice.record.denied', { message: state.message })}</Notice>}
    </div>
  );
}
