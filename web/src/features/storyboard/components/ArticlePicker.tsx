import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useChooseArticleImage } from '../hooks/useStoryboard.ts';
import type { PickerProps } from './VisualEditor.tsx';
import { StoryboardConflictDialog } from './StoryboardConflictDialog.tsx';

/** Images of the source article (stage 2); the chosen one is fetched into the project once. */
export function ArticlePicker({ projectId, view, scene }: PickerProps) {
  const { t } = useI18n();
  const choose = useChooseArticleImage(projectId);
  if (view.articleImages.length === 0) return <p className="muted">{t('storyboard.article.none')}</p>;
  const current = scene.visual?.kind === 'article-image' ? scene.visual.sourceUrl : null;

  return (
    <div className="stack">
      <p className="muted small">{t('storyboard.article.hint')}</p>
      <ul className="media-grid">
        {view.articleImages.map((image, index) => (
          <li key={image.url}>
            <button
              type="button"
              className="media-option"
              aria-pressed={image.url === current}
              aria-label={t('storyboard.article.use', { n: index + 1 })}
              disabled={choose.isPending}
              onClick={() => choose.mutate({ sceneId: scene.sceneId, url: image.url })}
              data-testid="article-image"
            >
              <img src={image.assetId ? `/api/assets/${image.assetId}/content` : image.url} alt="" loading="lazy" referrerPolicy="no-referrer" />
              <span className="media-option__caption">{new URL(image.url).hostname}</span>
            </button>
          </li>
        ))}
      </ul>
      {choose.isPending && <p className="muted small">{t('storyboard.article.fetching')}</p>}
      {choose.isError && <ErrorNotice error={choose.error} title={t('storyboard.keptVisual')} />}
      <StoryboardConflictDialog write={choose} />
    </div>
  );
}
