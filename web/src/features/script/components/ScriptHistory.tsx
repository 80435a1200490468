import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useRevertScript, useScriptVersions } from '../hooks/useScript.ts';

/** Every final script saved for the project; an older one can be made current again. */
export function ScriptHistory({ projectId, currentPreview }: { projectId: string; currentPreview: string | null }) {
  const { t, formatDate, formatDuration } = useI18n();
  const versions = useScriptVersions(projectId);
  const revert = useRevertScript(projectId);
  if (!versions.data?.length) return null;
  return (
    <section className="panel stack" aria-labelledby="history-title" data-testid="script-history">
      <h2 id="history-title" className="panel__title">
        {t('script.history')}
      </h2>
      <ol className="history">
        {versions.data.map((version, index) => {
          const current = index === 0 && version.preview === currentPreview;
          return (
            <li key={version.version} className="history__item" data-testid={`script-version-${version.number}`}>
              <div className="stack history__text">
                <span>
                  <strong>{t('script.version', { v: version.number })}</strong>{' '}
                  <span className="muted small">
                    {formatDate(version.createdAt, true)}
                    {version.totalWords !== null ? ` · ${t('script.versionTotals', { words: version.totalWords, duration: formatDuration(version.duration ?? 0) })}` : ''}
                  </span>
                </span>
                <span className="muted small history__preview">{version.preview}</span>
              </div>
              {current ? (
                <span className="badge badge--success">{t('script.current')}</span>
              ) : (
                <Button small busy={revert.isPending && revert.variables === version.version} onClick={() => revert.mutate(version.version)}>
                  {t('script.revert')}
                </Button>
              )}
            </li>
          );
        })}
      </ol>
      {revert.isError && <ErrorNotice error={revert.error} />}
    </section>
  );
}
