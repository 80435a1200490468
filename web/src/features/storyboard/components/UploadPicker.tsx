import { useState } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Asset } from '../api/storyboard.ts';
import { useProjectAssets, useSceneUpdate, useSettingsUpdate, useUpload } from '../hooks/useStoryboard.ts';
import { clipFit, clipPartSec, formatSeconds } from '../visual-info.ts';
import type { PickerProps } from './VisualEditor.tsx';
import { StoryboardConflictDialog } from './StoryboardConflictDialog.tsx';

const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif,image/avif,video/mp4,video/quicktime,video/webm';

/** The author's own image or clip: upload one, or reuse one uploaded before; a clip can start later than its beginning. */
export function UploadPicker({ projectId, scene }: PickerProps) {
  const { t, language } = useI18n();
  const update = useSceneUpdate(projectId);
  const settings = useSettingsUpdate(projectId);
  const images = useProjectAssets(projectId, 'image');
  const videos = useProjectAssets(projectId, 'video');
  // The project's video source (stage 1): its cuts can be scene visuals too.
  const sources = useProjectAssets(projectId, 'source');
  const uploadImage = useUpload(projectId, 'image');
  const uploadVideo = useUpload(projectId, 'video');
  const [error, setError] = useState<unknown>(null);
  const busy = uploadImage.isPending || uploadVideo.isPending || update.isPending;

  const use = (asset: Asset) =>
    update.mutate({ sceneId: scene.sceneId, body: { visual: isClip(asset) ? { kind: 'video', assetId: asset.id, startAtSec: 0 } : { kind: 'image', assetId: asset.id } } });

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    const upload = file.type.startsWith('video/') ? uploadVideo : uploadImage;
    try {
      use(await upload.mutateAsync(file));
    } catch (caught) {
      setError(caught);
    }
  };

  const visual = scene.visual;
  const video = visual?.kind === 'video' ? visual : null;
  const clipSec = typeof scene.asset?.meta.durationSec === 'number' ? scene.asset.meta.durationSec : null;
  const fit = video ? clipFit(clipSec, video.startAtSec ?? 0, scene.durationSec, video.endAtSec) : null;
  const partSec = video && clipSec !== null ? clipPartSec(clipSec, video.startAtSec ?? 0, video.endAtSec) : null;
  const changeEnd = (value: string) => {
    const { endAtSec: _previous, ...rest } = video!;
    update.mutate({ sceneId: scene.sceneId, body: { visual: value.trim() === '' ? rest : { ...rest, endAtSec: Math.max(0, Number(value)) } } });
  };
  const sourceVideos = (sources.data ?? []).filter((asset) => asset.mime.startsWith('video/'));
  const gallery = [...(images.data ?? []), ...(videos.data ?? []), ...sourceVideos].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const currentId = visual && 'assetId' in visual ? visual.assetId : null;

  return (
    <div className="stack">
      <label className="field">
        <span className="field__label">{t('storyboard.upload.label')}</span>
        <input type="file" accept={ACCEPT} disabled={busy} onChange={(e) => void onFile(e.target.files?.[0])} data-testid="upload-visual" />
        <span className="field__hint">{t('storyboard.upload.hint')}</span>
      </label>
      {busy && <p className="muted small">{t('storyboard.upload.busy')}</p>}
      {error !== null && <ErrorNotice error={error} title={t('storyboard.upload.refused')} />}
      <StoryboardConflictDialog write={update} />
      <StoryboardConflictDialog write={settings} />
      {video && (
        <div className="row">
          <SecondsField
            label={t('storyboard.upload.startAt')}
            max={clipSec}
            value={video.startAtSec ?? 0}
            onDone={(value) => update.mutate({ sceneId: scene.sceneId, body: { visual: { ...video, startAtSec: Math.max(0, Number(value) || 0) } } })}
          />
          <SecondsField
            label={t('storyboard.upload.endAt')}
            max={clipSec}
            value={video.endAtSec ?? ''}
            placeholder={clipSec !== null ? String(Math.round(clipSec * 10) / 10) : ''}
            onDone={changeEnd}
            testId="clip-end"
          />
          <label className="row small">
            <input
              type="checkbox"
              checked={video.audio === 'original'}
              disabled={busy || scene.asset?.meta.hasAudio === false}
              onChange={(e) => update.mutate({ sceneId: scene.sceneId, body: { visual: { ...video, audio: e.target.checked ? 'original' : 'muted' } } })}
              data-testid="clip-original-audio"
            />
            {t('storyboard.upload.originalAudio')}
          </label>
          {fit && clipSec !== null && (
            <p className="muted small" data-testid="clip-fit">
              {t(`storyboard.upload.fit.${fit}`, { clip: formatSeconds(partSec ?? clipSec, language), scene: formatSeconds(scene.durationSec, language) })}
            </p>
          )}
        </div>
      )}
      {video && scene.asset?.kind === 'source' && (
        <div className="row">
          <Button small busy={settings.isPending} onClick={() => settings.mutate({ coverFromSourceSec: video.startAtSec ?? 0 })} data-testid="cover-from-source">
            {t('storyboard.upload.coverFromSource')}
          </Button>
          {settings.isSuccess && <span className="muted small">{t('storyboard.upload.coverSet')}</span>}
        </div>
      )}
      {scene.asset?.kind === 'source' && <Notice tone="warning">{t('media.rights')}</Notice>}
      {gallery.length > 0 && (
        <div>
          <p className="field__label">{t('storyboard.upload.earlier')}</p>
          <ul className="media-grid">
            {gallery.map((asset) => (
              <li key={asset.id}>
                <button type="button" className="media-option" aria-pressed={asset.id === currentId} onClick={() => use(asset)} disabled={busy} title={asset.originalName ?? undefined}>
                  {isClip(asset) ? (
                    <video src={`${asset.url}#t=0.1`} muted playsInline preload="metadata" aria-hidden="true" />
                  ) : (
                    <img src={asset.url} alt="" loading="lazy" />
                  )}
                  <span className="media-option__caption">{asset.originalName ?? asset.kind}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {update.isError && <ErrorNotice error={update.error} />}
    </div>
  );
}

const isClip = (asset: Asset) => asset.kind === 'video' || asset.kind === 'source';

/** A time in the clip, in seconds, saved when the field is left. */
function SecondsField(props: { label: string; max: number | null; value: number | ''; placeholder?: string; onDone: (value: string) => void; testId?: string }) {
  return (
    <label className="field sb-field-inline">
      <span className="field__label">{props.label}</span>
      <input
        className="input sb-input-small"
        type="number"
        min={0}
        step={0.5}
        max={props.max ?? undefined}
        placeholder={props.placeholder}
        defaultValue={props.value}
        onBlur={(e) => props.onDone(e.target.value)}
        data-testid={props.testId}
      />
    </label>
  );
}
