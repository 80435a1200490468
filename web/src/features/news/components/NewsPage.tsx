import { useState } from 'react';
import { BatchBar } from '../../../components/batch/BatchBar.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { NewsQuery } from '../api/news.ts';
import { useFeeds, useNewsList } from '../hooks/useNews.ts';
import { FeedsPanel } from './FeedsPanel.tsx';
import { NewsFilters } from './NewsFilters.tsx';
import { NewsItemCard } from './NewsItemCard.tsx';
import '../news.css';

const PAGE = 30;

/** /news: the author's feeds and the stories they brought, to start a video from. */
export function NewsPage() {
  const { t } = useI18n();
  const [query, setQuery] = useState<NewsQuery>({ limit: PAGE });
  const feeds = useFeeds();
  const news = useNewsList(query);
  const [selected, setSelected] = useState<string[]>([]);
  const toggle = (id: string) => setSelected((current) => (current.includes(id) ? current.filter((s) => s !== id) : [...current, id]));
  const change = (next: Partial<NewsQuery>) => setQuery((current) => ({ ...current, ...next, limit: PAGE }));
  return (
    <div className="stack-lg">
      <div className="page-head">
        <div className="stack">
          <h1>{t('news.title')}</h1>
          <p className="lead">{t('news.lead')}</p>
        </div>
      </div>
      <div className="news-layout">
        <FeedsPanel />
        <section className="stack news-list" aria-label={t('news.stories')}>
          <NewsFilters query={query} feeds={feeds.data ?? []} onChange={change} />
          <BatchBar items={selected.map((newsItemId) => ({ kind: 'news', newsItemId }))} onClear={() => setSelected([])} />
          {news.isPending && <Loading />}
          {news.isError && <ErrorNotice error={news.error} onRetry={() => void news.refetch()} />}
          {news.data && (
            <>
              <p className="muted small" data-testid="news-total">
                {t('news.total', { n: news.data.total })}
              </p>
              {news.data.items.length === 0 && <p className="empty">{feeds.data?.length ? t('news.noneMatch') : t('news.empty')}</p>}
              <div className="stack">
                {news.data.items.map((item) => (
                  <NewsItemCard key={item.id} item={item} selected={selected.includes(item.id)} onToggle={() => toggle(item.id)} />
                ))}
              </div>
              {news.data.items.length < news.data.total && (
                <Button onClick={() => setQuery((current) => ({ ...current, limit: (current.limit ?? PAGE) + PAGE }))} busy={news.isFetching}>
                  {t('news.more')}
                </Button>
              )}
            </>
          )}
        </section>
      </div>
    </div>
  );
}
