import { Link } from 'react-router';
import { Button } from '../../../components/ui/Button.tsx';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useProjectLibraryEntry, useSaveProjectScript } from '../../../lib/library.ts';
import { paths } from '../../../lib/paths.ts';

/**
 * "Save to library": the author's current picks become the final script (not marked complete),
 * which is saved as a library entry, or as a new version of the entry saved from this project.
 */
export function SaveToLibrary({ projectId, disabled, saveFinal }: { projectId: string; disabled: boolean; saveFinal: () => Promise<unknown> }) {
  const { t } = useI18n();
  const entry = useProjectLibraryEntry(projectId);
  const save = useSaveProjectScript(projectId);
  const saved = save.data ?? null;
  const run = async () => {
    await saveFinal();
    save.mutate();
  };
  return (
    <div className="stack" data-testid="save-to-library">
      <div className="row">
        <Button disabled={disabled} busy={save.isPending} onClick={() => void run().catch(() => {})}>
          {entry.data ? t('library.saveAgain') : t('library.save')}
        </Button>
        {saved && (
          <span className="muted small" role="status">
            {t('library.saved', { v: saved.latestVersion })} <Link to={paths.library}>{t('library.open')}</Link>
          </span>
        )}
      </div>
      {save.isError && <ErrorNotice error={save.error} />}
    </div>
  );
}
