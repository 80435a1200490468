import { useId, useState } from 'react';
import { BatchBar } from '../../../components/batch/BatchBar.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { LibraryQuery } from '../api/library.ts';
import { useLibraryList } from '../hooks/useLibrary.ts';
import { LibraryEntryCard } from './LibraryEntryCard.tsx';
import '../library.css';

/** /library: the saved scripts, searched by text and tag; start production from one, or a batch from several. */
export function LibraryPage() {
  const { t } = useI18n();
  const id = useId();
  const [query, setQuery] = useState<LibraryQuery>({});
  const [selected, setSelected] = useState<string[]>([]);
  const list = useLibraryList(query);
  const toggle = (entryId: string) => setSelected((current) => (current.includes(entryId) ? current.filter((s) => s !== entryId) : [...current, entryId]));
  const filtered = Boolean(query.q || query.tag);
  return (
    <div className="stack-lg">
      <div className="page-head">
        <div className="stack">
          <h1>{t('library.title')}</h1>
          <p className="lead">{t('library.lead')}</p>
        </div>
      </div>
      <div className="row library-filters" role="search">
        <div className="field grow">
          <label className="field__label" htmlFor={`${id}-q`}>
            {t('library.search')}
          </label>
          <input id={`${id}-q`} className="input" type="search" value={query.q ?? ''} onChange={(e) => setQuery((q) => ({ ...q, q: e.target.value || undefined }))} />
        </div>
        {query.tag && (
          <Button small variant="ghost" onClick={() => setQuery((q) => ({ ...q, tag: undefined }))}>
            {t('library.tag')}: {query.tag} · {t('library.allTags')}
          </Button>
        )}
      </div>
      <BatchBar items={selected.map((entryId) => ({ kind: 'library', entryId }))} onClear={() => setSelected([])} />
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.length === 0 && <p className="empty">{filtered ? t('library.noneMatch') : t('library.empty')}</p>}
      <div className="stack">
        {list.data?.map((entry) => (
          <LibraryEntryCard key={entry.id} entry={entry} selected={selected.includes(entry.id)} onToggle={() => toggle(entry.id)} onTag={(tag) => setQuery((q) => ({ ...q, tag }))} />
        ))}
      </div>
    </div>
  );
}
