import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { useI18n, type MessageKey } from '../../../i18n/i18n.tsx';
import type { StoryboardSceneView, StoryboardView } from '../api/storyboard.ts';
import { useSceneUpdate } from '../hooks/useStoryboard.ts';
import { formatSeconds } from '../visual-info.ts';
import { SceneThumb } from './SceneThumb.tsx';
import { VisualEditor } from './VisualEditor.tsx';
import { StoryboardConflictDialog } from './StoryboardConflictDialog.tsx';

interface SceneRowProps {
  projectId: string;
  view: StoryboardView;
  scene: StoryboardSceneView;
  selected: boolean;
  editing: boolean;
  onSelect: () => void;
  onToggleEditor: () => void;
}

type Motion = StoryboardSceneView['motion'];
type Transition = StoryboardSceneView['transition'];

/** One scene: its picture, text and length; motion and transition; the visual picker when open. */
export function SceneRow({ projectId, view, scene, selected, editing, onSelect, onToggleEditor }: SceneRowProps) {
  const { t, language } = useI18n();
  const update = useSceneUpdate(projectId);
  const n = scene.index + 1;
  const visual = scene.visual;
  const attribution = visual?.kind === 'stock' ? visual : null;

  return (
    <li className={`scene-row${selected ? ' scene-row--selected' : ''}`} data-testid={`scene-${scene.sceneId}`} aria-label={t('storyboard.scene.label', { n })}>
      <button type="button" className={`scene-row__thumb scene-thumb--${view.aspect.replace(':', 'x')}`} onClick={onSelect} aria-label={t('storyboard.scene.previewIt', { n })} aria-pressed={selected}>
        <SceneThumb scene={scene} aspect={view.aspect} width={96} />
      </button>
      <div className="scene-row__body">
        <div className="scene-row__head">
          <span className="scene-row__number">{t('storyboard.scene.label', { n })}</span>
          <span className="scene-row__time">{t('storyboard.scene.seconds', { seconds: formatSeconds(scene.durationSec, language) })}</span>
          <span className="scene-row__visual" data-testid="scene-visual-label">
            {visualLabel(t, scene)}
          </span>
        </div>
        <p className="scene-row__text">{scene.text}</p>
        {attribution && (
          <p className="small muted" data-testid="stock-attribution">
            {t(attribution.media === 'video' ? 'storyboard.stock.videoBy' : 'storyboard.stock.photoBy', { author: attribution.author ?? '?' })}{' '}
            {attribution.sourceUrl && (
              <a href={attribution.sourceUrl} target="_blank" rel="noreferrer noopener">
                {t('storyboard.stock.onPexels')}
              </a>
            )}
          </p>
        )}
        <div className="scene-row__controls">
          <label className="scene-row__select">
            <span>{t('storyboard.motion.label')}</span>
            <select className="input sb-input-small" value={scene.motion} onChange={(e) => update.mutate({ sceneId: scene.sceneId, body: { motion: e.target.value as Motion } })}>
              {view.options.motions.map((motion) => (
                <option key={motion} value={motion}>
                  {t(`storyboard.motion.${motion}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <label className="scene-row__select">
            <span>{t('storyboard.transition.label')}</span>
            <select
              className="input sb-input-small"
              value={scene.index === 0 ? 'cut' : scene.transition}
              disabled={scene.index === 0}
              title={scene.index === 0 ? t('storyboard.transition.first') : undefined}
              onChange={(e) => update.mutate({ sceneId: scene.sceneId, body: { transition: e.target.value as Transition } })}
            >
              {view.options.transitions.map((transition) => (
                <option key={transition} value={transition}>
                  {transition === 'crossfade' && !view.capabilities.crossfade ? t('storyboard.transition.crossfadeAsFade') : t(`storyboard.transition.${transition}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <Button small variant={editing ? 'ghost' : 'secondary'} onClick={onToggleEditor} aria-expanded={editing} data-testid="change-visual">
            {editing ? t('storyboard.scene.closeEditor') : t('storyboard.scene.changeVisual')}
          </Button>
        </div>
        {update.isError && <ErrorNotice error={update.error} />}
        <StoryboardConflictDialog write={update} />
      </div>
      {editing && <VisualEditor projectId={projectId} view={view} scene={scene} />}
    </li>
  );
}

function visualLabel(t: ReturnType<typeof useI18n>['t'], scene: StoryboardSceneView): string {
  const visual = scene.visual;
  if (!visual) return t('storyboard.visual.automatic');
  switch (visual.kind) {
    case 'card':
      return t('storyboard.visual.card', { design: t(`storyboard.design.${visual.design ?? 'gradient'}` as MessageKey) });
    case 'image':
      return t('storyboard.visual.image', { name: scene.asset?.originalName ?? '' });
    case 'video':
      return t('storyboard.visual.video', { name: scene.asset?.originalName ?? '' });
    case 'article-image':
      return t('storyboard.visual.article');
    case 'stock':
      return t(visual.media === 'video' ? 'storyboard.visual.stockVideo' : 'storyboard.visual.stockPhoto');
  }
}
