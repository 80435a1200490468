import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import type { StageScreenProps } from '../../../lib/stage-screen.ts';
import { StageCompletion } from '../../../components/stage/StageCompletion.tsx';
import { useArticlePictures, useStoryboard } from '../hooks/useStoryboard.ts';
import { useStockFill } from '../hooks/useStockFill.ts';
import { CaptionStylePanel } from './CaptionStylePanel.tsx';
import { MusicPanel } from './MusicPanel.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { SceneRow } from './SceneRow.tsx';
import '../storyboard.css';

/** Stage 6: a visual, motion and transition per scene; music and caption style; a frame drawn as the render draws it. */
export function StoryboardStage({ project, step }: StageScreenProps) {
  const { t, formatDuration } = useI18n();
  const storyboard = useStoryboard(project.id);
  const pictures = useArticlePictures(project.id, storyboard.data);
  const stockFill = useStockFill(project.id, storyboard.data, pictures);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  if (storyboard.isPending) return <Loading />;
  if (storyboard.isError) return <ErrorNotice error={storyboard.error} onRetry={() => void storyboard.refetch()} />;
  const view = storyboard.data;
  if (view.scenes.length === 0) {
    return (
      <Notice tone="info" title={t('storyboard.noScript.title')} actions={<Link className="btn btn--primary btn--small" to={paths.stage(project.id, 3)}>{t('storyboard.noScript.action')}</Link>}>
        {t('storyboard.noScript.text')}
      </Notice>
    );
  }
  const current = view.scenes.find((s) => s.sceneId === selected) ?? view.scenes[0]!;
  const open = (sceneId: string) => {
    setSelected(sceneId);
    setEditing((previous) => (previous === sceneId ? null : sceneId));
  };

  return (
    <div className="stack-lg">
      {view.stale && <Notice tone="info">{t('storyboard.stale')}</Notice>}
      {stockFill.isPending && <p className="muted small" role="status" data-testid="stock-filling">{t('storyboard.stockFill.running')}</p>}
      {stockFill.isSuccess && stockFill.data.filled.length > 0 && (
        <p className="muted small" role="status" data-testid="stock-filled">{t('storyboard.stockFill.done', { n: stockFill.data.filled.length })}</p>
      )}
      {stockFill.isError && <p className="muted small" role="status">{t('storyboard.stockFill.failed')}</p>}
      <div className="storyboard-layout">
        <section className="panel stack storyboard-scenes" aria-labelledby="storyboard-scenes-title">
          <div className="panel__head">
            <h2 id="storyboard-scenes-title" className="panel__title">
              {t('storyboard.scenes.title')}
            </h2>
            <span className="muted small" data-testid="storyboard-total">
              {t('storyboard.scenes.total', { n: view.scenes.length, duration: formatDuration(view.durationSec, 1) })}
            </span>
          </div>
          <p className="muted small">{t(view.timingSource === 'narration' ? 'storyboard.timing.narration' : 'storyboard.timing.readingSpeed')}</p>
          {!view.capabilities.crossfade && <p className="muted small" data-testid="no-crossfade">{t('storyboard.transition.noXfade')}</p>}
          <ol className="scene-list">
            {view.scenes.map((scene) => (
              <SceneRow
                key={scene.sceneId}
                projectId={project.id}
                view={view}
                scene={scene}
                selected={scene.sceneId === current.sceneId}
                editing={scene.sceneId === editing}
                onSelect={() => setSelected(scene.sceneId)}
                onToggleEditor={() => open(scene.sceneId)}
              />
            ))}
          </ol>
        </section>
        <aside className="storyboard-side stack-lg" aria-label={t('storyboard.side')}>
          <PreviewPanel projectId={project.id} view={view} scene={current} onSelect={setSelected} />
          <CaptionStylePanel projectId={project.id} style={view.captionStyle} fonts={view.options.fonts} />
          <MusicPanel projectId={project.id} music={view.music} musicMood={view.musicMood} />
        </aside>
      </div>
      <StageCompletion projectId={project.id} stage={6} step={step} />
    </div>
  );
}
