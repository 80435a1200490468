import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { StoryboardView } from '../api/storyboard.ts';
import { useProjectAssets, useSettingsUpdate, useUpload } from '../hooks/useStoryboard.ts';

interface MusicPanelProps {
  projectId: string;
  music: StoryboardView['music'];
}

/** Background music from the author's uploads, its volume, and ducking under the voice. */
export function MusicPanel({ projectId, music }: MusicPanelProps) {
  const { t } = useI18n();
  const tracks = useProjectAssets(projectId, 'music');
  const upload = useUpload(projectId, 'music');
  const save = useSettingsUpdate(projectId);
  const [volume, setVolume] = useState(Math.round((music?.volume ?? 0.2) * 100));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);

  const choose = (assetId: string) => save.mutate({ music: { assetId, volume: volume / 100, duck: music?.duck ?? true } });
  const onVolume = (next: number) => {
    setVolume(next);
    if (!music) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => save.mutate({ music: { assetId: music.assetId, volume: next / 100 } }), 400);
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const asset = await upload.mutateAsync(file).catch(() => null);
    if (asset) choose(asset.id);
  };

  return (
    <section className="panel stack" aria-labelledby="music-title" data-testid="music-panel">
      <h2 id="music-title" className="panel__title">
        {t('storyboard.music.title')}
      </h2>
      {(tracks.data ?? []).length > 0 && (
        <label className="field">
          <span className="field__label">{t('storyboard.music.track')}</span>
          <select className="input" value={music?.assetId ?? ''} onChange={(e) => (e.target.value ? choose(e.target.value) : save.mutate({ music: null }))}>
            <option value="">{t('storyboard.music.none')}</option>
            {tracks.data!.map((track) => (
              <option key={track.id} value={track.id}>
                {track.originalName ?? track.id}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span className="field__label">{t('storyboard.music.upload')}</span>
        <input type="file" accept="audio/*" disabled={upload.isPending} onChange={(e) => void onFile(e.target.files?.[0])} data-testid="upload-music" />
      </label>
      {upload.isError && <ErrorNotice error={upload.error} />}
      {music && (
        <>
          {music.asset && <audio className="music-player" controls preload="none" src={music.asset.url} />}
          <label className="field">
            <span className="field__label">{t('storyboard.music.volume', { percent: volume })}</span>
            <input type="range" min={0} max={100} step={1} value={volume} onChange={(e) => onVolume(Number(e.target.value))} />
          </label>
          <label className="sb-check">
            <input type="checkbox" checked={music.duck} onChange={(e) => save.mutate({ music: { assetId: music.assetId, duck: e.target.checked } })} />
            {t('storyboard.music.duck')}
          </label>
          <div className="row">
            <Button small variant="ghost" onClick={() => save.mutate({ music: null })}>
              {t('storyboard.music.remove')}
            </Button>
          </div>
        </>
      )}
      {!music && <p className="muted small">{t('storyboard.music.hint')}</p>}
      {save.isError && <ErrorNotice error={save.error} />}
    </section>
  );
}
