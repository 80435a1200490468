import { Button } from '../ui/Button.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Step } from '../../lib/domain.ts';

interface ConflictNoticeProps {
  current: Step | null;
  onLoadTheirs: () => void;
  onOverwrite: () => void;
  overwriting: boolean;
}

/** Shown instead of silently overwriting when the step moved on since the edit began (HTTP 412). */
export function ConflictNotice({ current, onLoadTheirs, onOverwrite, overwriting }: ConflictNoticeProps) {
  const { t } = useI18n();
  return (
    <Notice
      tone="warning"
      testId="conflict-notice"
      title={t('editor.conflictTitle')}
      actions={
        <>
          <Button small onClick={onLoadTheirs}>
            {t('editor.loadTheirs')}
          </Button>
          <Button small variant="danger" busy={overwriting} onClick={onOverwrite}>
            {t('editor.overwrite')}
          </Button>
        </>
      }
    >
      {current ? (
        <>
          <p>{t('editor.conflictBody', { v: current.version })}</p>
          <details className="conflict__theirs">
            <summary>{t('editor.theirVersion')}</summary>
            <pre className="code">{JSON.stringify(current.data, null, 2)}</pre>
          </details>
        </>
      ) : (
        <p>{t('editor.conflictGone')}</p>
      )}
    </Notice>
  );
}
