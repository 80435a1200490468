import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Notice } from '../../../components/ui/Notice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import type { StockMedia } from '../api/storyboard.ts';
import { useChooseStock, useStockSearch } from '../hooks/useStoryboard.ts';
import type { PickerProps } from './VisualEditor.tsx';
import { StoryboardConflictDialog } from './StoryboardConflictDialog.tsx';

const ORIENTATION_KEY = { '9:16': 'storyboard.stock.portrait', '16:9': 'storyboard.stock.landscape', '1:1': 'storyboard.stock.square' } as const;

/** Pexels photos and videos: search terms proposed from the scene, a grid of results, the author kept for attribution. */
export function StockPicker({ projectId, view, scene }: PickerProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => scene.keywords.join(' ') || scene.text.split(/\s+/).slice(0, 3).join(' '));
  const [media, setMedia] = useState<StockMedia>('photo');
  const [search, setSearch] = useState<{ query: string; media: StockMedia; page: number } | null>(null);
  const results = useStockSearch(projectId, view.capabilities.stock.configured ? search : null);
  const choose = useChooseStock(projectId);

  if (!view.capabilities.stock.configured) {
    return (
      <Notice
        tone="warning"
        title={t('storyboard.stock.notConfigured.title')}
        testId="stock-not-configured"
        actions={
          <Link className="btn btn--small" to={paths.providers}>
            {t('storyboard.stock.notConfigured.settings')}
          </Link>
        }
      >
        {t('storyboard.stock.notConfigured.text')}
      </Notice>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim()) setSearch({ query: draft.trim(), media, page: 1 });
  };
  const page = results.data;

  return (
    <div className="stack">
      <form className="row" onSubmit={submit} role="search">
        <input className="input grow" aria-label={t('storyboard.stock.query')} value={draft} maxLength={100} onChange={(e) => setDraft(e.target.value)} />
        <div className="segmented" role="group" aria-label={t('storyboard.stock.media')}>
          {(['photo', 'video'] as const).map((m) => (
            <button key={m} type="button" className="segmented__item" aria-pressed={media === m} onClick={() => setMedia(m)}>
              {t(m === 'photo' ? 'storyboard.stock.photos' : 'storyboard.stock.videos')}
            </button>
          ))}
        </div>
        <Button type="submit" variant="primary" busy={results.isFetching}>
          {t('storyboard.stock.search')}
        </Button>
      </form>
      <p className="muted small">{t(ORIENTATION_KEY[view.aspect])}</p>
      {results.isError && <ErrorNotice error={results.error} />}
      {page && page.items.length === 0 && <p className="muted">{t('storyboard.stock.nothing')}</p>}
      {page && page.items.length > 0 && (
        <>
          <ul className="media-grid media-grid--stock" data-testid="stock-results">
            {page.items.map((item) => (
              <li key={`${item.media}-${item.id}`}>
                <button
                  type="button"
                  className="media-option"
                  disabled={choose.isPending}
                  onClick={() => choose.mutate({ sceneId: scene.sceneId, media: item.media, id: item.id })}
                  aria-label={t(item.media === 'video' ? 'storyboard.stock.videoBy' : 'storyboard.stock.photoBy', { author: item.author })}
                >
                  <img src={item.thumbnailUrl} alt={item.alt ?? ''} loading="lazy" referrerPolicy="no-referrer" />
                  {item.durationSec !== null && <span className="media-option__badge">{Math.round(item.durationSec)} s</span>}
                  <span className="media-option__caption">{item.author}</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="row stock-pages">
            <Button small disabled={!search || search.page <= 1} onClick={() => search && setSearch({ ...search, page: search.page - 1 })}>
              {t('storyboard.stock.previous')}
            </Button>
            <Button small disabled={!page.hasMore} onClick={() => search && setSearch({ ...search, page: search.page + 1 })}>
              {t('storyboard.stock.next')}
            </Button>
            <span className="muted small">
              {t('storyboard.stock.credit')}{' '}
              <a href="https://www.pexels.com" target="_blank" rel="noreferrer noopener">
                Pexels
              </a>
            </span>
          </div>
        </>
      )}
      {choose.isPending && <p className="muted small">{t('storyboard.stock.downloading')}</p>}
      {choose.isError && <ErrorNotice error={choose.error} title={t('storyboard.keptVisual')} />}
      <StoryboardConflictDialog write={choose} />
    </div>
  );
}
