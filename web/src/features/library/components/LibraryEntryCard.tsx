import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Badge } from '../../../components/ui/Badge.tsx';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import type { LibraryEntry } from '../api/library.ts';
import { useDeleteEntry, useProduce, useUpdateEntry } from '../hooks/useLibrary.ts';
import { VersionsPanel } from './VersionsPanel.tsx';

interface LibraryEntryCardProps {
  entry: LibraryEntry;
  selected: boolean;
  onToggle: () => void;
  onTag: (tag: string) => void;
}

/** One saved script: its latest text, tags, versions; start production, select for a batch, delete. */
export function LibraryEntryCard({ entry, selected, onToggle, onTag }: LibraryEntryCardProps) {
  const { t, formatDate } = useI18n();
  const navigate = useNavigate();
  const [showVersions, setShowVersions] = useState(false);
  const [tags, setTags] = useState(entry.tags.join(', '));
  const produce = useProduce();
  const update = useUpdateEntry();
  const remove = useDeleteEntry();
  const { script, source } = entry.latest;
  const saveTags = () => update.mutate({ id: entry.id, changes: { tags: tags.split(',').map((tag) => tag.trim()).filter(Boolean) } });
  return (
    <article className="card stack library-entry" data-testid="library-entry">
      <div className="row">
        <label className="row small">
          <input type="checkbox" checked={selected} onChange={onToggle} aria-label={`${t('library.select')}: ${entry.title}`} />
        </label>
        <h3 className="card__title grow">{entry.title}</h3>
        <span className="muted small">
          {t('library.version', { v: entry.latestVersion })} · {formatDate(entry.updatedAt, true)}
        </span>
      </div>
      <div className="row small">
        <Badge tone="muted">{script.language.toUpperCase()}</Badge>
        <Badge tone="muted">{t(`format.${script.format}`)}</Badge>
        <span className="muted">
          {t('library.scenes', { n: script.scenes.length })} · {t('library.words', { n: entry.latest.totalWords })} · {t(`library.source.${source.kind}`)}
        </span>
        {entry.tags.map((tag) => (
          <button key={tag} type="button" className="tag-chip" onClick={() => onTag(tag)}>
            #{tag}
          </button>
        ))}
      </div>
      <ol className="library-entry__scenes">
        {script.scenes.map((scene, index) => (
          <li key={index}>{scene.text}</li>
        ))}
      </ol>
      <div className="row">
        <Button small variant="primary" busy={produce.isPending} title={t('library.produceHint')} onClick={() => produce.mutate(entry.id, { onSuccess: ({ project }) => void navigate(paths.stage(project.id, 4)) })}>
          {t('library.produce')}
        </Button>
        <Button small aria-expanded={showVersions} onClick={() => setShowVersions((v) => !v)}>
          {showVersions ? t('library.hideVersions') : t('library.versions')}
        </Button>
        <span className="grow" />
        <input className="input input--small" aria-label={t('library.tags')} placeholder={t('library.tags')} value={tags} onChange={(e) => setTags(e.target.value)} />
        <Button small variant="ghost" busy={update.isPending} onClick={saveTags}>
          {t('library.saveTags')}
        </Button>
        <Button small variant="ghost" busy={remove.isPending} onClick={() => window.confirm(t('library.deleteConfirm')) && remove.mutate(entry.id)}>
          {t('library.delete')}
        </Button>
      </div>
      {[produce, update, remove].map((m, i) => m.isError && <ErrorNotice key={i} error={m.error} />)}
      {showVersions && <VersionsPanel entryId={entry.id} />}
    </article>
  );
}
