import { useEffect, useRef, useState } from 'react';
import type { VoiceCatalog } from '../../../../../contracts/voice-api.ts';
import type { TtsProviderId, VoiceSettings } from '../../../../../contracts/voice.ts';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { voiceEngineLabel, voiceLabel } from '../../../i18n/names.ts';
import type { Language } from '../../../lib/formats.ts';
import { previewVoice } from '../api/voice.ts';

interface VoicePickerProps {
  catalog: VoiceCatalog;
  language: Language;
  voice: VoiceSettings;
  onChange: (voice: VoiceSettings) => void;
}

/** Engine, voice, speed, pitch and pause between scenes, with a short preview of the result. */
export function VoicePicker({ catalog, language, voice, onChange }: VoicePickerProps) {
  const { t, formatNumber } = useI18n();
  const voices = catalog.voices.filter((v) => v.provider === voice.provider);
  const provider = catalog.providers.find((p) => p.id === voice.provider);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [previewing, setPreviewing] = useState(false);
  const audio = useRef<HTMLAudioElement | null>(null);
  useEffect(() => () => audio.current?.pause(), []);

  const chooseProvider = (id: TtsProviderId) => {
    const first = catalog.voices.find((v) => v.provider === id && !v.unavailable);
    onChange({ provider: id, voiceId: first?.id ?? '', speed: voice.speed, pauseSec: voice.pauseSec, ...(id === 'espeak' ? { pitch: voice.pitch } : {}) });
  };

  const preview = async () => {
    setPreviewError(null);
    setPreviewing(true);
    try {
      const blob = await previewVoice({ ...voice, language });
      audio.current?.pause();
      const player = new Audio(URL.createObjectURL(blob));
      audio.current = player;
      player.addEventListener('ended', () => setPreviewing(false));
      await player.play();
    } catch (error) {
      setPreviewError(error);
      setPreviewing(false);
    }
  };

  // Local models give no durations: their word times are aligned in their audio.
  const timingNote = (p: { id: TtsProviderId; givesAlignment: boolean }) =>
    p.id === 'local' ? t('voice.picker.alignedSpeech') : p.givesAlignment ? t('voice.picker.alignment') : t('voice.picker.measured');

  // espeak-ng's names already say it ("English (US), female"); remote voices often do not.
  const genderText = (name: string, gender: string | undefined) =>
    (gender === 'male' || gender === 'female' || gender === 'neutral') && !name.toLowerCase().includes(gender) ? ` · ${t(`voice.gender.${gender}`)}` : '';
  return (
    <div className="stack voice-picker">
      <div className="voice-picker__grid">
        <label className="field">
          <span className="field__label">{t('voice.picker.provider')}</span>
          <select className="input" value={voice.provider} onChange={(e) => chooseProvider(e.target.value as TtsProviderId)}>
            {catalog.providers.map((p) => (
              <option key={p.id} value={p.id} disabled={!p.available}>
                {voiceEngineLabel(t, p)}
                {p.available ? '' : ` (${t('voice.picker.unavailable')})`}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('voice.picker.voice')}</span>
          <select className="input" value={voice.voiceId} onChange={(e) => onChange({ ...voice, voiceId: e.target.value })} disabled={voices.length === 0}>
            {voices.length > 0 && !voices.some((v) => v.id === voice.voiceId) && <option value={voice.voiceId}>{voice.voiceId}</option>}
            {voices.map((v) => (
              <option key={v.id} value={v.id} disabled={Boolean(v.unavailable)}>
                {voiceLabel(t, v)}
                {genderText(v.name, v.gender)}
                {v.unavailable ? ` (${t('voice.picker.voiceUnavailable')})` : ''}
              </option>
            ))}
          </select>
        </label>
        <Slider label={t('voice.picker.speed')} value={voice.speed ?? 1} min={0.5} max={2} step={0.05} text={(v) => t('voice.picker.times', { value: formatNumber(v, 2) })} onChange={(speed) => onChange({ ...voice, speed })} />
        {voice.provider === 'espeak' && (
          <Slider label={t('voice.picker.pitch')} value={voice.pitch ?? 1} min={0.5} max={1.5} step={0.05} text={(v) => t('voice.picker.times', { value: formatNumber(v, 2) })} onChange={(pitch) => onChange({ ...voice, pitch })} />
        )}
        <Slider label={t('voice.picker.pause')} value={voice.pauseSec ?? 0.35} min={0} max={2} step={0.05} text={(v) => t('voice.picker.seconds', { value: formatNumber(v, 2) })} onChange={(pauseSec) => onChange({ ...voice, pauseSec })} />
      </div>
      <div className="row">
        <Button small busy={previewing} disabled={!voice.voiceId} onClick={() => void preview()}>
          <span aria-hidden="true">▶</span> {t('voice.picker.preview')}
        </Button>
        {provider?.available && (
          <span className="muted small">{timingNote(provider)}</span>
        )}
      </div>
      {voices.length === 0 && provider?.available && !provider.error && <Notice tone="info">{t('voice.picker.noVoices')}</Notice>}
      {catalog.providers
        .filter((p) => p.error)
        .map((p) => (
          <Notice key={p.id} tone="warning">
            {t('voice.picker.providerError', { provider: voiceEngineLabel(t, p), message: p.error ?? '' })}
          </Notice>
        ))}
      {voices
        .filter((v) => v.unavailable)
        .map((v) => (
          <Notice key={v.id} tone="warning">
            {t(`voice.picker.model.${v.unavailable!.reason}`, { voice: v.name })}
          </Notice>
        ))}
      {previewError !== null && <ErrorNotice error={previewError} />}
    </div>
  );
}

interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  text: (value: number) => string;
  onChange: (value: number) => void;
}

/** A range input that reports its value when the author lets go, not on every pixel. */
function Slider({ label, value, min, max, step, text, onChange }: SliderProps) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => draft !== value && onChange(Math.round(draft * 100) / 100);
  return (
    <label className="field">
      <span className="field__label">
        {label} <span className="muted">{text(draft)}</span>
      </span>
      <input
        type="range"
        className="voice-range"
        min={min}
        max={max}
        step={step}
        value={draft}
        onChange={(e) => setDraft(Number(e.target.value))}
        onPointerUp={commit}
        onKeyUp={commit}
        onBlur={commit}
      />
    </label>
  );
}
