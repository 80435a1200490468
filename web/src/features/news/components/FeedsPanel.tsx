import { useId, useState } from 'react';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { isApiError } from '../../../lib/http.ts';
import { useAddFeed, useFeeds, useRefreshFeeds, useRemoveFeed } from '../hooks/useNews.ts';

/** The author's feeds: add (a web page offers the feeds it links to), refresh, remove. */
export function FeedsPanel() {
  const { t, formatDate } = useI18n();
  const id = useId();
  const feeds = useFeeds();
  const add = useAddFeed();
  const remove = useRemoveFeed();
  const { refresh, running, error: refreshError } = useRefreshFeeds();
  const [url, setUrl] = useState('');
  const discovered = isApiError(add.error) ? ((add.error.details as { discoveredFeeds?: string[] } | undefined)?.discoveredFeeds ?? []) : [];
  const submit = (value: string) => add.mutate(value, { onSuccess: () => setUrl('') });

  return (
    <section className="panel stack feeds" aria-labelledby={`${id}-title`} data-testid="feeds">
      <div className="panel__head">
        <h2 id={`${id}-title`} className="panel__title">
          {t('news.feeds')}
        </h2>
        {feeds.data && feeds.data.length > 0 && (
          <Button small busy={running} onClick={refresh}>
            ↻ {t('news.refresh')}
          </Button>
        )}
      </div>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (url.trim()) submit(url.trim());
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor={`${id}-url`}>
            {t('news.feedUrl')}
          </label>
          <input id={`${id}-url`} className="input" type="url" placeholder="https://example.com/feed.xml" value={url} onChange={(e) => setUrl(e.target.value)} />
        </div>
        <Button type="submit" variant="primary" busy={add.isPending} disabled={!url.trim()}>
          {t('news.addFeed')}
        </Button>
      </form>
      {add.isError && (
        <ErrorNotice error={add.error} />
      )}
      {discovered.length > 0 && (
        <Notice tone="info" title={t('news.discovered')}>
          <ul className="feeds__discovered">
            {discovered.map((feed) => (
              <li key={feed}>
                <Button small onClick={() => submit(feed)}>
                  {t('news.addThis', { url: feed })}
                </Button>
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {refreshError && <ErrorNotice error={refreshError} />}
      {feeds.data?.length === 0 && <p className="muted small">{t('news.noFeeds')}</p>}
      <ul className="feeds__list">
        {feeds.data?.map((feed) => (
          <li key={feed.id} className="feeds__item" data-testid="feed">
            <div className="stack feeds__text">
              <strong>{feed.title ?? feed.url}</strong>
              <span className="muted small feeds__url">{feed.url}</span>
              <span className="small" data-testid="feed-status">
                {feed.lastStatus === 'error' ? (
                  <span className="feeds__error">{t('news.feedError', { error: feed.lastError ?? '' })}</span>
                ) : (
                  t('news.feedStatus', { count: feed.itemCount, date: feed.lastFetchedAt ? formatDate(feed.lastFetchedAt, true) : '—' })
                )}
              </span>
            </div>
            <Button small variant="ghost" busy={remove.isPending && remove.variables === feed.id} onClick={() => remove.mutate(feed.id)} aria-label={t('news.removeFeed', { title: feed.title ?? feed.url })}>
              {t('projects.delete')}
            </Button>
          </li>
        ))}
      </ul>
      {remove.isError && <ErrorNotice error={remove.error} />}
    </section>
  );
}
