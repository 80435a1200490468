import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Badge } from '../../../components/ui/Badge.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import { newRequestKey } from '../../../lib/request-key.ts';
import type { NewsItem } from '../api/news.ts';
import { useArticle, useMakeProject, useUpdateNewsItem } from '../hooks/useNews.ts';

const BAND_TONE = { high: 'success', medium: 'accent', low: 'muted' } as const;

/** One story: score, source, summary; favourite, dismiss, read the full article, make a project, select it for a batch. */
export function NewsItemCard({ item, selected, onToggle }: { item: NewsItem; selected: boolean; onToggle: () => void }) {
  const { t, formatDate } = useI18n();
  const navigate = useNavigate();
  const [reading, setReading] = useState(false);
  const article = useArticle(item.id, reading);
  const update = useUpdateNewsItem();
  const make = useMakeProject();
  // One key per story until a try fails: a second click while the first is under way makes no second project.
  const requestKey = useRef(newRequestKey());
  const meta = [item.feedTitle, item.publishedAt ? formatDate(item.publishedAt, true) : null].filter(Boolean).join(' · ');
  return (
    <article className="card news-item" data-testid="news-item" data-dismissed={item.dismissed || undefined}>
      <div className="news-item__main">
        {item.imageUrl && <img className="news-item__image" src={item.imageUrl} alt="" loading="lazy" onError={(e) => (e.currentTarget.hidden = true)} />}
        <div className="stack news-item__text">
          <div className="row">
            <input type="checkbox" checked={selected} onChange={onToggle} aria-label={`${t('library.select')}: ${item.title}`} data-testid="news-select" />
            {item.band && (
              <Badge tone={BAND_TONE[item.band]}>
                {t(`news.band.${item.band}`)} · {item.score}
              </Badge>
            )}
            <span className="muted small">{meta}</span>
          </div>
          <h3 className="card__title">{item.url ? <a href={item.url} target="_blank" rel="noreferrer noopener">{item.title}</a> : item.title}</h3>
          {item.summary && <p className="news-item__summary">{item.summary}</p>}
        </div>
      </div>
      <div className="row news-item__actions">
        <Button
          small
          variant="primary"
          busy={make.isPending}
          onClick={() =>
            make.mutate(
              { itemId: item.id, idempotencyKey: requestKey.current },
              { onSuccess: (project) => void navigate(paths.stage(project.id, 2)), onError: () => (requestKey.current = newRequestKey()) },
            )
          }
        >
          {t('news.makeProject')}
        </Button>
        <Button small onClick={() => setReading((r) => !r)} aria-expanded={reading}>
          {reading ? t('news.hideArticle') : t('news.readArticle')}
        </Button>
        <Button small variant="ghost" aria-pressed={item.favourite} onClick={() => update.mutate({ id: item.id, flags: { favourite: !item.favourite } })}>
          {item.favourite ? `★ ${t('news.favourite')}` : `☆ ${t('news.addFavourite')}`}
        </Button>
        <Button small variant="ghost" onClick={() => update.mutate({ id: item.id, flags: { dismissed: !item.dismissed } })}>
          {item.dismissed ? t('news.restore') : t('news.dismiss')}
        </Button>
      </div>
      {make.isError && <ErrorNotice error={make.error} />}
      {update.isError && <ErrorNotice error={update.error} />}
      {reading && (
        <div className="news-item__article" data-testid="news-article">
          {article.isPending && <Loading label={t('news.fetchingArticle')} />}
          {article.isError && <ErrorNotice error={article.error} />}
          {article.data && (
            <>
              {article.data.origin === 'summary' && <p className="notice notice--warning small">{t('news.summaryOnly', { error: article.data.fetchError ?? '' })}</p>}
              <p className="muted small">{t('news.articleWords', { n: article.data.wordCount })}</p>
              {article.data.text.split(/\n\s*\n/).map((paragraph, index) => (
                <p key={index}>{paragraph}</p>
              ))}
            </>
          )}
        </div>
      )}
    </article>
  );
}
