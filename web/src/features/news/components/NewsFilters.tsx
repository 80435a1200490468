import { useId } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Feed, NewsQuery } from '../api/news.ts';

const BANDS = ['high', 'medium', 'low'] as const;
const FRESHNESS = ['6h', '24h', '3d', '7d', '30d'] as const;

interface NewsFiltersProps {
  query: NewsQuery;
  feeds: Feed[];
  onChange: (change: Partial<NewsQuery>) => void;
}

/** Score band, source, freshness, text, favourites and dismissed stories. */
export function NewsFilters({ query, feeds, onChange }: NewsFiltersProps) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="news-filters" role="search">
      <div className="segmented" role="group" aria-label={t('news.band')}>
        <button type="button" className="segmented__item" aria-pressed={!query.band} onClick={() => onChange({ band: undefined })}>
          {t('projects.filterAll')}
        </button>
        {BANDS.map((band) => (
          <button key={band} type="button" className="segmented__item" aria-pressed={query.band === band} onClick={() => onChange({ band })}>
            {t(`news.band.${band}`)}
          </button>
        ))}
      </div>
      <div className="news-filters__fields">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-q`}>
            {t('news.search')}
          </label>
          <input id={`${id}-q`} className="input" type="search" value={query.q ?? ''} onChange={(e) => onChange({ q: e.target.value || undefined })} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-feed`}>
            {t('news.source')}
          </label>
          <select id={`${id}-feed`} className="input" value={query.feedId ?? ''} onChange={(e) => onChange({ feedId: e.target.value || undefined })}>
            <option value="">{t('news.allSources')}</option>
            {feeds.map((feed) => (
              <option key={feed.id} value={feed.id}>
                {feed.title ?? feed.url}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-fresh`}>
            {t('news.freshness')}
          </label>
          <select id={`${id}-fresh`} className="input" value={query.freshness ?? ''} onChange={(e) => onChange({ freshness: (e.target.value || undefined) as NewsQuery['freshness'] })}>
            <option value="">{t('news.anyTime')}</option>
            {FRESHNESS.map((f) => (
              <option key={f} value={f}>
                {t(`news.fresh.${f}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="row">
        <label className="checkbox">
          <input type="checkbox" checked={query.favourite === 'true'} onChange={(e) => onChange({ favourite: e.target.checked ? 'true' : undefined })} />
          {t('news.favouritesOnly')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={query.dismissed === 'true'} onChange={(e) => onChange({ dismissed: e.target.checked ? 'true' : undefined })} />
          {t('news.showDismissed')}
        </label>
      </div>
    </div>
  );
}
