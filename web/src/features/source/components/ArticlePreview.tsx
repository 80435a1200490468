import { Badge } from '../../../components/ui/Badge.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Article } from '../api/source.ts';

/** What an import found: enough to tell whether it is the right article. */
export function ArticlePreview({ article }: { article: Article }) {
  const { t, formatDate } = useI18n();
  const meta = [article.siteName, article.byline, article.publishedAt ? formatDate(article.publishedAt) : null].filter(Boolean).join(' · ');
  return (
    <article className="card article-preview" data-testid="article-preview">
      {article.leadImage && <img className="article-preview__image" src={article.leadImage} alt="" loading="lazy" onError={(e) => (e.currentTarget.hidden = true)} />}
      <div className="stack article-preview__body">
        <h3 className="card__title">{article.title || t('source.untitled')}</h3>
        {meta && <p className="muted small">{meta}</p>}
        <p className="article-preview__lead">{article.lead}</p>
        <div className="row">
          <Badge tone="muted">{t('source.wordCount', { n: article.wordCount })}</Badge>
          <Badge tone="muted">{t(`language.${article.language}`)}</Badge>
          {article.images.length > 0 && <Badge tone="muted">{t('source.imageCount', { n: article.images.length })}</Badge>}
        </div>
      </div>
    </article>
  );
}
