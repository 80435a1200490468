import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/Badge.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { isLanguage } from '../../../lib/formats.ts';
import { useNewsSearch } from '../hooks/useSource.ts';
import type { PickedNewsItem } from '../source-draft.ts';

/** Picks a story from the author's feeds; the server fetches its full article when stage 1 is saved. */
export function NewsItemPicker({ picked, onPick }: { picked: PickedNewsItem | null; onPick: (item: PickedNewsItem) => void }) {
  const { t, formatDate } = useI18n();
  const id = useId();
  const [q, setQ] = useState('');
  const news = useNewsSearch(q, true);
  const items = news.data?.items ?? [];
  return (
    <div className="stack">
      {picked && (
        <p data-testid="picked-story">
          <strong>{t('source.pickedStory')}</strong> {picked.title}
        </p>
      )}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-q`}>
          {t('source.searchNews')}
        </label>
        <input id={`${id}-q`} className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      {news.isError && <ErrorNotice error={news.error} />}
      {news.isSuccess && items.length === 0 && (
        <p className="empty">
          {q ? t('source.noStoriesFound') : t('source.noStories')} <Link to="/news">{t('source.openNews')}</Link>
        </p>
      )}
      <ul className="news-pick" aria-label={t('source.stories')}>
        {items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="news-pick__item"
              aria-pressed={picked?.id === item.id}
              onClick={() => onPick({ id: item.id, title: item.title, language: isLanguage(item.language) ? item.language : null })}
            >
              <span className="news-pick__title">{item.title}</span>
              <span className="muted small">
                {[item.feedTitle, item.publishedAt ? formatDate(item.publishedAt) : null].filter(Boolean).join(' · ')}
              </span>
              {item.score !== null && <Badge tone={item.band === 'high' ? 'success' : item.band === 'medium' ? 'accent' : 'muted'}>{item.score}</Badge>}
            </button>
          </li>
        ))}
      </ul>
      {items.length > 0 && (
        <p className="small">
          <Link to="/news">{t('source.manageFeeds')}</Link>
        </p>
      )}
    </div>
  );
}
