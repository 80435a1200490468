import { useEffect, useRef, useState } from 'react';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { StoryboardView } from '../api/storyboard.ts';
import { useProjectAssets, useSettingsUpdate, useUpload } from '../hooks/useStoryboard.ts';
import { StoryboardConflictDialog } from './StoryboardConflictDialog.tsx';

interface MusicPanelProps {
  projectId: string;
  music: StoryboardView['music'];
  musicMood: StoryboardView['musicMood'];
}

const MOODS = ['calm', 'upbeat', 'serious', 'tense'] as const;
const TRACK = 'track:';

/** Music under the voice: generated in a mood (automatic by default), an uploaded track, or none; volume and ducking. */
export function MusicPanel({ projectId, music, musicMood }: MusicPanelProps) {
  const { t } = useI18n();
  const tracks = useProjectAssets(projectId, 'music');
  const upload = useUpload(projectId, 'music');
  const save = useSettingsUpdate(projectId);
  const level = music ?? musicMood;
  const [volume, setVolume] = useState(Math.round(level.volume * 100));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);

  const playing = music !== null || musicMood.choice !== 'off';
  const value = music ? `${TRACK}${music.assetId}` : musicMood.choice;
  const choose = (next: string) => {
    if (next.startsWith(TRACK)) save.mutate({ music: { assetId: next.slice(TRACK.length), volume: volume / 100 } });
    else save.mutate({ music: { mood: next as StoryboardView['musicMood']['choice'] } });
  };
  const onVolume = (next: number) => {
    setVolume(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => save.mutate({ music: { volume: next / 100 } }), 400);
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const asset = await upload.mutateAsync(file).catch(() => null);
    if (asset) choose(`${TRACK}${asset.id}`);
  };
  const autoLabel = musicMood.choice === 'auto' && musicMood.mood ? t('storyboard.music.autoMood', { mood: t(`storyboard.music.mood.${musicMood.mood}`) }) : t('storyboard.music.auto');

  return (
    <section className="panel stack" aria-labelledby="music-title" data-testid="music-panel">
      <h2 id="music-title" className="panel__title">
        {t('storyboard.music.title')}
      </h2>
      <label className="field">
        <span className="field__label">{t('storyboard.music.track')}</span>
        <select className="input" value={value} onChange={(e) => choose(e.target.value)} data-testid="music-choice">
          <option value="auto">{autoLabel}</option>
          {MOODS.map((mood) => (
            <option key={mood} value={mood}>
              {t(`storyboard.music.mood.${mood}`)}
            </option>
          ))}
          {(tracks.data ?? []).map((track) => (
            <option key={track.id} value={`${TRACK}${track.id}`}>
              {track.originalName ?? track.id}
            </option>
          ))}
          <option value="off">{t('storyboard.music.none')}</option>
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('storyboard.music.upload')}</span>
        <input type="file" accept="audio/*" disabled={upload.isPending} onChange={(e) => void onFile(e.target.files?.[0])} data-testid="upload-music" />
      </label>
      {upload.isError && <ErrorNotice error={upload.error} />}
      {music?.asset && <audio className="music-player" controls preload="none" src={music.asset.url} />}
      {playing && (
        <>
          <label className="field">
            <span className="field__label">{t('storyboard.music.volume', { percent: volume })}</span>
            <input type="range" min={0} max={100} step={1} value={volume} onChange={(e) => onVolume(Number(e.target.value))} />
          </label>
          <label className="sb-check">
            <input type="checkbox" checked={level.duck} onChange={(e) => save.mutate({ music: { duck: e.target.checked } })} />
            {t('storyboard.music.duck')}
          </label>
        </>
      )}
      <p className="muted small">{t('storyboard.music.hint')}</p>
      {save.isError && <ErrorNotice error={save.error} />}
      <StoryboardConflictDialog write={save} onSeeTheirs={(stored) => setVolume(Math.round((stored.music ?? stored.musicMood).volume * 100))} />
    </section>
  );
}
