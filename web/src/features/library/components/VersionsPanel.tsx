import { useId, useState } from 'react';
import { Badge } from '../../../components/ui/Badge.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useComparison, useLibraryEntry } from '../hooks/useLibrary.ts';

const CHANGE_TONE = { same: 'muted', changed: 'warning', added: 'success', removed: 'accent' } as const;

/** The versions of a saved script, and two of them side by side, scene by scene. */
export function VersionsPanel({ entryId }: { entryId: string }) {
  const { t, formatDate } = useI18n();
  const id = useId();
  const detail = useLibraryEntry(entryId, true);
  const versions = detail.data?.versions ?? [];
  const [pick, setPick] = useState<{ from?: number; to?: number }>({});
  const to = pick.to ?? versions[0]?.version ?? 1;
  const from = pick.from ?? versions[1]?.version ?? to;
  const comparison = useComparison(entryId, from, to, versions.length > 1);
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorNotice error={detail.error} />;
  const select = (which: 'from' | 'to', label: string, value: number) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${which}`}>
        {label}
      </label>
      <select id={`${id}-${which}`} className="input" value={value} onChange={(e) => setPick((p) => ({ ...p, [which]: Number(e.target.value) }))}>
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            {t('library.version', { v: v.version })}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section className="stack library-versions" data-testid="library-versions">
      <ol className="history">
        {versions.map((v) => (
          <li key={v.version} className="history__item">
            <span>
              <strong>{t('library.version', { v: v.version })}</strong> <span className="muted small">{formatDate(v.createdAt, true)} · {t('library.words', { n: v.totalWords })}</span>
            </span>
            <span className="muted small history__preview">{v.preview}</span>
          </li>
        ))}
      </ol>
      {versions.length > 1 && (
        <div className="stack">
          <div className="row">
            {select('from', t('library.compareFrom'), from)}
            {select('to', t('library.compareTo'), to)}
          </div>
          {comparison.isError && <ErrorNotice error={comparison.error} />}
          {comparison.data && (
            <ol className="library-compare" data-testid="library-compare">
              {comparison.data.scenes.map((scene) => (
                <li key={scene.index} className="library-compare__scene" data-change={scene.change}>
                  <div className="row small">
                    <strong>{t('library.scene', { n: scene.index + 1 })}</strong>
                    <Badge tone={CHANGE_TONE[scene.change]}>{t(`library.change.${scene.change}`)}</Badge>
                  </div>
                  {scene.change === 'same' ? (
                    <p className="small">{scene.after}</p>
                  ) : (
                    <div className="library-compare__pair">
                      <p className="small library-compare__before">{scene.before ?? '—'}</p>
                      <p className="small library-compare__after">{scene.after ?? '—'}</p>
                    </div>
                  )}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
