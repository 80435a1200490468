import type { RenderState } from '../../../../../contracts/render-api.ts';
import { useI18n, type MessageKey } from '../../../i18n/i18n.tsx';
import { assetUrl, type Asset } from '../api/render.ts';

type Outputs = NonNullable<RenderState['outputs']>;

const DOWNLOADS: Array<{ key: 'video' | 'srt' | 'vtt' | 'thumbnail' | 'script'; label: MessageKey; ext: string }> = [
  { key: 'video', label: 'render.downloads.video', ext: 'MP4' },
  { key: 'srt', label: 'render.downloads.srt', ext: 'SRT' },
  { key: 'vtt', label: 'render.downloads.vtt', ext: 'VTT' },
  { key: 'thumbnail', label: 'render.downloads.thumbnail', ext: 'JPG' },
  { key: 'script', label: 'render.downloads.script', ext: 'TXT' },
];

/** The finished video playing in the page, in its own shape. */
export function VideoPlayer({ outputs }: { outputs: Outputs }) {
  const { t, formatDate, formatDuration, formatBytes } = useI18n();
  const aspect = outputs.aspect ?? '9:16';
  return (
    <figure className={`render-player render-player--${aspect.replace(':', 'x')}`}>
      <video
        key={outputs.video.id}
        className="render-player__video"
        data-testid="render-video"
        controls
        playsInline
        preload="metadata"
        poster={outputs.thumbnail ? assetUrl(outputs.thumbnail) : undefined}
        src={assetUrl(outputs.video)}
        aria-label={t('render.result.player')}
      />
      <figcaption className="muted small">
        {t('render.result.meta', {
          duration: formatDuration(outputs.durationSec, 1),
          size: formatBytes(outputs.video.sizeBytes),
          date: outputs.renderedAt ? formatDate(outputs.renderedAt, true) : '',
        })}
      </figcaption>
    </figure>
  );
}

/** One link per file of the render; each saves the file under the project's name. */
export function Downloads({ outputs }: { outputs: Outputs }) {
  const { t, formatBytes } = useI18n();
  const files = DOWNLOADS.map((d) => ({ ...d, asset: outputs[d.key] as Asset | null })).filter((d) => d.asset);
  return (
    <section className="stack" aria-labelledby="render-downloads">
      <h3 id="render-downloads" className="render-subtitle">
        {t('render.downloads.title')}
      </h3>
      <ul className="render-downloads">
        {files.map(({ key, label, ext, asset }) => (
          <li key={key}>
            <a className="render-download" href={assetUrl(asset!, true)} download data-testid={`download-${key}`}>
              <span className="render-download__ext" aria-hidden="true">
                {ext}
              </span>
              <span className="render-download__name">{t(label)}</span>
              <span className="muted small">{formatBytes(asset!.sizeBytes)}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
