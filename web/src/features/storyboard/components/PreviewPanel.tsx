import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { StoryboardSceneView, StoryboardView } from '../api/storyboard.ts';
import { usePreviewFrame } from '../hooks/usePreviewFrame.ts';

const PREVIEW_WIDTH = { '9:16': 360, '1:1': 480, '16:9': 640 } as const;

interface PreviewPanelProps {
  projectId: string;
  view: StoryboardView;
  scene: StoryboardSceneView;
  onSelect: (sceneId: string) => void;
}

/** The middle of the chosen scene as the render draws it (same plan, filters and captions), redrawn after every change. */
export function PreviewPanel({ projectId, view, scene, onSelect }: PreviewPanelProps) {
  const { t } = useI18n();
  const width = PREVIEW_WIDTH[view.aspect];
  const revision = `${view.version}|${view.aspect}|${view.durationSec}|${JSON.stringify(view.captionStyle)}`;
  const frame = usePreviewFrame(projectId, { sceneId: scene.sceneId }, width, revision);
  const shape = view.aspect.replace(':', 'x');

  return (
    <section className="panel stack storyboard-preview" aria-labelledby="storyboard-preview-title">
      <div className="panel__head">
        <h2 id="storyboard-preview-title" className="panel__title">
          {t('storyboard.preview.title')}
        </h2>
        <span className="muted small">{t('storyboard.scene.label', { n: scene.index + 1 })}</span>
      </div>
      <div className={`preview-frame preview-frame--${shape}`} aria-busy={frame.loading}>
        {frame.url && <img src={frame.url} alt={t('storyboard.preview.alt', { n: scene.index + 1 })} data-testid="preview-frame" />}
        {frame.loading && (
          <span className="preview-frame__loading" role="status">
            <span className="spinner" aria-hidden="true" />
            <span className="visually-hidden">{t('storyboard.preview.drawing')}</span>
          </span>
        )}
      </div>
      {frame.error !== null && <ErrorNotice error={frame.error} title={t('storyboard.preview.failed')} />}
      <div className="preview-scenes" role="group" aria-label={t('storyboard.preview.scenes')}>
        {view.scenes.map((s) => (
          <button key={s.sceneId} type="button" className="preview-scenes__item" aria-pressed={s.sceneId === scene.sceneId} onClick={() => onSelect(s.sceneId)}>
            {s.index + 1}
          </button>
        ))}
      </div>
      <p className="muted small">{t('storyboard.preview.hint')}</p>
    </section>
  );
}
